package org.hetao.estation.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How personal data looks to people and logs that don't need it whole: enough to recognise, not
 * enough to use. The one place that says so: {@code +852 9123 4567 → +852 **** 4567} (a phone, however it
 * was typed), {@code A123456(3) → A1****(3)}, {@code chan.taiman@example.hk → c***@example.hk}.
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

	/** Names of fields that hold a phone number (masked as {@link #phone}). */
	private static final Pattern PHONE_FIELD = Pattern.compile("(?i).*(phone|mobile).*");

	/** A personal field's value masked for its kind: a phone as {@link #phone}, anything else as {@link #mask}. */
	public static String field(String name, String value) {
		return name != null && PHONE_FIELD.matcher(name).matches() ? phone(value) : mask(value);
	}

	/**
	 * A phone number with every digit but the last four hidden, the country code kept, the digits in groups of four
	 * from the right whatever spacing they were typed with: {@code +852 9123 4567 → +852 **** 4567},
	 * {@code +8613800138000 → +86 *** **** 8000}, {@code 91234567 → **** 4567}.
	 */
	public static String phone(String value) {
		if (value == null || value.isBlank()) {
			return value;
		}
		String normal = PhoneNumbers.normalise(value);
		boolean international = normal.startsWith("+");
		String digits = international ? normal.substring(1) : normal;
		String code = international ? countryCode(value, digits) : "";
		String country = international ? "+" + code + " " : "";
		digits = digits.substring(code.length());
		int keep = Math.min(4, digits.length());
		StringBuilder out = new StringBuilder(digits.length() + 4);
		for (int i = 0; i < digits.length(); i++) {
			if (i > 0 && (digits.length() - i) % 4 == 0) {
				out.append(' ');
			}
			out.append(i < digits.length() - keep ? '*' : digits.charAt(i));
		}
		return country + out;
	}

	/** The country code of an international number: as the person separated it, else a code we know. */
	private static String countryCode(String typed, String digits) {
		String plain = java.text.Normalizer.normalize(typed, java.text.Normalizer.Form.NFKC).strip().substring(1);
		int end = 0;
		while (end < plain.length() && Character.isDigit(plain.charAt(end))) {
			end++;
		}
		if (end > 0 && end <= 3 && end < plain.length()) {
			return plain.substring(0, end);
		}
		for (String known : new String[] { "852", "853", "886", "86", "1" }) {
			if (digits.startsWith(known)) {
				return known;
			}
		}
		return "";
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
