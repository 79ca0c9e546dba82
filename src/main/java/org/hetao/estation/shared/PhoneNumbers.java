package org.hetao.estation.shared;

import java.text.Normalizer;
import java.util.Optional;

/**
 * What is wrong with a phone number a person typed, in words they can act on. Numbers come from Hong Kong (8
 * digits), Macao (8), the Mainland (an 11-digit mobile starting 13–19, or a landline with its 0-prefixed area
 * code) or elsewhere (a + and the country code, 8–15 digits in all, as E.164 allows). Full-width digits (as a
 * Chinese input method types them) count as digits.
 */
public final class PhoneNumbers {

	/** Why a number was refused: each has a message key {@code phone.problem.<camelName>} in the bundles. */
	public enum Fault {

		/** A letter or a sign other than digits, spaces, brackets, hyphens, dots and a leading +. */
		CHARACTERS("phone.problem.characters"),
		/** Fewer digits than any number anywhere has. */
		TOO_SHORT("phone.problem.tooShort"),
		/** More than the 15 digits E.164 allows. */
		TOO_LONG("phone.problem.tooLong"),
		/** Eight digits, as in Hong Kong or Macao, but starting 0 or 1, which no such number does. */
		HONG_KONG("phone.problem.hongKong"),
		/** Eleven digits starting 1, as a Mainland mobile, but not 13–19. */
		MAINLAND_MOBILE("phone.problem.mainlandMobile"),
		/** Digits that fit none of the shapes above: the person should say where the number is from. */
		SHAPE("phone.problem.shape");

		private final String messageKey;

		Fault(String messageKey) {
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return messageKey;
		}

	}

	private PhoneNumbers() {
	}

	/** What is wrong with the number, or empty when it can be dialled; a blank number is not checked here. */
	public static Optional<Fault> fault(String raw) {
		if (raw == null || raw.isBlank()) {
			return Optional.empty();
		}
		String number = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
		boolean plus = number.startsWith("+");
		StringBuilder digits = new StringBuilder();
		for (int i = plus ? 1 : 0; i < number.length(); i++) {
			char c = number.charAt(i);
			if (c >= '0' && c <= '9') {
				digits.append(c);
			}
			else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
				return Optional.of(Fault.CHARACTERS);
			}
		}
		String d = digits.toString();
		if (d.length() < 8) {
			return Optional.of(Fault.TOO_SHORT);
		}
		if (d.length() > (plus ? 15 : 17)) {
			return Optional.of(Fault.TOO_LONG);
		}
		if (plus) {
			return international(d);
		}
		if (d.startsWith("00")) {
			return d.length() - 2 < 8 ? Optional.of(Fault.TOO_SHORT)
					: d.length() - 2 > 15 ? Optional.of(Fault.TOO_LONG) : international(d.substring(2));
		}
		if (d.length() == 8) {
			return isLocalEight(d) ? Optional.empty() : Optional.of(Fault.HONG_KONG);
		}
		if (d.startsWith("1")) {
			return d.length() == 11 ? mainlandMobile(d) : Optional.of(Fault.SHAPE);
		}
		if (d.startsWith("0")) {
			// a Mainland landline: 0, a 2- or 3-digit area code, 7 or 8 digits
			return d.length() >= 10 && d.length() <= 12 ? Optional.empty() : Optional.of(Fault.SHAPE);
		}
		if (d.startsWith("852") || d.startsWith("853") || d.startsWith("86")) {
			// the country code typed without its +
			return international(d);
		}
		return Optional.of(Fault.SHAPE);
	}

	/** Normalised for sending and storing: the leading + and the digits, full-width digits made plain. */
	public static String normalise(String phone) {
		String stripped = Normalizer.normalize(phone, Normalizer.Form.NFKC).strip();
		return (stripped.startsWith("+") ? "+" : "") + stripped.replaceAll("[^0-9]", "");
	}

	/** The number is one a person could be reached on (blank is not). */
	public static boolean isValid(String raw) {
		return raw != null && !raw.isBlank() && fault(raw).isEmpty();
	}

	/** Digits after a country code. */
	private static Optional<Fault> international(String d) {
		if (d.startsWith("852") || d.startsWith("853")) {
			String national = d.substring(3);
			if (national.length() < 8) {
				return Optional.of(Fault.TOO_SHORT);
			}
			if (national.length() > 8) {
				return Optional.of(Fault.SHAPE);
			}
			return isLocalEight(national) ? Optional.empty() : Optional.of(Fault.HONG_KONG);
		}
		if (d.startsWith("86")) {
			String national = d.substring(2);
			if (national.startsWith("1")) {
				return national.length() == 11 ? mainlandMobile(national)
						: Optional.of(national.length() < 11 ? Fault.TOO_SHORT : Fault.SHAPE);
			}
			// a landline after +86 drops the area code's 0: 9 to 11 digits
			String landline = national.startsWith("0") ? national.substring(1) : national;
			return landline.length() >= 9 && landline.length() <= 11 ? Optional.empty()
					: Optional.of(landline.length() < 9 ? Fault.TOO_SHORT : Fault.SHAPE);
		}
		return d.length() > 15 ? Optional.of(Fault.TOO_LONG) : Optional.empty();
	}

	private static boolean isLocalEight(String d) {
		return d.charAt(0) >= '2';
	}

	private static Optional<Fault> mainlandMobile(String d) {
		return d.charAt(1) >= '3' ? Optional.empty() : Optional.of(Fault.MAINLAND_MOBILE);
	}

}
