package org.hetao.estation.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.hetao.estation.shared.Jurisdiction;

/**
 * Working days of the Mainland ({@link Jurisdiction#CN}) and Hong Kong ({@link Jurisdiction#HK}).
 * Dates outside the loaded years are judged by weekends only, and said to be provisional.
 *
 * <p>The application's bean always answers from the newest calendars (the bundled files, the configured
 * {@code estation.calendar.location}s and the years an administrator uploaded). For a pausable case
 * deadline use {@link WorkingDayClock}; plain-Java tests can use {@link HolidayCalendars#bundled()}.
 */
public interface WorkingCalendars {

	/** Mainland: a weekday unless a public holiday, a weekend day only when a make-up day. Hong Kong: Monday to Friday unless a general holiday. */
	boolean isWorkingDay(Jurisdiction jurisdiction, LocalDate date);

	/** The n-th working day after {@code start} (the start day itself does not count); n ≥ 0. */
	Deadline addWorkingDays(Jurisdiction jurisdiction, LocalDate start, int workingDays);

	/** Working days in (from, to]: after {@code from}, up to and including {@code to}; 0 if to ≤ from. */
	int workingDaysBetween(Jurisdiction jurisdiction, LocalDate from, LocalDate to);

	/** Whether the official calendar for this date's year is loaded. */
	boolean covers(Jurisdiction jurisdiction, LocalDate date);

	/** Whether every day in (from, to] lies in a loaded year; {@code true} when to ≤ from. */
	default boolean coversAll(Jurisdiction jurisdiction, LocalDate from, LocalDate to) {
		if (!to.isAfter(from)) {
			return true;
		}
		for (int year = from.plusDays(1).getYear(); year <= to.getYear(); year++) {
			if (!covers(jurisdiction, LocalDate.of(year, 1, 1))) {
				return false;
			}
		}
		return true;
	}

	/** The day as the calendar sees it, with the holiday's name when there is one. */
	default CalendarDay day(Jurisdiction jurisdiction, LocalDate date) {
		boolean weekend = HolidayCalendar.isWeekend(date);
		boolean working = isWorkingDay(jurisdiction, date);
		CalendarDay.Kind kind = working ? (weekend ? CalendarDay.Kind.MAKE_UP_WORKING_DAY : CalendarDay.Kind.WORKING_DAY)
				: (weekend ? CalendarDay.Kind.WEEKEND : CalendarDay.Kind.HOLIDAY);
		return new CalendarDay(jurisdiction, date, kind, null, !covers(jurisdiction, date));
	}

	/**
	 * The years between {@code today} and 60 days later whose calendar is not loaded, per jurisdiction:
	 * the supervisor is warned to have the next year loaded before deadlines run into it.
	 */
	default List<MissingYear> missingYears(LocalDate today) {
		List<MissingYear> missing = new ArrayList<>();
		for (Jurisdiction jurisdiction : Jurisdiction.values()) {
			for (int year = today.getYear(); year <= today.plusDays(warningDays()).getYear(); year++) {
				if (!covers(jurisdiction, LocalDate.of(year, 1, 1))) {
					missing.add(new MissingYear(jurisdiction, year));
				}
			}
		}
		return missing;
	}

	/** How far ahead {@link #missingYears(LocalDate)} looks, unless configured ({@code estation.calendar.warning-days}). */
	int WARNING_DAYS = 90;

	/** How many days ahead of a year not loaded staff are warned. */
	default int warningDays() {
		return WARNING_DAYS;
	}

	/**
	 * The platform's "due soon": a running task is due soon when this many working days of its promise or
	 * fewer remain ({@code estation.calendar.due-soon-working-days}).
	 */
	default int dueSoonWorkingDays() {
		return WorkingDayClock.DEFAULT_DUE_SOON_WORKING_DAYS;
	}

	/**
	 * A task's clock, started on {@code startDate}, due soon by the item's own threshold when the catalogue
	 * gives one ({@code itemDueSoonWorkingDays}), else by the platform's {@link #dueSoonWorkingDays()}.
	 */
	default WorkingDayClock startClock(Jurisdiction jurisdiction, LocalDate startDate, int promisedWorkingDays,
			Integer itemDueSoonWorkingDays) {
		return WorkingDayClock.start(jurisdiction, startDate, promisedWorkingDays,
				itemDueSoonWorkingDays != null ? itemDueSoonWorkingDays : dueSoonWorkingDays());
	}

	/**
	 * Weekends only, every result provisional: the one stand-in for when no calendar is loaded at all (a
	 * module tested without the calendar module). Saturdays and Sundays are rest days, nothing else is.
	 */
	static WorkingCalendars weekendsOnly() {
		return HolidayCalendars.of(List.of());
	}

	/** A computed deadline; provisional when some day on the way lay outside the loaded years. */
	record Deadline(LocalDate date, boolean provisional) {
	}

}
