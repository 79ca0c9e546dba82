package org.hetao.estation.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.hetao.estation.calendar.WorkingDayClock.State;
import org.hetao.estation.calendar.WorkingDayClock.Status;
import org.hetao.estation.shared.Jurisdiction;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The one working-day clock against the official calendars (the bundled copies of {@code shared/data/holidays}:
 * holiday-cn for the Mainland, the 1823 feed for Hong Kong), with pauses, in both jurisdictions.
 */
class WorkingDayClockProperties {

	final HolidayCalendars calendars = HolidayCalendars.bundled();

	static final LocalDate FIRST = LocalDate.of(2021, 1, 1);

	/** A clock started at {@code offset}, paused after {@code run} days for {@code pause} days, asked on {@code ask}. */
	@Property(tries = 500)
	void theDeadlineIsThePromiseMovedByThePausedWorkingDaysAndTheStateFollowsIt(@ForAll Jurisdiction jurisdiction,
			@ForAll @IntRange(min = 0, max = 2300) int offset, @ForAll @IntRange(min = 0, max = 40) int promised,
			@ForAll @IntRange(min = 0, max = 5) int dueSoon, @ForAll @IntRange(min = 0, max = 30) int run,
			@ForAll @IntRange(min = 0, max = 30) int pause, @ForAll @IntRange(min = 0, max = 90) int ask) {
		LocalDate start = FIRST.plusDays(offset);
		LocalDate pausedOn = start.plusDays(run);
		LocalDate resumedOn = pausedOn.plusDays(pause);
		WorkingDayClock clock = WorkingDayClock.start(jurisdiction, start, promised, dueSoon).pause(pausedOn).resume(resumedOn);
		LocalDate today = resumedOn.plusDays(ask);
		Status status = clock.status(today, calendars);

		int paused = calendars.workingDaysBetween(jurisdiction, pausedOn, resumedOn);
		assertThat(status.pausedWorkingDays()).isEqualTo(paused);
		WorkingCalendars.Deadline expected = calendars.addWorkingDays(jurisdiction, start, promised + paused);
		assertThat(status.deadline()).isEqualTo(expected.date());
		assertThat(clock.deadline(calendars)).isEqualTo(expected);
		if (promised > 0) {
			assertThat(calendars.isWorkingDay(jurisdiction, status.deadline())).as("a deadline is a working day").isTrue();
		}
		int elapsed = calendars.workingDaysBetween(jurisdiction, start, today) - paused;
		assertThat(status.elapsedWorkingDays()).isEqualTo(elapsed);
		assertThat(status.remainingWorkingDays()).isEqualTo(Math.max(0, promised - elapsed));
		State state = today.isAfter(status.deadline()) ? State.OVERDUE
				: promised - elapsed <= dueSoon ? State.DUE_SOON : State.ON_TIME;
		assertThat(status.state()).isEqualTo(state);
		if (elapsed > promised) {
			assertThat(status.state()).as("more working days used than promised").isEqualTo(State.OVERDUE);
		}
		if (status.state() == State.OVERDUE) {
			// overdue from the day after the deadline, even a rest day: then every promised day is used
			assertThat(elapsed).isGreaterThanOrEqualTo(promised);
		}
		boolean official = expected.date().getYear() <= 2026 && today.getYear() <= 2026;
		assertThat(status.provisional()).isEqualTo(!official && (expected.provisional() || !calendars.coversAll(jurisdiction, start, today)));
		if (official) {
			assertThat(status.provisional()).isFalse();
		}
	}

	@Property(tries = 300)
	void aPausedClockStandsStill(@ForAll Jurisdiction jurisdiction, @ForAll @IntRange(min = 0, max = 2000) int offset,
			@ForAll @IntRange(min = 1, max = 30) int promised, @ForAll @IntRange(min = 0, max = 20) int run,
			@ForAll @IntRange(min = 0, max = 60) int later) {
		LocalDate start = FIRST.plusDays(offset);
		LocalDate pausedOn = start.plusDays(run);
		WorkingDayClock paused = WorkingDayClock.start(jurisdiction, start, promised).pause(pausedOn);
		Status onTheDay = paused.status(pausedOn, calendars);
		Status after = paused.status(pausedOn.plusDays(later), calendars);
		assertThat(after.elapsedWorkingDays()).isEqualTo(onTheDay.elapsedWorkingDays());
		assertThat(after.state()).isEqualTo(onTheDay.state());
		assertThat(after.paused()).isTrue();
		assertThat(paused.deadline(calendars)).as("an open pause is counted once it ends")
			.isEqualTo(calendars.addWorkingDays(jurisdiction, start, promised));
	}

	@Property(tries = 200)
	void pausesSurviveTheirStoredText(@ForAll @IntRange(min = 0, max = 2000) int offset,
			@ForAll @IntRange(min = 0, max = 10) int a, @ForAll @IntRange(min = 0, max = 10) int b,
			@ForAll boolean open) {
		LocalDate start = FIRST.plusDays(offset);
		WorkingDayClock clock = WorkingDayClock.start(Jurisdiction.HK, start, 5).pause(start.plusDays(a)).resume(start.plusDays(a + b));
		if (open) {
			clock = clock.pause(start.plusDays(a + b + 1));
		}
		List<WorkingDayClock.Pause> back = WorkingDayClock.parsePauses(WorkingDayClock.formatPauses(clock.pauses()));
		assertThat(back).isEqualTo(clock.pauses());
	}

	@Property(tries = 200)
	void theWeekendsOnlyStandInIsProvisionalAndKnowsOnlyWeekends(@ForAll Jurisdiction jurisdiction,
			@ForAll @IntRange(min = 0, max = 3000) int offset, @ForAll @IntRange(min = 1, max = 30) int days) {
		WorkingCalendars none = WorkingCalendars.weekendsOnly();
		LocalDate date = FIRST.plusDays(offset);
		assertThat(none.isWorkingDay(jurisdiction, date)).isEqualTo(!HolidayCalendar.isWeekend(date));
		assertThat(none.addWorkingDays(jurisdiction, date, days).provisional()).isTrue();
	}

}
