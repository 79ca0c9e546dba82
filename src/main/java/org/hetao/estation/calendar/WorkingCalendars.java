package org.hetao.estation.calendar;

import java.time.LocalDate;

import org.hetao.estation.shared.Jurisdiction;

/**
 * Working days of the Mainland ({@link Jurisdiction#CN}) and Hong Kong ({@link Jurisdiction#HK}).
 * Dates outside the loaded years are judged by weekends only, and said to be provisional.
 */
public interface WorkingCalendars {

	boolean isWorkingDay(Jurisdiction jurisdiction, LocalDate date);

	/** The n-th working day after {@code start} (the start day itself does not count); n ≥ 0. */
	Deadline addWorkingDays(Jurisdiction jurisdiction, LocalDate start, int workingDays);

	/** Working days in (from, to]: after {@code from}, up to and including {@code to}; 0 if to ≤ from. */
	int workingDaysBetween(Jurisdiction jurisdiction, LocalDate from, LocalDate to);

	/** Whether the official calendar for this date's year is loaded. */
	boolean covers(Jurisdiction jurisdiction, LocalDate date);

	/** A computed deadline; provisional when some day on the way lay outside the loaded years. */
	record Deadline(LocalDate date, boolean provisional) {
	}

}
