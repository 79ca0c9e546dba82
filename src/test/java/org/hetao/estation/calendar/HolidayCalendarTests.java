package org.hetao.estation.calendar;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hetao.estation.shared.Jurisdiction.CN;
import static org.hetao.estation.shared.Jurisdiction.HK;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.hetao.estation.calendar.CalendarDay.Kind;
import org.hetao.estation.calendar.WorkingCalendars.Deadline;
import org.junit.jupiter.api.Test;

/** The bundled calendars against the real State Council notices and 1823 general holidays. */
class HolidayCalendarTests {

	final HolidayCalendars calendars = HolidayCalendars.bundled();

	@Test
	void loadsEveryBundledYear() {
		assertThat(calendars.calendar(CN).yearNumbers()).containsExactly(2021, 2022, 2023, 2024, 2025, 2026);
		// The feed starts on 2011-12-26: 2011 is not a whole year.
		assertThat(calendars.calendar(HK).yearNumbers()).first().isEqualTo(2012);
		assertThat(calendars.calendar(HK).yearNumbers()).last().isEqualTo(2026);
		assertThat(calendars.calendar(HK).yearNumbers()).hasSize(15);
	}

	@Test
	void mainlandMakeUpSaturdayBeforeSpringFestivalIsAWorkingDay() {
		LocalDate saturday = parse("2026-02-14");
		assertThat(saturday.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
		assertThat(calendars.isWorkingDay(CN, saturday)).isTrue();
		CalendarDay day = calendars.day(CN, saturday);
		assertThat(day.kind()).isEqualTo(Kind.MAKE_UP_WORKING_DAY);
		assertThat(day.holidayName().en()).isEqualTo("Spring Festival");
		assertThat(day.holidayName().zhHant()).isEqualTo("春節");
		// Hong Kong has no make-up days.
		assertThat(calendars.isWorkingDay(HK, saturday)).isFalse();
	}

	@Test
	void springFestivalDaysAreNotMainlandWorkingDays() {
		for (LocalDate d = parse("2026-02-15"); !d.isAfter(parse("2026-02-23")); d = d.plusDays(1)) {
			assertThat(calendars.isWorkingDay(CN, d)).as(d.toString()).isFalse();
			assertThat(calendars.day(CN, d).kind()).as(d.toString()).isEqualTo(Kind.HOLIDAY);
		}
		assertThat(calendars.isWorkingDay(CN, parse("2026-02-24"))).isTrue();
		assertThat(calendars.isWorkingDay(CN, parse("2026-02-28"))).as("make-up Saturday after the festival").isTrue();
	}

	@Test
	void makeUpSundayAfterNewYearIsAWorkingDay() {
		assertThat(parse("2026-01-04").getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
		assertThat(calendars.isWorkingDay(CN, parse("2026-01-04"))).isTrue();
		assertThat(calendars.isWorkingDay(CN, parse("2026-01-03"))).isFalse();
	}

	@Test
	void newYearsEveIsWorkedAndNewYearIsNot() {
		assertThat(calendars.isWorkingDay(CN, parse("2025-12-31"))).isTrue();
		assertThat(calendars.isWorkingDay(CN, parse("2026-01-01"))).isFalse();
		assertThat(calendars.isWorkingDay(CN, parse("2026-01-02"))).as("a Friday off").isFalse();
		assertThat(calendars.addWorkingDays(CN, parse("2025-12-31"), 1)).isEqualTo(new Deadline(parse("2026-01-04"), false));
		assertThat(calendars.isWorkingDay(HK, parse("2025-12-31"))).isTrue();
		assertThat(calendars.isWorkingDay(HK, parse("2026-01-01"))).isFalse();
		assertThat(calendars.isWorkingDay(HK, parse("2026-01-02"))).isTrue();
	}

	@Test
	void aDecemberDateHeldInTheNextYearsFileIsAHoliday() {
		LocalDate date = parse("2022-12-31");
		assertThat(calendars.calendar(CN).year(2023).orElseThrow().days())
			.anyMatch(d -> d.date().equals(date) && d.offDay());
		assertThat(calendars.calendar(CN).year(2022).orElseThrow().days()).noneMatch(d -> d.date().equals(date));
		CalendarDay day = calendars.day(CN, date);
		assertThat(day.kind()).isEqualTo(Kind.HOLIDAY);
		assertThat(day.holidayName().en()).isEqualTo("New Year's Day");
		// Without the 2022 file the 2023 notice still decides the date.
		HolidayCalendar only2023 = HolidayCalendar.of(CN,
				calendars.calendar(CN).years().stream().filter(y -> y.year() == 2023).toList());
		assertThat(only2023.day(date).kind()).isEqualTo(Kind.HOLIDAY);
		assertThat(only2023.covers(date)).isFalse();
	}

	@Test
	void hongKong2026GeneralHolidaysAreNotWorkingDays() {
		List<String> holidays = List.of("2026-01-01", "2026-02-17", "2026-02-18", "2026-02-19", "2026-04-03",
				"2026-04-04", "2026-04-06", "2026-04-07", "2026-05-01", "2026-05-25", "2026-06-19", "2026-07-01",
				"2026-09-26", "2026-10-01", "2026-10-19", "2026-12-25", "2026-12-26");
		assertThat(calendars.calendar(HK).year(2026).orElseThrow().days()).extracting(d -> d.date().toString())
			.containsExactlyElementsOf(holidays);
		for (String holiday : holidays) {
			assertThat(calendars.isWorkingDay(HK, parse(holiday))).as(holiday).isFalse();
		}
		CalendarDay lunarNewYear = calendars.day(HK, parse("2026-02-17"));
		assertThat(lunarNewYear.holidayName().zhHant()).isEqualTo("農曆年初一");
		assertThat(lunarNewYear.holidayName().zhHans()).isEqualTo("农历年初一");
		assertThat(lunarNewYear.holidayName().en()).isEqualTo("Lunar New Year’s Day");
		// A Mainland holiday that is not a Hong Kong one.
		assertThat(calendars.isWorkingDay(HK, parse("2026-02-16"))).isTrue();
	}

	@Test
	void hongKongSaturdaysAndSundaysAreNotWorkingDays() {
		for (LocalDate d = parse("2026-01-01"); d.getYear() == 2026; d = d.plusDays(1)) {
			if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
				assertThat(calendars.isWorkingDay(HK, d)).as(d.toString()).isFalse();
			}
		}
		assertThat(calendars.workingDaysBetween(HK, parse("2025-12-31"), parse("2026-12-31"))).isEqualTo(261 - 14);
	}

	@Test
	void addingWorkingDaysCrossesTheSpringFestival() {
		assertThat(calendars.addWorkingDays(CN, parse("2026-02-13"), 1).date()).isEqualTo(parse("2026-02-14"));
		assertThat(calendars.addWorkingDays(CN, parse("2026-02-13"), 2).date()).isEqualTo(parse("2026-02-24"));
		assertThat(calendars.addWorkingDays(HK, parse("2026-02-13"), 1).date()).isEqualTo(parse("2026-02-16"));
		assertThat(calendars.addWorkingDays(HK, parse("2026-02-16"), 1).date()).isEqualTo(parse("2026-02-20"));
	}

	@Test
	void addingWorkingDaysCrossesNationalDay() {
		assertThat(calendars.addWorkingDays(CN, parse("2026-09-30"), 1)).isEqualTo(new Deadline(parse("2026-10-08"), false));
		assertThat(calendars.addWorkingDays(CN, parse("2026-09-30"), 3).date()).as("make-up Saturday 10-10")
			.isEqualTo(parse("2026-10-10"));
		assertThat(calendars.addWorkingDays(HK, parse("2026-09-30"), 1).date()).isEqualTo(parse("2026-10-02"));
		assertThat(calendars.workingDaysBetween(CN, parse("2026-09-30"), parse("2026-10-10"))).isEqualTo(3);
	}

	@Test
	void theStartDayDoesNotCountAndZeroDaysIsTheStart() {
		assertThat(calendars.addWorkingDays(CN, parse("2026-03-02"), 0)).isEqualTo(new Deadline(parse("2026-03-02"), false));
		assertThat(calendars.addWorkingDays(CN, parse("2026-03-02"), 1).date()).isEqualTo(parse("2026-03-03"));
		assertThat(calendars.workingDaysBetween(CN, parse("2026-03-03"), parse("2026-03-02"))).isZero();
		assertThatThrownBy(() -> calendars.addWorkingDays(CN, parse("2026-03-02"), -1))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void datesOutsideTheLoadedYearsAreJudgedByWeekendsAndFlaggedProvisional() {
		assertThat(calendars.covers(CN, parse("2027-01-01"))).isFalse();
		assertThat(calendars.covers(HK, parse("2030-06-03"))).isFalse();
		// 1 January 2027 is a Friday: without the 2027 notice it can only be judged a working day.
		assertThat(calendars.isWorkingDay(CN, parse("2027-01-01"))).isTrue();
		assertThat(calendars.day(CN, parse("2027-01-01")).provisional()).isTrue();
		assertThat(calendars.addWorkingDays(CN, parse("2026-12-28"), 5))
			.isEqualTo(new Deadline(parse("2027-01-04"), true));
		assertThat(calendars.addWorkingDays(HK, parse("2030-01-01"), 3))
			.isEqualTo(new Deadline(parse("2030-01-04"), true));
		assertThat(calendars.addWorkingDays(CN, parse("2026-12-28"), 3).provisional()).isFalse();
	}

	@Test
	void missingYearsAreReportedNinetyDaysAhead() {
		assertThat(calendars.missingYears(parse("2026-10-01"))).isEmpty();
		assertThat(calendars.missingYears(parse("2026-10-02"))).as("90 days later is 31 December").isEmpty();
		assertThat(calendars.missingYears(parse("2026-10-03"))).as("90 days later is 1 January 2027")
			.containsExactly(new MissingYear(CN, 2027), new MissingYear(HK, 2027));
		assertThat(calendars.missingYears(parse("2026-11-02"))).containsExactly(new MissingYear(CN, 2027),
				new MissingYear(HK, 2027));
		assertThat(calendars.missingYears(parse("2030-03-01"))).containsExactly(new MissingYear(CN, 2030),
				new MissingYear(HK, 2030));
	}

	@Test
	void anUploadedYearReplacesTheBundledOne() {
		CalendarYear replacement = new CalendarYear(CN, 2026,
				List.of(new CalendarYear.SpecialDay(parse("2026-03-02"), true, MainlandHolidayNames.translate("春节"))),
				"test");
		List<CalendarYear> years = new java.util.ArrayList<>(calendars.calendar(CN).years());
		years.add(replacement);
		HolidayCalendar replaced = HolidayCalendar.of(CN, years);
		assertThat(replaced.isWorkingDay(parse("2026-03-02"))).isFalse();
		assertThat(replaced.isWorkingDay(parse("2026-02-16"))).as("the bundled 2026 is gone").isTrue();
		assertThat(replaced.isWorkingDay(parse("2025-10-01"))).isFalse();
	}

}
