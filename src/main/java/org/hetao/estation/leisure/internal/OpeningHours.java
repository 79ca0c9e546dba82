package org.hetao.estation.leisure.internal;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * Daily opening hours from {@code opens} to {@code closes} (both "HH:mm"; {@code closes} may be "24:00", and
 * a time at or before {@code opens} means after midnight). "00:00"–"24:00" is round the clock.
 */
public record OpeningHours(LocalTime opens, LocalTime closes, boolean untilMidnight) {

	/** The hours of a data file's two fields. */
	public static OpeningHours parse(String opens, String closes) {
		LocalTime from = time(opens, "opens");
		if ("24:00".equals(closes)) {
			return new OpeningHours(from, LocalTime.MIDNIGHT, true);
		}
		return new OpeningHours(from, time(closes, "closes"), false);
	}

	private static LocalTime time(String text, String field) {
		if (text == null || !text.matches("\\d{2}:\\d{2}")) {
			throw new IllegalArgumentException(field + " must be HH:mm, not " + text);
		}
		try {
			return LocalTime.parse(text);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException(field + " is not a time of day: " + text, e);
		}
	}

	public boolean roundTheClock() {
		return untilMidnight && opens.equals(LocalTime.MIDNIGHT);
	}

	/** Whether open at this time of day. */
	public boolean isOpenAt(LocalTime time) {
		if (roundTheClock()) {
			return true;
		}
		if (untilMidnight) {
			return !time.isBefore(opens);
		}
		if (closes.isAfter(opens)) {
			return !time.isBefore(opens) && time.isBefore(closes);
		}
		return !time.isBefore(opens) || time.isBefore(closes); // past midnight
	}

	/** The closing time as written ("24:00" for midnight at the end of the day). */
	public String closesText() {
		return untilMidnight ? "24:00" : closes.toString();
	}

}
