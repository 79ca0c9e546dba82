package org.hetao.estation.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.hetao.estation.catalog.FieldType;
import org.hetao.estation.catalog.FormField;
import org.hetao.estation.shared.PhoneNumbers;

/** Checks one answer against its field's type, required flag and the catalogue's pattern. */
public final class FieldRules {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern ID_NUMBER = Pattern.compile("^[A-Za-z0-9()\\-]{5,30}$");

	private static final String CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] CREDIT_CODE_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30,
			28 };

	private FieldRules() {
	}

	/** The message key of what is wrong with the answer, or empty when it is fine. */
	public static Optional<String> check(FieldType type, boolean required, String pattern, List<String> options,
			String value) {
		if (value == null || value.isBlank()) {
			return required ? Optional.of("casework.field.required") : Optional.empty();
		}
		String v = value.strip();
		if (v.length() > 2000) {
			return Optional.of("casework.field.tooLong");
		}
		Optional<String> typed = switch (type) {
			case NUMBER -> number(v);
			case DATE -> date(v);
			case EMAIL -> EMAIL.matcher(v).matches() ? Optional.empty() : Optional.of("casework.field.email");
			case PHONE -> PhoneNumbers.fault(v).map(PhoneNumbers.Fault::messageKey);
			case SELECT -> options.contains(v) ? Optional.empty() : Optional.of("casework.field.option");
			case BOOLEAN -> "true".equals(v) || "false".equals(v) ? Optional.empty()
					: Optional.of("casework.field.boolean");
			case ID_NUMBER -> ID_NUMBER.matcher(v).matches() ? Optional.empty() : Optional.of("casework.field.idNumber");
			case CREDIT_CODE -> isCreditCode(v) ? Optional.empty() : Optional.of("casework.field.creditCode");
			case TEXT, TEXTAREA -> Optional.empty();
		};
		if (typed.isPresent()) {
			return typed;
		}
		if (pattern != null && !pattern.isBlank()) {
			try {
				if (!Pattern.compile(pattern).matcher(v).matches()) {
					return Optional.of("casework.field.pattern");
				}
			}
			catch (PatternSyntaxException e) {
				// a broken pattern in the catalogue must not lock applicants out
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	public static Optional<String> check(FormField field, String value) {
		return check(field.type(), field.required(), field.pattern(),
				field.options().stream().map(FormField.FieldOption::value).toList(), value);
	}

	private static Optional<String> number(String v) {
		try {
			new BigDecimal(v);
			return Optional.empty();
		}
		catch (NumberFormatException e) {
			return Optional.of("casework.field.number");
		}
	}

	private static Optional<String> date(String v) {
		try {
			LocalDate.parse(v);
			return Optional.empty();
		}
		catch (DateTimeParseException e) {
			return Optional.of("casework.field.date");
		}
	}

	/** A unified social credit code (GB 32100-2015): 18 characters with a check character. */
	public static boolean isCreditCode(String code) {
		if (code == null || code.length() != 18) {
			return false;
		}
		String c = code.toUpperCase(java.util.Locale.ROOT);
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int v = CREDIT_CODE_CHARS.indexOf(c.charAt(i));
			if (v < 0) {
				return false;
			}
			sum += v * CREDIT_CODE_WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return c.charAt(17) == CREDIT_CODE_CHARS.charAt(check);
	}

	/** Completes the first 17 characters of a credit code with its check character (for tests and demos). */
	public static String withCheckCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CREDIT_CODE_CHARS.indexOf(first17.charAt(i)) * CREDIT_CODE_WEIGHTS[i];
		}
		return first17 + CREDIT_CODE_CHARS.charAt((31 - sum % 31) % 31);
	}

}
