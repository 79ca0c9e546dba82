package org.hetao.estation.calendar;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.Problem;
import org.junit.jupiter.api.Test;

/** Reading and checking year files: every finding reported, nothing accepted in part. */
class CalendarFilesTests {

	static Problem refused(Runnable reading) {
		return catchThrowableOfType(Problem.class, reading::run);
	}

	@Test
	void readsAMainlandYearWithHolidayNamesInThreeLanguages() {
		CalendarYear year = CalendarFiles.readMainland("""
				{"year": 2025, "papers": [], "days": [
				  {"name": "国庆节、中秋节", "date": "2025-10-08", "isOffDay": true},
				  {"name": "元旦", "date": "2024-12-31", "isOffDay": true},
				  {"name": "劳动节", "date": "2025-04-27", "isOffDay": false},
				  {"name": "某新节日", "date": "2025-06-02", "isOffDay": true}
				]}""", 2025, "file", "test");
		assertThat(year.jurisdiction()).isEqualTo(Jurisdiction.CN);
		assertThat(year.days()).extracting(d -> d.date().toString())
			.containsExactly("2024-12-31", "2025-04-27", "2025-06-02", "2025-10-08");
		CalendarYear.SpecialDay combined = year.days().get(3);
		assertThat(combined.name().zhHant()).isEqualTo("國慶節、中秋節");
		assertThat(combined.name().en()).isEqualTo("National Day and Mid-Autumn Festival");
		assertThat(year.days().get(1).makeUpWorkingDay()).isTrue();
		assertThat(year.days().get(2).name().en()).as("unknown names are kept as published").isEqualTo("某新节日");
	}

	@Test
	void reportsEveryFindingOfABadMainlandFile() {
		Problem problem = refused(() -> CalendarFiles.readMainland("""
				{"year": 2026, "papers": [], "days": [
				  {"name": "春节", "date": "2026-02-15", "isOffDay": true},
				  {"name": "春节", "date": "2026-02-15", "isOffDay": true},
				  {"name": "", "date": "2026-03-01", "isOffDay": true},
				  {"name": "清明节", "date": "2026/04/05", "isOffDay": true},
				  {"name": "国庆节", "date": "2026-10-09", "isOffDay": false},
				  {"name": "元旦", "date": "2025-06-30", "isOffDay": true},
				  {"name": "元旦", "date": "2026-01-01", "isOffDay": "yes"}
				]}""", 2026, "file", "test"));
		assertThat(problem.kind()).isEqualTo(Problem.Kind.UNPROCESSABLE);
		assertThat(problem.fieldErrors()).extracting(Problem.FieldError::messageKey)
			.containsExactly("calendar.file.duplicateDate", "calendar.file.nameMissing", "calendar.file.dateInvalid",
					"calendar.file.makeUpOnWeekday", "calendar.file.dateOutsideYear", "calendar.file.offDayMissing");
		assertThat(problem.fieldErrors()).allMatch(e -> e.field().equals("file"));
	}

	@Test
	void refusesWhatIsNotAMainlandYearFile() {
		assertThat(refused(() -> CalendarFiles.readMainland("", 2026, "file", "t")).fieldErrors().get(0).messageKey())
			.isEqualTo("calendar.file.empty");
		assertThat(refused(() -> CalendarFiles.readMainland("{\"year\": 2026,", 2026, "file", "t")).fieldErrors().get(0)
			.messageKey()).isEqualTo("calendar.file.notJson");
		assertThat(refused(() -> CalendarFiles.readMainland("{\"days\": []}", 2026, "file", "t")).fieldErrors().get(0)
			.messageKey()).isEqualTo("calendar.file.yearMissing");
		assertThat(refused(() -> CalendarFiles.readMainland("{\"year\": 2026}", 2026, "file", "t")).fieldErrors().get(0)
			.messageKey()).isEqualTo("calendar.file.notMainlandFormat");
		Problem mismatch = refused(() -> CalendarFiles.readMainland("{\"year\": 2026, \"days\": []}", 2027, "file", "t"));
		assertThat(mismatch.fieldErrors().get(0).messageKey()).isEqualTo("calendar.file.yearMismatch");
		assertThat(mismatch.fieldErrors().get(0).args()).containsExactly(2026, 2027);
	}

	@Test
	void everyBundledMainlandFileIsValid() {
		for (int year = 2021; year <= 2026; year++) {
			assertThat(HolidayCalendars.bundled().calendar(Jurisdiction.CN).year(year)).as("" + year).isPresent();
		}
		// The make-up days of 2026 named in the notice.
		assertThat(HolidayCalendars.bundled().calendar(Jurisdiction.CN).year(2026).orElseThrow().days())
			.filteredOn(CalendarYear.SpecialDay::makeUpWorkingDay)
			.extracting(d -> d.date().toString())
			.containsExactly("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
	}

	@Test
	void theHongKongFeedCoversOnlyWholeYearsAndFallsBackForAMissingName() {
		CalendarYear year2015 = HolidayCalendars.bundled().calendar(Jurisdiction.HK).year(2015).orElseThrow();
		CalendarYear.SpecialDay victory = year2015.days()
			.stream()
			.filter(d -> d.date().equals(parse("2015-09-03")))
			.findFirst()
			.orElseThrow();
		// Missing from the Simplified Chinese file: the Traditional name stands in.
		assertThat(victory.name().zhHans()).isEqualTo(victory.name().zhHant());
		assertThat(HolidayCalendars.bundled().calendar(Jurisdiction.HK).year(2011)).isEmpty();
		// A partial year is not loaded: its days are judged by the weekend only, provisionally.
		assertThat(HolidayCalendars.bundled().day(Jurisdiction.HK, parse("2011-12-27")).provisional()).isTrue();
		assertThat(HolidayCalendars.bundled().day(Jurisdiction.HK, parse("2012-12-27")).provisional()).isFalse();
	}

	@Test
	void aHongKongYearMustHoldOnlyItsOwnDatesOnce() {
		Problem problem = refused(() -> CalendarFiles.readHongKongYear(Map.of(Language.EN, """
				[{"id": "20270101@1823.gov.hk", "name": "The first day of January", "date": "2027-01-01"},
				 {"id": "20270101@1823.gov.hk", "name": "The first day of January", "date": "2027-01-01"},
				 {"id": "20261225@1823.gov.hk", "name": "Christmas Day", "date": "2026-12-25"},
				 {"id": "20270702@1823.gov.hk", "name": "Establishment Day", "date": "2027-07-01"}]"""), 2027,
				Map.of(Language.EN, "en"), "t"));
		assertThat(problem.fieldErrors()).extracting(Problem.FieldError::messageKey)
			.containsExactlyInAnyOrder("calendar.file.duplicateDate", "calendar.file.idMismatch",
					"calendar.file.dateOutsideYear");
		assertThat(problem.fieldErrors()).allMatch(e -> e.field().equals("en"));
		assertThat(refused(() -> CalendarFiles.readHongKongYear(Map.of(Language.EN, "{}"), 2027, Map.of(Language.EN, "en"),
				"t")).fieldErrors().get(0).messageKey()).isEqualTo("calendar.file.notHongKongFormat");
	}

	@Test
	void storedFormRoundTrips() {
		CalendarYear year = HolidayCalendars.bundled().calendar(Jurisdiction.HK).year(2026).orElseThrow();
		CalendarYear back = CalendarFiles.fromStoredJson(CalendarFiles.toStoredJson(year), year.source());
		assertThat(back).isEqualTo(year);
	}

}
