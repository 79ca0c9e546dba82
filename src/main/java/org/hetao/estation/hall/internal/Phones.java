package org.hetao.estation.hall.internal;

/**
 * Phone numbers left at the kiosk for an SMS call: checked by {@link org.hetao.estation.shared.PhoneNumbers},
 * and masked wherever they are shown.
 */
public final class Phones {

	private Phones() {
	}

	/** Normalised for sending: the leading + and the digits. */
	public static String normalise(String phone) {
		String stripped = java.text.Normalizer.normalize(phone, java.text.Normalizer.Form.NFKC).strip();
		return (stripped.startsWith("+") ? "+" : "") + stripped.replaceAll("[^0-9]", "");
	}

	/** Every digit but the last four replaced by '*', the country code kept: {@code +852 ****4567}. */
	public static String mask(String phone) {
		String normal = normalise(phone);
		String digits = normal.replace("+", "");
		String country = "";
		if (normal.startsWith("+852") || normal.startsWith("+853")) {
			country = normal.substring(0, 4) + " ";
			digits = digits.substring(3);
		}
		else if (normal.startsWith("+86")) {
			country = "+86 ";
			digits = digits.substring(2);
		}
		int keep = Math.min(4, digits.length());
		return country + "*".repeat(digits.length() - keep) + digits.substring(digits.length() - keep);
	}

}
