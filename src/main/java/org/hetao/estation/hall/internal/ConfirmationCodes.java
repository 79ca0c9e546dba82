package org.hetao.estation.hall.internal;

import java.security.SecureRandom;

/** Appointment confirmation codes: eight characters without look-alikes (no 0/O, 1/I/L), hard to guess. */
public final class ConfirmationCodes {

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private ConfirmationCodes() {
	}

	public static String next() {
		StringBuilder code = new StringBuilder(8);
		for (int i = 0; i < 8; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** What a person typed, made comparable: upper case, no spaces or dashes. */
	public static String normalise(String typed) {
		return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
	}

}
