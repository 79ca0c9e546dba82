package org.hetao.estation.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How personal data looks to people and logs that don't need it whole: enough to recognise, not
 * enough to use. {@code +852 9123 4567 → +852 **** *567}, {@code A123456(3) → A1****(3)},
 * {@code chan.taiman@example.hk → c***@example.hk}.
 */
public final class Masking {

	/** Names of fields whose values are personal data (case-insensitive, in JSON and forms). */
	private static final Pattern PERSONAL_FIELD = Pattern.compile(
			"(?i).*(phone|mobile|idnumber|identitynumber|documentnumber|passport|hkid|mtpnumber|email|address|birth).*");

	private Masking() {
	}

	public static boolean isPersonalField(String name) {
		return name != null && PERSONAL_FIELD.matcher(name).matches();
	}

	/** Keeps the first and last characters that identify the kind of value, masks the rest. */
	public static String mask(String value) {
		if (value == null || value.isBlank()) {
			return value;
		}
		if (value.contains("@")) {
			return email(value);
		}
		String v = value.strip();
		int keepEnd = v.length() >= 8 ? 3 : 1;
		int keepStart = v.length() >= 10 ? 4 : v.length() >= 6 ? 2 : 0;
		StringBuilder out = new StringBuilder(v.length());
		for (int i = 0; i < v.length(); i++) {
			char c = v.charAt(i);
			boolean keep = i < keepStart || i >= v.length() - keepEnd || !Character.isLetterOrDigit(c);
			out.append(keep ? c : '*');
		}
		return out.toString();
	}

	/**
	 * A person's name as a stranger may see it (#21, the certificate verification page): a Chinese name keeps its
	 * first and last characters ({@code 陳大文 → 陳*文}, {@code 李明 → 李*}), a Latin name only its initials
	 * ({@code CHAN Tai Man → C. T. M.}). Words already masked ({@code ***}) are left out. Applied to an already
	 * masked name it changes nothing more.
	 */
	public static String name(String value) {
		if (value == null || value.isBlank()) {
			return value;
		}
		StringBuilder out = new StringBuilder();
		for (String word : value.strip().split("\\s+")) {
			String masked = maskedWord(word);
			if (!masked.isEmpty()) {
				out.append(out.length() == 0 ? "" : " ").append(masked);
			}
		}
		return out.length() == 0 ? "*" : out.toString();
	}

	private static String maskedWord(String word) {
		int[] chars = word.codePoints().toArray();
		boolean han = false;
		int firstLetter = -1;
		for (int c : chars) {
			if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
				han = true;
			}
			if (firstLetter < 0 && Character.isLetterOrDigit(c)) {
				firstLetter = c;
			}
		}
		if (firstLetter < 0) {
			return "";
		}
		if (han) {
			if (chars.length == 1) {
				return word;
			}
			StringBuilder masked = new StringBuilder().appendCodePoint(chars[0]);
			masked.append("*".repeat(Math.max(1, chars.length - 2)));
			if (chars.length > 2) {
				masked.appendCodePoint(chars[chars.length - 1]);
			}
			return masked.toString();
		}
		return new StringBuilder().appendCodePoint(Character.toUpperCase(firstLetter)).append('.').toString();
	}

	public static String email(String value) {
		int at = value.indexOf('@');
		if (at <= 0) {
			return mask(value.replace("@", ""));
		}
		return value.charAt(0) + "***" + value.substring(at).toLowerCase(Locale.ROOT);
	}

}
