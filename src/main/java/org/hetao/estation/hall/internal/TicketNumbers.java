package org.hetao.estation.hall.internal;

import java.util.regex.Pattern;

/**
 * How queue tickets are numbered: the category letter and a per-day sequence of at least three digits
 * (A001, A002 … A999, A1000). The sequence restarts each hall day because it is drawn from a counter
 * keyed by (day, category).
 */
public final class TicketNumbers {

	private static final Pattern CATEGORY = Pattern.compile("[A-Z]");

	private TicketNumbers() {
	}

	public static String display(String category, int number) {
		if (category == null || !CATEGORY.matcher(category).matches()) {
			throw new IllegalArgumentException("A ticket category is one upper-case letter: " + category);
		}
		if (number < 1) {
			throw new IllegalArgumentException("Ticket numbers start at 1: " + number);
		}
		return category + String.format("%03d", number);
	}

}
