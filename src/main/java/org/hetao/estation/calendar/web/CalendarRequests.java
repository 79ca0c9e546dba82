package org.hetao.estation.calendar.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;

import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.shared.Problem;

/** Parsing of the calendar's path and query values, with a clear 400 for bad ones. */
final class CalendarRequests {

	/** The most working days one may add in a request (about 40 years). */
	static final int MAX_WORKING_DAYS = 10_000;

	private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private CalendarRequests() {
	}

	static Jurisdiction jurisdiction(String value) {
		if (value != null) {
			for (Jurisdiction jurisdiction : Jurisdiction.values()) {
				if (jurisdiction.name().equalsIgnoreCase(value.strip())) {
					return jurisdiction;
				}
			}
		}
		throw Problem.invalid("calendar.api.jurisdictionInvalid", String.valueOf(value));
	}

	static LocalDate date(String value, String field) {
		if (value == null || value.isBlank()) {
			throw Problem.invalid("calendar.api.dateMissing", field);
		}
		try {
			LocalDate date = LocalDate.parse(value.strip(), ISO_DATE);
			if (date.getYear() < 1900 || date.getYear() > 2200) {
				throw Problem.invalid("calendar.api.dateOutOfRange", value, 1900, 2200);
			}
			return date;
		}
		catch (DateTimeException e) {
			throw Problem.invalid("calendar.api.dateInvalid", field, value);
		}
	}

	static int workingDays(String value) {
		if (value == null || value.isBlank()) {
			throw Problem.invalid("calendar.api.workingDaysMissing");
		}
		try {
			int days = Integer.parseInt(value.strip());
			if (days >= 0 && days <= MAX_WORKING_DAYS) {
				return days;
			}
		}
		catch (NumberFormatException e) {
			// below
		}
		throw Problem.invalid("calendar.api.workingDaysInvalid", value, MAX_WORKING_DAYS);
	}

	static String upper(String value) {
		return value == null ? null : value.toUpperCase(Locale.ROOT);
	}

}
