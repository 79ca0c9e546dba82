package org.hetao.estation.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.hetao.estation.shared.Jurisdiction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The administrator's calendar page: who sees it, the warning for years still to load, and uploads that
 * replace a year at once — or, when the file is bad, change nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CalendarAdminIntegrationTests {

	static final String PASSWORD = "test-Password-2026";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	WorkingCalendars calendars;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	java.time.Clock clock;

	static MockMultipartFile json(String part, String name, String content) {
		return new MockMultipartFile(part, name, MediaType.APPLICATION_JSON_VALUE, content.getBytes(StandardCharsets.UTF_8));
	}

	MvcTestResult uploadMainland(String year, MockMultipartFile file) {
		return mvc.post()
			.uri("/admin/calendars/cn")
			.multipart()
			.file(file)
			.param("year", year)
			.header("Accept-Language", "en")
			.with(httpBasic("admin", PASSWORD))
			.with(csrf())
			.exchange();
	}

	Map<String, Object> storedRow(Jurisdiction jurisdiction, int year) {
		return jdbc.sql("select content, version from calendar_year where jurisdiction = :j and year_number = :y")
			.param("j", jurisdiction.name())
			.param("y", year)
			.query()
			.singleRow();
	}

	@Test
	void onlyStaffWhoNeedItSeeThePageAndOnlyAdministratorsUpload() {
		assertThat(mvc.get().uri("/admin/calendars").accept(MediaType.TEXT_HTML).exchange()).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/admin/calendars").with(httpBasic("clerk", PASSWORD)).exchange()).hasStatus(403);
		MvcTestResult supervisor = mvc.get()
			.uri("/admin/calendars")
			.header("Accept-Language", "en")
			.with(httpBasic("supervisor", PASSWORD))
			.exchange();
		assertThat(supervisor).hasStatusOk().bodyText().contains("Mainland China", "Hong Kong", "2026", "Bundled data file")
			.doesNotContain("upload-cn");
		assertThat(mvc.post()
			.uri("/admin/calendars/cn")
			.multipart()
			.file(json("file", "2039.json", "{\"year\":2039,\"papers\":[],\"days\":[]}"))
			.param("year", "2039")
			.with(httpBasic("supervisor", PASSWORD))
			.with(csrf())
			.exchange()).hasStatus(403);
		assertThat(calendars.covers(Jurisdiction.CN, LocalDate.of(2039, 1, 1))).isFalse();
		assertThat(mvc.get().uri("/admin/calendars").with(httpBasic("admin", PASSWORD)).exchange()).hasStatusOk()
			.bodyText()
			.contains("upload-cn", "upload-hk");
	}

	@Test
	void supervisorsAreWarnedOfYearsStillToLoad() {
		LocalDate today = LocalDate.now(clock);
		var missing = calendars.missingYears(today);
		MvcTestResult page = mvc.get()
			.uri("/admin/calendars")
			.header("Accept-Language", "en")
			.with(httpBasic("supervisor", PASSWORD))
			.exchange();
		if (missing.isEmpty()) {
			assertThat(page).bodyText().contains("Every calendar needed for the next 90 days is loaded.");
		}
		else {
			assertThat(page).bodyText().contains("Load the next year’s calendar");
			for (MissingYear year : missing) {
				String name = year.jurisdiction() == Jurisdiction.CN ? "Mainland China" : "Hong Kong";
				assertThat(page).bodyText().contains(name + ": the calendar for " + year.year() + " is not loaded.");
			}
		}
	}

	@Test
	void aValidMainlandFileReplacesTheYearAndABadOneChangesNothing() {
		MvcTestResult ok = uploadMainland("2036", json("file", "2036.json", """
				{"year": 2036, "papers": ["https://www.gov.cn/example"], "days": [
				  {"name": "元旦", "date": "2035-12-31", "isOffDay": true},
				  {"name": "春节", "date": "2036-01-28", "isOffDay": true},
				  {"name": "春节", "date": "2036-02-02", "isOffDay": false}
				]}"""));
		assertThat(ok).hasStatus3xxRedirection().hasRedirectedUrl("/admin/calendars");
		assertThat(ok.getMvcResult().getFlashMap().get("uploaded")).isNotNull();
		assertThat(calendars.isWorkingDay(Jurisdiction.CN, LocalDate.of(2036, 1, 28))).isFalse();
		assertThat(calendars.isWorkingDay(Jurisdiction.CN, LocalDate.of(2036, 2, 2))).as("make-up Saturday").isTrue();
		assertThat(calendars.isWorkingDay(Jurisdiction.CN, LocalDate.of(2035, 12, 31))).as("held in the next year's file")
			.isFalse();
		Map<String, Object> before = storedRow(Jurisdiction.CN, 2036);
		assertThat(mvc.get().uri("/admin/calendars").header("Accept-Language", "en").with(httpBasic("admin", PASSWORD))
			.exchange()).hasStatusOk().bodyText().containsPattern("Uploaded by admin on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");

		MvcTestResult bad = uploadMainland("2036", json("file", "2036.json", """
				{"year": 2036, "papers": [], "days": [
				  {"name": "春节", "date": "2036-01-29", "isOffDay": true},
				  {"name": "春节", "date": "2036-01-29", "isOffDay": true},
				  {"name": "劳动节", "date": "2036-05-01"},
				  {"name": "国庆节", "date": "2036-10-32", "isOffDay": true},
				  {"name": "国庆节", "date": "2036-10-08", "isOffDay": false}
				]}"""));
		assertThat(bad).hasStatus(422).bodyText()
			.contains("nothing", "2036-01-29 is listed twice", "Entry 3 does not say whether it is a day off",
					"“2036-10-32” is not a date", "2036-10-08 is not a Saturday or Sunday", "aria-invalid=\"true\"");
		assertThat(storedRow(Jurisdiction.CN, 2036)).isEqualTo(before);
		assertThat(calendars.isWorkingDay(Jurisdiction.CN, LocalDate.of(2036, 1, 29))).isTrue();
		assertThat(calendars.isWorkingDay(Jurisdiction.CN, LocalDate.of(2036, 1, 28))).isFalse();
	}

	@Test
	void theFileMustBeForTheYearGivenAndWellFormed() {
		assertThat(uploadMainland("2037", json("file", "2036.json", "{\"year\": 2036, \"papers\": [], \"days\": []}")))
			.hasStatus(422)
			.bodyText()
			.contains("The file is for 2036, not for 2037.");
		assertThat(uploadMainland("2037", json("file", "2037.json", "{\"year\": 2037, \"days\": [")))
			.hasStatus(422)
			.bodyText()
			.contains("not well-formed JSON");
		assertThat(uploadMainland("2037", json("file", "2037.json", "[]"))).hasStatus(422).bodyText()
			.contains("not in the holiday-cn format");
		assertThat(uploadMainland("2037", json("file", "2037.json", """
				{"year": 2037, "papers": [], "days": [{"name": "元旦", "date": "2038-01-01", "isOffDay": true}]}""")))
			.hasStatus(422)
			.bodyText()
			.contains("The date 2038-01-01 is not in 2037.");
		assertThat(uploadMainland("abc", json("file", "2037.json", "{}"))).hasStatus(422).bodyText()
			.contains("Give a year from 2000 to 2100.");
		assertThat(mvc.post()
			.uri("/admin/calendars/cn")
			.multipart()
			.param("year", "2037")
			.header("Accept-Language", "en")
			.with(httpBasic("admin", PASSWORD))
			.with(csrf())
			.exchange()).hasStatus(422).bodyText().contains("Choose a file to upload.");
		assertThat(jdbc.sql("select count(*) from calendar_year where year_number = 2037").query(Long.class).single())
			.isZero();
		assertThat(calendars.covers(Jurisdiction.CN, LocalDate.of(2037, 1, 1))).isFalse();
	}

	@Test
	void hongKongYearsComeFromTheFeedsLanguageFiles() {
		MvcTestResult ok = mvc.post()
			.uri("/admin/calendars/hk")
			.multipart()
			.file(json("en", "en.json", """
					[{"id": "20380101@1823.gov.hk", "name": "The first day of January", "date": "2038-01-01"},
					 {"id": "20380701@1823.gov.hk", "name": "Hong Kong Special Administrative Region Establishment Day", "date": "2038-07-01"}]"""))
			.file(json("tc", "tc.json", """
					[{"id": "20380101@1823.gov.hk", "name": "一月一日", "date": "2038-01-01"},
					 {"id": "20380701@1823.gov.hk", "name": "香港特別行政區成立紀念日", "date": "2038-07-01"}]"""))
			.param("year", "2038")
			.with(httpBasic("admin", PASSWORD))
			.with(csrf())
			.exchange();
		assertThat(ok).hasStatus3xxRedirection();
		assertThat(calendars.isWorkingDay(Jurisdiction.HK, LocalDate.of(2038, 7, 1))).isFalse();
		assertThat(calendars.covers(Jurisdiction.HK, LocalDate.of(2038, 3, 1))).isTrue();
		assertThat(calendars.day(Jurisdiction.HK, LocalDate.of(2038, 7, 1)).holidayName().zhHant())
			.isEqualTo("香港特別行政區成立紀念日");
		assertThat(mvc.get().uri("/calendars?month=2038-07").exchange()).bodyText().contains("香港特別行政區成立紀念日");

		MvcTestResult disagree = mvc.post()
			.uri("/admin/calendars/hk")
			.multipart()
			.file(json("en", "en.json", "[{\"name\": \"The first day of January\", \"date\": \"2038-01-01\"}]"))
			.file(json("sc", "sc.json", "[{\"name\": \"一月一日\", \"date\": \"2038-01-02\"}]"))
			.param("year", "2038")
			.header("Accept-Language", "en")
			.with(httpBasic("admin", PASSWORD))
			.with(csrf())
			.exchange();
		assertThat(disagree).hasStatus(422).bodyText().contains("lists other dates than the other file");
		assertThat(calendars.isWorkingDay(Jurisdiction.HK, LocalDate.of(2038, 7, 1))).as("unchanged").isFalse();
	}

	@Test
	void removingAnUploadGoesBackToTheFiles() {
		assertThat(uploadMainland("2040", json("file", "2040.json", """
				{"year": 2040, "papers": [], "days": [{"name": "元旦", "date": "2040-01-02", "isOffDay": true}]}""")))
			.hasStatus3xxRedirection();
		assertThat(calendars.covers(Jurisdiction.CN, LocalDate.of(2040, 1, 1))).isTrue();
		assertThat(mvc.post()
			.uri("/admin/calendars/CN/2040/remove")
			.with(httpBasic("admin", PASSWORD))
			.with(csrf())
			.exchange()).hasStatus3xxRedirection();
		assertThat(calendars.covers(Jurisdiction.CN, LocalDate.of(2040, 1, 1))).isFalse();
		assertThat(calendars.isWorkingDay(Jurisdiction.CN, LocalDate.of(2040, 1, 2))).isTrue();
	}

}
