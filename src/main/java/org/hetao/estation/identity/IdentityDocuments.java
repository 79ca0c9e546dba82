package org.hetao.estation.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks identity document numbers the way the issuing authorities define them: format, check
 * character, and (for the Mainland ID) a real date of birth. Plain Java, no I/O.
 */
public final class IdentityDocuments {

	/** The outcome; {@code reasonKey} names a message in the identity bundle. */
	public record Check(boolean valid, String reasonKey, String normalized) {

		static Check ok(String normalized) {
			return new Check(true, "identity.document.valid", normalized);
		}

		static Check fail(String reasonKey) {
			return new Check(false, reasonKey, null);
		}

	}

	private static final Pattern HKID = Pattern.compile("([A-Z]{1,2})([0-9]{6})\\(?([0-9A])\\)?");

	private static final Pattern CN_ID = Pattern.compile("[1-9][0-9]{16}[0-9X]");

	private static final Pattern MTP = Pattern.compile("[HM][0-9]{8}");

	private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final Pattern USCC = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");

	private static final int[] CN_ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CN_ID_CHECK = "10X98765432";

	private static final int[] USCC_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private IdentityDocuments() {
	}

	public static Check check(IdentityDocumentKind kind, String number) {
		if (number == null || number.isBlank()) {
			return Check.fail("identity.document.empty");
		}
		if (number.length() > 40) {
			return Check.fail("identity.document.format." + kind.name());
		}
		String n = number.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "");
		return switch (kind) {
			case HKID -> hkid(n);
			case CN_RESIDENT_ID -> cnResidentId(n);
			case MTP -> MTP.matcher(n).matches() ? Check.ok(n) : Check.fail("identity.document.format.MTP");
			case USCC -> uscc(n);
		};
	}

	static Check hkid(String n) {
		Matcher m = HKID.matcher(n);
		if (!m.matches()) {
			return Check.fail("identity.document.format.HKID");
		}
		String letters = m.group(1);
		String digits = m.group(2);
		int sum = 0;
		// A single-letter prefix is read as a space (value 36) followed by the letter.
		int first = letters.length() == 2 ? letters.charAt(0) - 'A' + 10 : 36;
		int second = letters.charAt(letters.length() - 1) - 'A' + 10;
		sum += 9 * first + 8 * second;
		for (int i = 0; i < 6; i++) {
			sum += (7 - i) * (digits.charAt(i) - '0');
		}
		int remainder = 11 - sum % 11;
		char expected = remainder == 11 ? '0' : remainder == 10 ? 'A' : (char) ('0' + remainder);
		if (m.group(3).charAt(0) != expected) {
			return Check.fail("identity.document.checkDigit");
		}
		return Check.ok(letters + digits + "(" + expected + ")");
	}

	static Check cnResidentId(String n) {
		if (!CN_ID.matcher(n).matches()) {
			return Check.fail("identity.document.format.CN_RESIDENT_ID");
		}
		try {
			LocalDate birth = LocalDate.of(Integer.parseInt(n.substring(6, 10)), Integer.parseInt(n.substring(10, 12)),
					Integer.parseInt(n.substring(12, 14)));
			if (birth.getYear() < 1880 || birth.isAfter(LocalDate.now())) {
				return Check.fail("identity.document.birthDate");
			}
		}
		catch (DateTimeException e) {
			return Check.fail("identity.document.birthDate");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (n.charAt(i) - '0') * CN_ID_WEIGHTS[i];
		}
		return n.charAt(17) == CN_ID_CHECK.charAt(sum % 11) ? Check.ok(n) : Check.fail("identity.document.checkDigit");
	}

	static Check uscc(String n) {
		if (!USCC.matcher(n).matches()) {
			return Check.fail("identity.document.format.USCC");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += USCC_CHARS.indexOf(n.charAt(i)) * USCC_WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return n.charAt(17) == USCC_CHARS.charAt(check) ? Check.ok(n) : Check.fail("identity.document.checkDigit");
	}

}
