package org.hetao.estation.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.hetao.estation.shared.Jurisdiction;
import org.junit.jupiter.api.Test;

/** The promised-time clock: start, pause, resume, due soon at 80 %, overdue after the deadline. */
class TaskClockTests {

	/** Christmas Day a holiday; Monday 30 November 2026 as the start. */
	final WeekendCalendars calendars = new WeekendCalendars(LocalDate.of(2026, 12, 25));

	final LocalDate monday = LocalDate.of(2026, 11, 30);

	@Test
	void notStartedHasNoDeadlineNorStatus() {
		TaskClock clock = TaskClock.notStarted(Jurisdiction.HK, 10);
		assertThat(clock.deadline(calendars)).isNull();
		assertThat(clock.status(monday, calendars)).isNull();
		assertThat(clock.pause(monday)).isEqualTo(clock);
	}

	@Test
	void theDayOfAcceptanceDoesNotCountAndHolidaysAreSkipped() {
		TaskClock clock = TaskClock.notStarted(Jurisdiction.HK, 10).run(LocalDate.of(2026, 12, 18), calendars);
		// Fri 18 Dec + 10 working days, skipping weekends and Fri 25 Dec → Mon 4 Jan 2027
		assertThat(clock.deadline(calendars).date()).isEqualTo(LocalDate.of(2027, 1, 4));
	}

	@Test
	void dueSoonAtEightyPercentAndOverdueAfterTheDeadline() {
		TaskClock clock = TaskClock.notStarted(Jurisdiction.CN, 5).run(monday, calendars);
		assertThat(clock.deadline(calendars).date()).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(clock.status(monday.plusDays(3), calendars)).isEqualTo(DeadlineStatus.ON_TIME); // 3 of 5
		assertThat(clock.status(monday.plusDays(4), calendars)).isEqualTo(DeadlineStatus.DUE_SOON); // 4 of 5 = 80 %
		assertThat(clock.status(LocalDate.of(2026, 12, 7), calendars)).isEqualTo(DeadlineStatus.DUE_SOON); // the day itself
		assertThat(clock.status(LocalDate.of(2026, 12, 8), calendars)).isEqualTo(DeadlineStatus.OVERDUE);
		assertThat(clock.remaining(monday.plusDays(1), calendars)).isEqualTo(4);
	}

	@Test
	void aPausedClockStandsStillAndResumesWhereItStopped() {
		TaskClock clock = TaskClock.notStarted(Jurisdiction.CN, 5).run(monday, calendars);
		TaskClock paused = clock.pause(monday.plusDays(2)); // Wednesday: 2 used
		assertThat(paused.elapsed(monday.plusDays(20), calendars)).isEqualTo(2);
		assertThat(paused.status(monday.plusDays(20), calendars)).isEqualTo(DeadlineStatus.ON_TIME);
		assertThat(paused.pause(monday.plusDays(3))).as("pausing twice changes nothing").isEqualTo(paused);
		TaskClock resumed = paused.run(LocalDate.of(2026, 12, 7), calendars); // Thu, Fri, Mon paused
		assertThat(resumed.pausedDays()).isEqualTo(3);
		assertThat(resumed.elapsed(LocalDate.of(2026, 12, 7), calendars)).isEqualTo(2);
		assertThat(resumed.deadline(calendars).date()).isEqualTo(LocalDate.of(2026, 12, 10));
		assertThat(resumed.run(LocalDate.of(2026, 12, 8), calendars)).as("running stays running").isEqualTo(resumed);
	}

	@Test
	void aZeroDayPromiseIsDueTheSameDay() {
		TaskClock clock = TaskClock.notStarted(Jurisdiction.CN, 0).run(monday, calendars);
		assertThat(clock.deadline(calendars).date()).isEqualTo(monday);
		assertThat(clock.status(monday, calendars)).isEqualTo(DeadlineStatus.ON_TIME);
		assertThat(clock.status(monday.plusDays(1), calendars)).isEqualTo(DeadlineStatus.OVERDUE);
	}

}
