package org.hetao.estation.calendar;

import java.time.LocalDate;

import org.hetao.estation.shared.Jurisdiction;

/**
 * {@link WorkingCalendars} that answer every question from the {@link HolidayCalendar} of the jurisdiction asked
 * about: the bundled {@link HolidayCalendars} and the application's bean, which takes the newest ones each time.
 */
public interface JurisdictionCalendars extends WorkingCalendars {

	/** The calendar of one jurisdiction, as it stands now. */
	HolidayCalendar calendar(Jurisdiction jurisdiction);

	@Override
	default boolean isWorkingDay(Jurisdiction jurisdiction, LocalDate date) {
		return calendar(jurisdiction).isWorkingDay(date);
	}

	@Override
	default Deadline addWorkingDays(Jurisdiction jurisdiction, LocalDate start, int workingDays) {
		return calendar(jurisdiction).addWorkingDays(start, workingDays);
	}

	@Override
	default int workingDaysBetween(Jurisdiction jurisdiction, LocalDate from, LocalDate to) {
		return calendar(jurisdiction).workingDaysBetween(from, to);
	}

	@Override
	default boolean covers(Jurisdiction jurisdiction, LocalDate date) {
		return calendar(jurisdiction).covers(date);
	}

	@Override
	default boolean coversAll(Jurisdiction jurisdiction, LocalDate from, LocalDate to) {
		return calendar(jurisdiction).coversAll(from, to);
	}

	@Override
	default CalendarDay day(Jurisdiction jurisdiction, LocalDate date) {
		return calendar(jurisdiction).day(date);
	}

}
