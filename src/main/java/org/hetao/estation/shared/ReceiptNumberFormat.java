package org.hetao.estation.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * What a receipt number looks like, {@code HT20261127-000123}: {@code HT}, the day of submission and six digits. The
 * one place that says so: casework's {@code ReceiptNumbers} draws them, route patterns ({@link #ROUTE_VARIABLE}) in
 * casework, payments and certificates and the hall's kiosk recognise them. It sits in {@code shared} rather than
 * beside {@code ReceiptNumbers} because casework uses the hall (its kiosks) and the hall needs the format.
 */
public final class ReceiptNumberFormat {

	/** The format as a regular expression (also usable inside a Spring route pattern: no braces of its own). */
	public static final String REGEX = "HT[0-9]{8}-[0-9]{6}";

	/** A route variable named {@code receipt} that only a receipt number matches. */
	public static final String ROUTE_VARIABLE = "{receipt:" + REGEX + "}";

	public static final Pattern PATTERN = Pattern.compile(REGEX);

	private ReceiptNumberFormat() {
	}

	public static boolean matches(String value) {
		return value != null && PATTERN.matcher(value).matches();
	}

	/** The receipt number for a day and a number drawn (its last six digits). */
	public static String format(LocalDate day, long number) {
		return "HT" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + String.format("%06d", number % 1_000_000);
	}

}
