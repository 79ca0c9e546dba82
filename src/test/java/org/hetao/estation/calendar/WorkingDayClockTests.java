package org.hetao.estation.calendar;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hetao.estation.shared.Jurisdiction.CN;
import static org.hetao.estation.shared.Jurisdiction.HK;

import java.time.Instant;
import java.util.List;

import org.hetao.estation.calendar.WorkingDayClock.Pause;
import org.hetao.estation.calendar.WorkingDayClock.State;
import org.hetao.estation.calendar.WorkingDayClock.Status;
import org.junit.jupiter.api.Test;

/** The pausable case clock on the real calendars. */
class WorkingDayClockTests {

	final HolidayCalendars calendars = HolidayCalendars.bundled();

	@Test
	void runsOverTheMakeUpSaturdayAndTheSpringFestival() {
		WorkingDayClock clock = WorkingDayClock.start(CN, parse("2026-02-10"), 5);
		Status day2 = clock.status(parse("2026-02-12"), calendars);
		assertThat(day2.deadline()).isEqualTo(parse("2026-02-24"));
		assertThat(day2.elapsedWorkingDays()).isEqualTo(2);
		assertThat(day2.remainingWorkingDays()).isEqualTo(3);
		assertThat(day2.state()).isEqualTo(State.ON_TIME);
		assertThat(day2.provisional()).isFalse();
		assertThat(day2.percentUsed()).isEqualTo(40);

		Status saturday = clock.status(parse("2026-02-14"), calendars);
		assertThat(saturday.elapsedWorkingDays()).isEqualTo(4);
		assertThat(saturday.state()).as("1 left").isEqualTo(State.DUE_SOON);
		assertThat(clock.status(parse("2026-02-20"), calendars).elapsedWorkingDays()).as("festival").isEqualTo(4);

		Status dueDay = clock.status(parse("2026-02-24"), calendars);
		assertThat(dueDay.state()).isEqualTo(State.DUE_SOON);
		assertThat(dueDay.remainingWorkingDays()).isZero();

		Status late = clock.status(parse("2026-02-25"), calendars);
		assertThat(late.state()).isEqualTo(State.OVERDUE);
		assertThat(late.elapsedWorkingDays()).isEqualTo(6);
		assertThat(late.remainingWorkingDays()).isZero();
	}

	@Test
	void dueSoonWhenTwoWorkingDaysRemain() {
		WorkingDayClock clock = WorkingDayClock.start(CN, parse("2026-03-02"), 10);
		// 7 working days used of 10: 3 left.
		assertThat(clock.status(parse("2026-03-11"), calendars).state()).isEqualTo(State.ON_TIME);
		// 8 of 10: 2 left.
		assertThat(clock.status(parse("2026-03-12"), calendars).state()).isEqualTo(State.DUE_SOON);
	}

	@Test
	void aPauseExtendsTheDeadlineByThePausedWorkingDays() {
		WorkingDayClock running = WorkingDayClock.start(CN, parse("2026-03-02"), 10);
		assertThat(running.status(parse("2026-03-02"), calendars).deadline()).isEqualTo(parse("2026-03-16"));

		WorkingDayClock paused = running.pause(parse("2026-03-04"));
		assertThat(paused.isPaused()).isTrue();
		assertThat(running.isPaused()).as("immutable").isFalse();
		Status whilePaused = paused.status(parse("2026-03-06"), calendars);
		assertThat(whilePaused.paused()).isTrue();
		assertThat(whilePaused.elapsedWorkingDays()).isEqualTo(2);
		assertThat(whilePaused.pausedWorkingDays()).isEqualTo(2);
		assertThat(whilePaused.deadline()).isEqualTo(parse("2026-03-18"));
		assertThat(whilePaused.state()).isEqualTo(State.ON_TIME);

		WorkingDayClock resumed = paused.resume(parse("2026-03-09"));
		Status after = resumed.status(parse("2026-03-10"), calendars);
		assertThat(after.paused()).isFalse();
		assertThat(after.pausedWorkingDays()).isEqualTo(3);
		assertThat(after.elapsedWorkingDays()).isEqualTo(3);
		assertThat(after.remainingWorkingDays()).isEqualTo(7);
		assertThat(after.deadline()).isEqualTo(parse("2026-03-19"));
		assertThat(resumed.status(parse("2026-03-19"), calendars).state()).isEqualTo(State.DUE_SOON);
		assertThat(resumed.status(parse("2026-03-20"), calendars).state()).isEqualTo(State.OVERDUE);
	}

	@Test
	void aPauseOverAHolidayOnlyCountsWorkingDays() {
		// Paused over National Day: 2026-09-30 to 2026-10-12 holds 3 Mainland working days (10-08, 10-09, 10-10).
		WorkingDayClock clock = WorkingDayClock.start(CN, parse("2026-09-28"), 5)
			.pause(parse("2026-09-30"))
			.resume(parse("2026-10-10"));
		Status status = clock.status(parse("2026-10-12"), calendars);
		assertThat(status.pausedWorkingDays()).isEqualTo(3);
		assertThat(status.elapsedWorkingDays()).isEqualTo(3);
		assertThat(status.deadline()).isEqualTo(parse("2026-10-14"));
	}

	@Test
	void anOverdueClockStaysOverdueWhilePaused() {
		WorkingDayClock clock = WorkingDayClock.start(CN, parse("2026-03-02"), 5).pause(parse("2026-03-11"));
		Status status = clock.status(parse("2026-03-20"), calendars);
		assertThat(status.paused()).isTrue();
		assertThat(status.state()).isEqualTo(State.OVERDUE);
		assertThat(status.elapsedWorkingDays()).isEqualTo(7);
	}

	@Test
	void anExtensionMovesTheDeadlineByItsWorkingDays() {
		WorkingDayClock clock = WorkingDayClock.start(CN, parse("2026-09-28"), 3).pause(parse("2026-09-29")).resume(parse("2026-10-09"));
		WorkingDayClock extended = clock.extend(2);
		assertThat(extended.promisedWorkingDays()).isEqualTo(5);
		assertThat(extended.pauses()).isEqualTo(clock.pauses());
		assertThat(extended.deadline(calendars).date())
			.isEqualTo(calendars.addWorkingDays(CN, clock.deadline(calendars).date(), 2).date());
		assertThatThrownBy(() -> clock.extend(0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void transitionsAreChecked() {
		WorkingDayClock clock = WorkingDayClock.start(HK, parse("2026-03-02"), 5);
		assertThatThrownBy(() -> clock.resume(parse("2026-03-03"))).isInstanceOf(IllegalStateException.class);
		WorkingDayClock paused = clock.pause(parse("2026-03-03"));
		assertThatThrownBy(() -> paused.pause(parse("2026-03-04"))).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> paused.resume(parse("2026-03-02"))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> clock.pause(parse("2026-03-01"))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> WorkingDayClock.start(HK, parse("2026-03-02"), -1))
			.isInstanceOf(IllegalArgumentException.class);
		WorkingDayClock again = paused.resume(parse("2026-03-05"));
		assertThatThrownBy(() -> again.pause(parse("2026-03-04"))).as("before the last resumption")
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(again.pause(parse("2026-03-06")).pauses()).hasSize(2);
	}

	@Test
	void restoresFromStoredParts() {
		WorkingDayClock clock = WorkingDayClock.start(HK, parse("2026-03-02"), 5).pause(parse("2026-03-03"));
		WorkingDayClock restored = WorkingDayClock.restore(clock.jurisdiction(), clock.started(),
				clock.promisedWorkingDays(), clock.pauses());
		assertThat(restored).isEqualTo(clock);
		assertThat(restored.pauses()).containsExactly(new Pause(parse("2026-03-03"), null));
		assertThatThrownBy(() -> WorkingDayClock.restore(HK, parse("2026-03-02"), 5,
				List.of(new Pause(parse("2026-03-03"), null), new Pause(parse("2026-03-04"), parse("2026-03-05")))))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void startsOnTheShenzhenDayOfAnInstant() {
		// 16:30 UTC is 00:30 the next day in Shenzhen and Hong Kong.
		WorkingDayClock clock = WorkingDayClock.start(HK, Instant.parse("2026-03-01T16:30:00Z"), 1);
		assertThat(clock.started()).isEqualTo(parse("2026-03-02"));
	}

	@Test
	void aDeadlineInAYearNotLoadedIsProvisional() {
		Status status = WorkingDayClock.start(CN, parse("2026-12-20"), 10).status(parse("2026-12-21"), calendars);
		assertThat(status.provisional()).isTrue();
		assertThat(status.deadline()).isEqualTo(parse("2027-01-01"));
		assertThat(WorkingDayClock.start(CN, parse("2026-12-01"), 5).status(parse("2026-12-02"), calendars).provisional())
			.isFalse();
	}

}
