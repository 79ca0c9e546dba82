package org.hetao.estation.notification;

/** Masks phone numbers and email addresses for screens and logs. */
final class Phones {

	private Phones() {
	}

	/** {@code +852 9123 4567} → {@code +852 **** 4567}: digits but the country code and the last four hidden. */
	static String mask(String phone) {
		if (phone == null) {
			return null;
		}
		String p = phone.strip();
		int keepFrom = Math.max(0, p.length() - 4);
		int start = p.startsWith("+") ? Math.max(p.indexOf(' ') + 1, 1) : 0;
		if (start >= keepFrom) {
			start = 0;
		}
		StringBuilder b = new StringBuilder(p.length());
		for (int i = 0; i < p.length(); i++) {
			char c = p.charAt(i);
			b.append(i >= start && i < keepFrom && Character.isDigit(c) ? '*' : c);
		}
		return b.toString();
	}

	/** {@code chan.taiman@example.hk} → {@code c*********n@example.hk}. */
	static String maskEmail(String email) {
		if (email == null) {
			return null;
		}
		int at = email.indexOf('@');
		if (at <= 1) {
			return "***" + (at < 0 ? "" : email.substring(at));
		}
		String local = email.substring(0, at);
		return local.charAt(0) + "*".repeat(Math.max(local.length() - 2, 1)) + local.charAt(local.length() - 1)
				+ email.substring(at);
	}

}
