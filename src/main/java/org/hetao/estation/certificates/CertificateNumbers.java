package org.hetao.estation.certificates;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * E-certificate numbers: {@code HTC-2026-} then eleven random characters (54 bits: not guessable) and a check
 * character, e.g. {@code HTC-2026-7K3QXM9P2D4W}. Typed numbers are read leniently: lower case, spaces, O for 0,
 * I and L for 1.
 * <p>
 * The check (#21) works over a 31-character alphabet (Crockford's Base32 without Z), with the weighted sum
 * Σ i·v<sub>i</sub> (positions 1 to 12, the check character last) made ≡ 0 (mod 31): 31 is prime and every weight
 * is below it, so <em>every</em> single mistyped character and every swap of two neighbours changes the sum and is
 * caught. The first numbers (eleven characters after the year) used the full 32-character alphabet with a mod-31
 * check, so 0 and Z were the same to it; they are told apart by their length and still verify with their old check.
 */
public final class CertificateNumbers {

	/** The alphabet of numbers issued since #21: 31 characters, so that the mod-31 check tells every two apart. */
	static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXY";

	/** The alphabet of the first numbers (ten random characters and a check character, mod 31 over 32 symbols). */
	static final String FIRST_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final int MODULUS = 31;

	private static final int RANDOM_CHARACTERS = 11;

	private static final int FIRST_RANDOM_CHARACTERS = 10;

	/** The series of e-certificates. */
	public static final String CERTIFICATES = "HTC";

	/** The series of e-receipts (電子票據) of payments: the same form and check, a series of their own. */
	public static final String RECEIPTS = "HTR";

	private final RandomGenerator random;

	private final String series;

	public CertificateNumbers() {
		this(new SecureRandom());
	}

	CertificateNumbers(RandomGenerator random) {
		this(random, CERTIFICATES);
	}

	CertificateNumbers(RandomGenerator random, String series) {
		this.random = random;
		this.series = series;
	}

	/** Numbers of another series (e.g. {@link #RECEIPTS}), with the same form and check as the certificates'. */
	public static CertificateNumbers of(String series) {
		if (!series.matches("[A-Z]{3}")) {
			throw new IllegalArgumentException("a series is three capital letters: " + series);
		}
		return new CertificateNumbers(new SecureRandom(), series);
	}

	public String next(int year) {
		StringBuilder body = new StringBuilder(RANDOM_CHARACTERS + 1);
		for (int i = 0; i < RANDOM_CHARACTERS; i++) {
			body.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		body.append(check(body));
		return series + "-" + year + "-" + body;
	}

	/** The check character of a body of eleven characters from {@link #ALPHABET}. */
	static char check(CharSequence body) {
		int sum = weightedSum(body, ALPHABET);
		int weight = body.length() + 1;
		// weight · c ≡ −sum (mod 31): c = −sum · weight⁻¹, the inverse by Fermat (31 is prime)
		int inverse = pow(weight % MODULUS, MODULUS - 2);
		int c = Math.floorMod(-sum * inverse, MODULUS);
		return ALPHABET.charAt(c);
	}

	/** The check character of the first numbers (ten characters, mod 31 over 32 symbols). */
	static char firstCheck(CharSequence body) {
		return FIRST_ALPHABET.charAt(weightedSum(body, FIRST_ALPHABET) % MODULUS);
	}

	private static int weightedSum(CharSequence body, String alphabet) {
		int sum = 0;
		for (int i = 0; i < body.length(); i++) {
			sum += (i + 1) * alphabet.indexOf(body.charAt(i));
		}
		return sum % MODULUS;
	}

	private static int pow(int base, int exponent) {
		int result = 1;
		for (int i = 0; i < exponent; i++) {
			result = result * base % MODULUS;
		}
		return result;
	}

	/** The number in its canonical form, or empty if it cannot be a certificate number (bad form or check). */
	public static Optional<String> normalize(String typed) {
		return normalize(typed, CERTIFICATES);
	}

	/**
	 * A number of the given series in its canonical form, or empty if it cannot be one. Only certificates have
	 * numbers of the first form.
	 */
	public static Optional<String> normalize(String typed, String series) {
		if (typed == null) {
			return Optional.empty();
		}
		String s = typed.strip().toUpperCase(Locale.ROOT).replace(" ", "");
		if (!s.matches(java.util.regex.Pattern.quote(series) + "-\\d{4}-[0-9A-Z]{11,12}")) {
			return Optional.empty();
		}
		String prefix = s.substring(0, 9);
		boolean first = s.length() == 9 + FIRST_RANDOM_CHARACTERS + 1;
		if (first && !CERTIFICATES.equals(series)) {
			return Optional.empty();
		}
		String alphabet = first ? FIRST_ALPHABET : ALPHABET;
		StringBuilder body = new StringBuilder();
		for (char c : s.substring(9).toCharArray()) {
			char mapped = switch (c) {
				case 'O' -> '0';
				case 'I', 'L' -> '1';
				default -> c;
			};
			if (alphabet.indexOf(mapped) < 0) {
				return Optional.empty();
			}
			body.append(mapped);
		}
		int n = body.length() - 1;
		char expected = first ? firstCheck(body.subSequence(0, n)) : check(body.subSequence(0, n));
		if (expected != body.charAt(n)) {
			return Optional.empty();
		}
		return Optional.of(prefix + body);
	}

}
