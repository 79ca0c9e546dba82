package org.hetao.estation.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Password rules after NIST SP 800-63B: long enough, not too long, no composition rules, but never a
 * commonly used or breached password, one made of the account's own name, or a trivial repetition or
 * sequence. Plain Java; the list of common passwords is data ({@code identity/common-passwords.txt}).
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 128;

	private final Set<String> common;

	public PasswordPolicy(Set<String> commonPasswords) {
		this.common = Set.copyOf(commonPasswords);
	}

	public static PasswordPolicy fromClasspath() {
		Set<String> words = new HashSet<>();
		try (InputStream in = PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt")) {
			if (in != null) {
				try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
					reader.lines()
						.map(String::strip)
						.filter(l -> !l.isEmpty() && !l.startsWith("#"))
						.map(l -> l.toLowerCase(Locale.ROOT))
						.forEach(words::add);
				}
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read the common-password list", e);
		}
		return new PasswordPolicy(words);
	}

	/**
	 * Why this password is refused, as a message key of the identity bundle; empty when it is fine.
	 *
	 * @param personal the account's own words (user name, e-mail, name) that must not make up the password
	 */
	public Optional<String> check(String password, String... personal) {
		// NIST counts characters, not UTF-16 units: a Chinese character is one character.
		int length = password == null ? 0 : password.codePointCount(0, password.length());
		if (length < MIN_LENGTH || length > MAX_LENGTH) {
			return Optional.of("identity.password.length");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		String squeezed = lower.replaceAll("[^\\p{L}\\p{N}]", "");
		if (common.contains(lower) || common.contains(squeezed) || common.contains(stripTrailingDigits(squeezed))) {
			return Optional.of("identity.password.common");
		}
		if (password.codePoints().distinct().count() <= 3 || isSequence(squeezed)) {
			return Optional.of("identity.password.trivial");
		}
		for (String word : personal) {
			if (word == null) {
				continue;
			}
			String w = word.toLowerCase(Locale.ROOT);
			int at = w.indexOf('@');
			String local = at > 0 ? w.substring(0, at) : w;
			String squeezedLocal = local.replaceAll("[^\\p{L}\\p{N}]", "");
			if (squeezedLocal.length() >= 4 && squeezed.contains(squeezedLocal)) {
				return Optional.of("identity.password.personal");
			}
		}
		return Optional.empty();
	}

	private static String stripTrailingDigits(String s) {
		return s.replaceAll("\\d+$", "");
	}

	/** 1234567890ab…, abcdefghijkl…, qwertyuiop… and their reverses. */
	private static boolean isSequence(String s) {
		if (s.length() < MIN_LENGTH - 2) {
			return false;
		}
		String[] runs = { "01234567890123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm",
				"1qaz2wsx3edc4rfv5tgb6yhn", "qazwsxedcrfvtgbyhnujmikolp" };
		for (String run : runs) {
			String reversed = new StringBuilder(run).reverse().toString();
			if (run.contains(s) || reversed.contains(s) || (run + run).contains(s)) {
				return true;
			}
		}
		return false;
	}

}
