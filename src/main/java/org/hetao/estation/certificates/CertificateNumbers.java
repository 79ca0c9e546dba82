package org.hetao.estation.certificates;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * E-certificate numbers: {@code HTC-2026-} then ten random Crockford Base32 characters (50 bits: not
 * guessable) and a check character (weighted sum mod 31) that catches a mistyped or swapped character,
 * e.g. {@code HTC-2026-7K3QXM9P2D4}. Typed numbers are read leniently: lower case, spaces, O for 0, I and L
 * for 1.
 */
public final class CertificateNumbers {

	static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final int RANDOM_CHARACTERS = 10;

	private final RandomGenerator random;

	public CertificateNumbers() {
		this(new SecureRandom());
	}

	CertificateNumbers(RandomGenerator random) {
		this.random = random;
	}

	public String next(int year) {
		StringBuilder body = new StringBuilder(RANDOM_CHARACTERS + 1);
		for (int i = 0; i < RANDOM_CHARACTERS; i++) {
			body.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		body.append(check(body));
		return "HTC-" + year + "-" + body;
	}

	static char check(CharSequence body) {
		int sum = 0;
		for (int i = 0; i < body.length(); i++) {
			sum += (i + 1) * ALPHABET.indexOf(body.charAt(i));
		}
		return ALPHABET.charAt(sum % 31);
	}

	/** The number in its canonical form, or empty if it cannot be a certificate number (bad form or check). */
	public static Optional<String> normalize(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String s = typed.strip().toUpperCase(Locale.ROOT).replace(" ", "");
		if (!s.matches("HTC-\\d{4}-[0-9A-Z]{11}") ) {
			return Optional.empty();
		}
		String prefix = s.substring(0, 9);
		StringBuilder body = new StringBuilder();
		for (char c : s.substring(9).toCharArray()) {
			char mapped = switch (c) {
				case 'O' -> '0';
				case 'I', 'L' -> '1';
				default -> c;
			};
			if (ALPHABET.indexOf(mapped) < 0) {
				return Optional.empty();
			}
			body.append(mapped);
		}
		if (check(body.subSequence(0, RANDOM_CHARACTERS)) != body.charAt(RANDOM_CHARACTERS)) {
			return Optional.empty();
		}
		return Optional.of(prefix + body);
	}

}
