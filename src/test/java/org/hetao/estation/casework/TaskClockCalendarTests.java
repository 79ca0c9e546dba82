package org.hetao.estation.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.hetao.estation.calendar.HolidayCalendars;
import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.shared.Jurisdiction;
import org.junit.jupiter.api.Test;

/** Task deadlines on the real bundled calendars: Mainland make-up working days, Hong Kong general holidays. */
class TaskClockCalendarTests {

	static final WorkingCalendars CALENDARS = HolidayCalendars.bundled();

	@Test
	void aMainlandDeadlineCountsTheMakeUpSaturdayAndSkipsTheSpringFestival() {
		// accepted Thursday 12 February 2026: Fri 13 (1), Sat 14 make-up working day (2), 15–23 off, Tue 24 (3)
		TaskClock clock = TaskClock.notStarted(Jurisdiction.CN, 3, null).run(LocalDate.of(2026, 2, 12), CALENDARS);
		assertThat(clock.deadline(CALENDARS).date()).isEqualTo(LocalDate.of(2026, 2, 24));
		assertThat(clock.deadline(CALENDARS).provisional()).isFalse();
		assertThat(clock.status(LocalDate.of(2026, 2, 12), CALENDARS)).as("3 of 3 left on the day of acceptance")
			.isEqualTo(DeadlineStatus.ON_TIME);
		assertThat(clock.status(LocalDate.of(2026, 2, 20), CALENDARS)).as("2 of 3 used during the holiday: 1 left")
			.isEqualTo(DeadlineStatus.DUE_SOON);
		assertThat(clock.status(LocalDate.of(2026, 2, 24), CALENDARS)).isEqualTo(DeadlineStatus.DUE_SOON);
		assertThat(clock.status(LocalDate.of(2026, 2, 25), CALENDARS)).isEqualTo(DeadlineStatus.OVERDUE);
	}

	@Test
	void aCorrectionAcrossTheSpringFestivalMovesTheDeadlineByTheWorkingDaysPaused() {
		TaskClock clock = TaskClock.notStarted(Jurisdiction.CN, 3, null).run(LocalDate.of(2026, 2, 12), CALENDARS);
		// paused Friday 13th (that day counted), resumed Tuesday 24th: Sat 14 and Tue 24 were paused
		TaskClock resumed = clock.pause(LocalDate.of(2026, 2, 13)).run(LocalDate.of(2026, 2, 24), CALENDARS);
		assertThat(resumed.at(LocalDate.of(2026, 2, 24), CALENDARS).pausedWorkingDays()).isEqualTo(2);
		assertThat(resumed.elapsed(LocalDate.of(2026, 2, 24), CALENDARS)).isEqualTo(1);
		assertThat(resumed.deadline(CALENDARS).date()).isEqualTo(LocalDate.of(2026, 2, 26));
	}

	@Test
	void aHongKongDeadlineSkipsTheLunarNewYearGeneralHolidays() {
		// accepted Friday 13 February 2026: Mon 16 (1), 17–19 general holidays, Fri 20 (2), Mon 23 (3)
		TaskClock clock = TaskClock.notStarted(Jurisdiction.HK, 3, null).run(LocalDate.of(2026, 2, 13), CALENDARS);
		assertThat(clock.deadline(CALENDARS).date()).isEqualTo(LocalDate.of(2026, 2, 23));
	}

}
