package org.hetao.estation.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.hetao.estation.shared.Jurisdiction;
import org.junit.jupiter.api.Test;

/** Casework's use of the calendar's clock: start, pause, resume, due soon when 2 working days remain, overdue after the deadline. */
class TaskClockTests {

	/** Christmas Day a holiday; Monday 30 November 2026 as the start. */
	final WeekendCalendars calendars = new WeekendCalendars(LocalDate.of(2026, 12, 25));

	final LocalDate monday = LocalDate.of(2026, 11, 30);

	@Test
	void notStartedHasNoDeadlineNorStatus() {
		TaskClock clock = TaskClock.notStarted(Jurisdiction.HK, 10, null);
		assertThat(clock.deadline(calendars)).isNull();
		assertThat(clock.status(monday, calendars)).isNull();
		assertThat(clock.pause(monday)).isEqualTo(clock);
	}

	@Test
	void theDayOfAcceptanceDoesNotCountAndHolidaysAreSkipped() {
		TaskClock clock = TaskClock.notStarted(Jurisdiction.HK, 10, null).run(LocalDate.of(2026, 12, 18), calendars);
		// Fri 18 Dec + 10 working days, skipping weekends and Fri 25 Dec → Mon 4 Jan 2027
		assertThat(clock.deadline(calendars).date()).isEqualTo(LocalDate.of(2027, 1, 4));
	}

	@Test
	void dueSoonWhenTwoWorkingDaysRemainAndOverdueAfterTheDeadline() {
		TaskClock clock = TaskClock.notStarted(Jurisdiction.CN, 5, null).run(monday, calendars);
		assertThat(clock.deadline(calendars).date()).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(clock.status(monday.plusDays(2), calendars)).isEqualTo(DeadlineStatus.ON_TIME); // 2 of 5 used, 3 left
		assertThat(clock.status(monday.plusDays(3), calendars)).isEqualTo(DeadlineStatus.DUE_SOON); // 2 left
		assertThat(clock.status(LocalDate.of(2026, 12, 7), calendars)).isEqualTo(DeadlineStatus.DUE_SOON); // the day itself
		assertThat(clock.status(LocalDate.of(2026, 12, 8), calendars)).isEqualTo(DeadlineStatus.OVERDUE);
		assertThat(clock.remaining(monday.plusDays(1), calendars)).isEqualTo(4);
	}

	@Test
	void aPausedClockStandsStillAndResumesWhereItStopped() {
		TaskClock clock = TaskClock.notStarted(Jurisdiction.CN, 5, null).run(monday, calendars);
		TaskClock paused = clock.pause(monday.plusDays(2)); // Wednesday: 2 used
		assertThat(paused.elapsed(monday.plusDays(20), calendars)).isEqualTo(2);
		assertThat(paused.status(monday.plusDays(20), calendars)).isEqualTo(DeadlineStatus.ON_TIME);
		assertThat(paused.pause(monday.plusDays(3))).as("pausing twice changes nothing").isEqualTo(paused);
		TaskClock resumed = paused.run(LocalDate.of(2026, 12, 7), calendars); // Thu, Fri, Mon paused
		assertThat(resumed.at(LocalDate.of(2026, 12, 7), calendars).pausedWorkingDays()).isEqualTo(3);
		assertThat(resumed.elapsed(LocalDate.of(2026, 12, 7), calendars)).isEqualTo(2);
		assertThat(resumed.deadline(calendars).date()).isEqualTo(LocalDate.of(2026, 12, 10));
		assertThat(resumed.run(LocalDate.of(2026, 12, 8), calendars)).as("running stays running").isEqualTo(resumed);
	}

	@Test
	void aZeroDayPromiseIsDueSoonTheSameDayAndOverdueTheNext() {
		TaskClock clock = TaskClock.notStarted(Jurisdiction.CN, 0, null).run(monday, calendars);
		assertThat(clock.deadline(calendars).date()).isEqualTo(monday);
		assertThat(clock.status(monday, calendars)).isEqualTo(DeadlineStatus.DUE_SOON);
		assertThat(clock.status(monday.plusDays(1), calendars)).isEqualTo(DeadlineStatus.OVERDUE);
	}

	@Test
	void anItemsOwnDueSoonThresholdWins() {
		TaskClock clock = TaskClock.notStarted(Jurisdiction.CN, 5, 0).run(monday, calendars);
		assertThat(clock.status(monday.plusDays(4), calendars)).as("1 left, threshold 0").isEqualTo(DeadlineStatus.ON_TIME);
		assertThat(clock.status(LocalDate.of(2026, 12, 7), calendars)).isEqualTo(DeadlineStatus.DUE_SOON);
		assertThat(clock.running().dueSoonWorkingDays()).isZero();
	}

}
