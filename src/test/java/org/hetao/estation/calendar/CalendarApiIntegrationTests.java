package org.hetao.estation.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The public calendar API: exact answers on the real calendars, clear 400s, uploads for administrators only. */
@SpringBootTest
@AutoConfigureMockMvc
class CalendarApiIntegrationTests {

	static final String PASSWORD = "test-Password-2026";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	WorkingCalendars calendars;

	private String body(MvcTestResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void aMakeUpSaturdayIsAMainlandWorkingDayButNotAHongKongOne() throws Exception {
		MvcTestResult cn = mvc.get().uri("/api/v1/calendars/CN/days/2026-02-14").exchange();
		assertThat(cn).hasStatusOk();
		assertThat(cn.getResponse().getContentType()).startsWith("application/json");
		assertThat(body(cn)).isEqualTo("{\"date\":\"2026-02-14\",\"workingDay\":true}");
		assertThat(body(mvc.get().uri("/api/v1/calendars/HK/days/2026-02-14").exchange()))
			.isEqualTo("{\"date\":\"2026-02-14\",\"workingDay\":false}");
		assertThat(body(mvc.get().uri("/api/v1/calendars/CN/days/2026-02-16").exchange()))
			.isEqualTo("{\"date\":\"2026-02-16\",\"workingDay\":false}");
		assertThat(body(mvc.get().uri("/api/v1/calendars/HK/days/2026-02-16").exchange()))
			.isEqualTo("{\"date\":\"2026-02-16\",\"workingDay\":true}");
	}

	@Test
	void deadlineIsTheNthWorkingDayAfterTheStart() throws Exception {
		MvcTestResult result = mvc.get().uri("/api/v1/calendars/CN/deadline?start=2026-09-30&workingDays=1").exchange();
		assertThat(result).hasStatusOk();
		assertThat(body(result))
			.isEqualTo("{\"start\":\"2026-09-30\",\"workingDays\":1,\"deadline\":\"2026-10-08\",\"provisional\":false}");
		assertThat(body(mvc.get().uri("/api/v1/calendars/HK/deadline?start=2026-09-30&workingDays=1").exchange()))
			.isEqualTo("{\"start\":\"2026-09-30\",\"workingDays\":1,\"deadline\":\"2026-10-02\",\"provisional\":false}");
		assertThat(body(mvc.get().uri("/api/v1/calendars/CN/deadline?start=2026-02-13&workingDays=0").exchange()))
			.isEqualTo("{\"start\":\"2026-02-13\",\"workingDays\":0,\"deadline\":\"2026-02-13\",\"provisional\":false}");
	}

	@Test
	void aDeadlineInAYearNotLoadedIsProvisional() throws Exception {
		assertThat(body(mvc.get().uri("/api/v1/calendars/CN/deadline?start=2026-12-28&workingDays=5").exchange()))
			.isEqualTo("{\"start\":\"2026-12-28\",\"workingDays\":5,\"deadline\":\"2027-01-04\",\"provisional\":true}");
		assertThat(body(mvc.get().uri("/api/v1/calendars/HK/deadline?start=2030-01-01&workingDays=3").exchange()))
			.isEqualTo("{\"start\":\"2030-01-01\",\"workingDays\":3,\"deadline\":\"2030-01-04\",\"provisional\":true}");
	}

	@Test
	void anUnknownJurisdictionIsAClear400InTheCallersLanguage() {
		MvcTestResult en = mvc.get().uri("/api/v1/calendars/MO/days/2026-02-14").header("Accept-Language", "en").exchange();
		assertThat(en).hasStatus(400);
		assertThat(en.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(en).bodyJson().extractingPath("$.detail").asString().contains("MO", "CN", "HK");
		assertThat(en).bodyJson().extractingPath("$.code").isEqualTo("calendar.api.jurisdictionInvalid");
		MvcTestResult hant = mvc.get().uri("/api/v1/calendars/MO/days/2026-02-14").exchange();
		assertThat(hant).bodyJson().extractingPath("$.detail").asString().contains("內地", "香港");
		MvcTestResult hans = mvc.get().uri("/api/v1/calendars/MO/days/2026-02-14").header("Accept-Language", "zh-CN").exchange();
		assertThat(hans).bodyJson().extractingPath("$.detail").asString().contains("内地");
	}

	@Test
	void badDatesAndWorkingDaysAre400s() {
		for (String uri : new String[] { "/api/v1/calendars/CN/days/2026-02-30", "/api/v1/calendars/CN/days/14-02-2026",
				"/api/v1/calendars/HK/days/tomorrow", "/api/v1/calendars/CN/deadline?start=2026-01-01&workingDays=-1",
				"/api/v1/calendars/CN/deadline?start=2026-01-01&workingDays=abc",
				"/api/v1/calendars/CN/deadline?start=2026-01-01&workingDays=10001",
				"/api/v1/calendars/CN/deadline?workingDays=3", "/api/v1/calendars/CN/deadline?start=2026-01-01",
				"/api/v1/calendars/CN/deadline?start=2026-13-01&workingDays=3" }) {
			MvcTestResult result = mvc.get().uri(uri).header("Accept-Language", "en").exchange();
			assertThat(result).as(uri).hasStatus(400);
			assertThat(result.getResponse().getContentType()).as(uri).startsWith("application/problem+json");
			assertThat(result).bodyJson().extractingPath("$.detail").asString().as(uri).isNotBlank()
				.doesNotContain("Exception");
		}
		assertThat(mvc.get().uri("/api/v1/calendars/CN/deadline?start=2026-01-01&workingDays=-1")
			.header("Accept-Language", "en")
			.exchange()).bodyJson().extractingPath("$.detail").asString().contains("-1", "0 to 10000");
		assertThat(mvc.get().uri("/api/v1/calendars/CN/days/2026-02-30").header("Accept-Language", "en").exchange())
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("2026-02-30", "yyyy-MM-dd");
	}

	@Test
	void coverageListsTheYearsStillToLoad() {
		MvcTestResult result = mvc.get().uri("/api/v1/calendars/coverage").exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.lookAheadDays").isEqualTo(90);
		assertThat(mvc.get().uri("/api/v1/calendars/CN/years").exchange()).hasStatusOk()
			.bodyJson()
			.extractingPath("$[?(@.year == 2026)].holidays")
			.asArray()
			.containsExactly(33);
	}

	@Test
	void onlyAnAdministratorUploadsAYear() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "2035.json", MediaType.APPLICATION_JSON_VALUE, """
				{"year": 2035, "papers": [], "days": [
				  {"name": "春节", "date": "2035-02-07", "isOffDay": true},
				  {"name": "春节", "date": "2035-02-10", "isOffDay": false}
				]}""".getBytes(StandardCharsets.UTF_8));
		assertThat(mvc.post().uri("/api/v1/calendars/CN/years/2035").multipart().file(file).exchange()).hasStatus(401);
		assertThat(mvc.post()
			.uri("/api/v1/calendars/CN/years/2035")
			.multipart()
			.file(file)
			.with(httpBasic("clerk", PASSWORD))
			.exchange()).hasStatus(403);

		MvcTestResult created = mvc.post()
			.uri("/api/v1/calendars/CN/years/2035")
			.multipart()
			.file(file)
			.with(httpBasic("admin", PASSWORD))
			.exchange();
		assertThat(created).hasStatus(201);
		assertThat(created).bodyJson().extractingPath("$.year").isEqualTo(2035);
		assertThat(created).bodyJson().extractingPath("$.uploadedBy").isEqualTo("admin");
		assertThat(body(mvc.get().uri("/api/v1/calendars/CN/days/2035-02-07").exchange()))
			.isEqualTo("{\"date\":\"2035-02-07\",\"workingDay\":false}");
		assertThat(body(mvc.get().uri("/api/v1/calendars/CN/days/2035-02-10").exchange())).as("a make-up Saturday")
			.isEqualTo("{\"date\":\"2035-02-10\",\"workingDay\":true}");
		assertThat(calendars.covers(org.hetao.estation.shared.Jurisdiction.CN, java.time.LocalDate.of(2035, 6, 1))).isTrue();
		MvcTestResult listed = mvc.get().uri("/api/v1/calendars/CN/years").exchange();
		assertThat(listed).bodyJson().extractingPath("$[?(@.year == 2035)].uploaded").asArray().containsExactly(true);
		assertThat(body(listed)).as("who uploaded is not public").doesNotContain("uploadedBy");
		assertThat(body(mvc.get().uri("/api/v1/calendars/CN/deadline?start=2035-02-08&workingDays=2").exchange()))
			.isEqualTo("{\"start\":\"2035-02-08\",\"workingDays\":2,\"deadline\":\"2035-02-10\",\"provisional\":false}");
	}

	@Test
	void anUploadedYearCanBeRemovedByAnAdministrator() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "2034.json", MediaType.APPLICATION_JSON_VALUE,
				"{\"year\": 2034, \"papers\": [], \"days\": [{\"name\": \"元旦\", \"date\": \"2034-01-02\", \"isOffDay\": true}]}"
					.getBytes(StandardCharsets.UTF_8));
		assertThat(mvc.post().uri("/api/v1/calendars/CN/years/2034").multipart().file(file)
			.with(httpBasic("admin", PASSWORD)).exchange()).hasStatus(201);
		assertThat(body(mvc.get().uri("/api/v1/calendars/CN/days/2034-01-02").exchange())).contains("false");
		assertThat(mvc.delete().uri("/api/v1/calendars/CN/years/2034").with(httpBasic("clerk", PASSWORD)).exchange())
			.hasStatus(403);
		assertThat(mvc.delete().uri("/api/v1/calendars/CN/years/2034").with(httpBasic("admin", PASSWORD)).exchange())
			.hasStatus(204);
		assertThat(body(mvc.get().uri("/api/v1/calendars/CN/days/2034-01-02").exchange())).contains("true");
		assertThat(mvc.delete().uri("/api/v1/calendars/CN/years/2034").with(httpBasic("admin", PASSWORD)).exchange())
			.hasStatus(404);
	}

	@Test
	void theApiIsDescribedInOpenApi() {
		assertThat(mvc.get().uri("/v3/api-docs").exchange()).hasStatusOk().bodyText()
			.contains("/api/v1/calendars/{jurisdiction}/days/{date}", "/api/v1/calendars/{jurisdiction}/deadline");
	}

	@Test
	void anInvalidUploadIsRefusedWithItsFindings() {
		MockMultipartFile file = new MockMultipartFile("file", "2035.json", MediaType.APPLICATION_JSON_VALUE, """
				{"year": 2035, "papers": [], "days": [
				  {"name": "春节", "date": "2035-02-07", "isOffDay": true},
				  {"name": "春节", "date": "2035-02-07", "isOffDay": true},
				  {"name": "国庆节", "date": "2036-10-01", "isOffDay": true}
				]}""".getBytes(StandardCharsets.UTF_8));
		MvcTestResult result = mvc.post()
			.uri("/api/v1/calendars/CN/years/2035")
			.multipart()
			.file(file)
			.header("Accept-Language", "en")
			.with(httpBasic("admin", PASSWORD))
			.exchange();
		assertThat(result).hasStatus(422);
		assertThat(result).bodyJson().extractingPath("$.errors[*].code").asArray()
			.containsExactly("calendar.file.duplicateDate", "calendar.file.dateOutsideYear");
		assertThat(result).bodyJson().extractingPath("$.errors[0].message").asString().contains("2035-02-07", "twice");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("file");
	}

}
