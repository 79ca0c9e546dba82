package org.hetao.estation.leisure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;

import org.hetao.estation.calendar.HolidayCalendars;
import org.hetao.estation.leisure.internal.NextDepartures.Departure;
import org.hetao.estation.shared.Jurisdiction;
import org.junit.jupiter.api.Test;

/** The next shuttle departures from a moment, by the Mainland calendar's working days and the bundled timetable. */
class NextDeparturesTests {

	static final HolidayCalendars CALENDARS = HolidayCalendars.bundled();

	static final Function<LocalDate, ServiceDay> DAYS = d -> CALENDARS.isWorkingDay(Jurisdiction.CN, d)
			? ServiceDay.WORKING_DAY : ServiceDay.REST_DAY;

	static final ShuttleFile.Direction H1_OUT = new LeisureDataReader().read(LeisureProperties.BUNDLED)
		.shuttle()
		.route("H1")
		.orElseThrow()
		.directions()
		.get(0);

	static List<Departure> next(String at) {
		return NextDepartures.after(H1_OUT, LocalDateTime.parse(at), DAYS, 3);
	}

	static List<String> times(List<Departure> departures) {
		return departures.stream().map(d -> d.at().toString()).toList();
	}

	@Test
	void onAWorkingDayTheWorkingDayTimetableFromNowOn() {
		// Tuesday 12 May 2026: every 10 minutes in the morning peak
		List<Departure> next = next("2026-05-12T08:03:40");
		assertThat(times(next)).containsExactly("2026-05-12T08:10", "2026-05-12T08:20", "2026-05-12T08:30");
		assertThat(next).extracting(Departure::serviceDay).containsOnly(ServiceDay.WORKING_DAY);
	}

	@Test
	void aBusLeavingThisMinuteStillCounts() {
		assertThat(times(next("2026-05-12T08:10:30"))).first().isEqualTo("2026-05-12T08:10");
	}

	@Test
	void onAWeekendTheRestDayTimetable() {
		// Saturday 16 May 2026: every 30 minutes from 08:00
		List<Departure> next = next("2026-05-16T08:03");
		assertThat(times(next)).containsExactly("2026-05-16T08:30", "2026-05-16T09:00", "2026-05-16T09:30");
		assertThat(next).extracting(Departure::serviceDay).containsOnly(ServiceDay.REST_DAY);
	}

	@Test
	void onAPublicHolidayOnAWeekdayTheRestDayTimetable() {
		// Thursday 1 October 2026, National Day
		assertThat(LocalDate.of(2026, 10, 1).getDayOfWeek().getValue()).isEqualTo(4);
		List<Departure> next = next("2026-10-01T07:00");
		assertThat(times(next)).containsExactly("2026-10-01T08:00", "2026-10-01T08:30", "2026-10-01T09:00");
		assertThat(next).extracting(Departure::serviceDay).containsOnly(ServiceDay.REST_DAY);
	}

	@Test
	void onAMakeUpWorkingDayOnASundayTheWorkingDayTimetable() {
		// Sunday 20 September 2026 is a working day (調休) before the National Day holiday
		List<Departure> next = next("2026-09-20T07:05");
		assertThat(times(next)).containsExactly("2026-09-20T07:10", "2026-09-20T07:20", "2026-09-20T07:30");
		assertThat(next).extracting(Departure::serviceDay).containsOnly(ServiceDay.WORKING_DAY);
	}

	@Test
	void afterTheLastBusTheFirstBusesOfTheNextServiceDay() {
		// Tuesday after the last bus (22:00): Wednesday's working-day buses from 07:00
		assertThat(times(next("2026-05-12T22:01"))).containsExactly("2026-05-13T07:00", "2026-05-13T07:10",
				"2026-05-13T07:20");
		// Friday night: Saturday runs the rest-day timetable from 08:00
		List<Departure> weekend = next("2026-05-15T23:30");
		assertThat(times(weekend)).containsExactly("2026-05-16T08:00", "2026-05-16T08:30", "2026-05-16T09:00");
		assertThat(weekend).extracting(Departure::serviceDay).containsOnly(ServiceDay.REST_DAY);
	}

	@Test
	void theLastBusesOfTheDayThenTheNextMorning() {
		assertThat(times(next("2026-05-12T21:10"))).containsExactly("2026-05-12T21:30", "2026-05-12T22:00",
				"2026-05-13T07:00");
	}

	@Test
	void openingHoursRoundTheClockUntilMidnightAndPastMidnight() {
		assertThat(OpeningHours.parse("00:00", "24:00").roundTheClock()).isTrue();
		OpeningHours lateNight = OpeningHours.parse("06:30", "24:00");
		assertThat(lateNight.isOpenAt(java.time.LocalTime.of(23, 59))).isTrue();
		assertThat(lateNight.isOpenAt(java.time.LocalTime.of(6, 29))).isFalse();
		assertThat(lateNight.closesText()).isEqualTo("24:00");
		OpeningHours spurLine = OpeningHours.parse("06:30", "22:30");
		assertThat(spurLine.isOpenAt(java.time.LocalTime.of(22, 30))).isFalse();
		assertThat(spurLine.isOpenAt(java.time.LocalTime.of(6, 30))).isTrue();
		OpeningHours overnight = OpeningHours.parse("18:00", "02:00");
		assertThat(overnight.isOpenAt(java.time.LocalTime.of(1, 0))).isTrue();
		assertThat(overnight.isOpenAt(java.time.LocalTime.of(12, 0))).isFalse();
	}

}
