package org.hetao.estation.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.hetao.estation.shared.Jurisdiction;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Adding and counting working days agree on the real calendars, inside and outside the loaded years. */
class WorkingDaysProperties {

	final HolidayCalendars calendars = HolidayCalendars.bundled();

	static final LocalDate FIRST = LocalDate.of(2020, 6, 1);

	@Property(tries = 400)
	void countingBackGivesTheDaysAdded(@ForAll Jurisdiction jurisdiction, @ForAll @IntRange(min = 0, max = 3500) int offset,
			@ForAll @IntRange(min = 0, max = 400) int workingDays) {
		LocalDate start = FIRST.plusDays(offset);
		WorkingCalendars.Deadline deadline = calendars.addWorkingDays(jurisdiction, start, workingDays);
		assertThat(calendars.workingDaysBetween(jurisdiction, start, deadline.date())).isEqualTo(workingDays);
		if (workingDays > 0) {
			assertThat(calendars.isWorkingDay(jurisdiction, deadline.date())).isTrue();
			assertThat(calendars.workingDaysBetween(jurisdiction, start, deadline.date().minusDays(1)))
				.isEqualTo(workingDays - 1);
		}
		else {
			assertThat(deadline.date()).isEqualTo(start);
		}
		int firstLoaded = jurisdiction == Jurisdiction.CN ? 2021 : 2012;
		boolean outside = deadline.date().getYear() > 2026 || start.plusDays(1).getYear() < firstLoaded;
		assertThat(deadline.provisional()).isEqualTo(workingDays > 0 && outside);
	}

}
