package org.hetao.estation.catalog.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hetao.estation.catalog.ItemKind;
import org.hetao.estation.catalog.ServiceDomain;
import org.hetao.estation.catalog.Theme;
import org.hetao.estation.catalog.internal.ItemQuery;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Problem;

/** Turns request parameters into an {@link ItemQuery}; a bad value is a 400 naming the parameter. */
final class ItemFilters {

	private ItemFilters() {
	}

	static ItemQuery parse(String domain, String theme, String department, String applicantType, String kind,
			String page, String size, int defaultSize) {
		List<Problem.FieldError> errors = new ArrayList<>();
		ItemQuery query = new ItemQuery(value(ServiceDomain.class, "domain", domain, errors),
				value(Theme.class, "theme", theme, errors), blankToNull(department),
				value(ApplicantType.class, "applicantType", applicantType, errors), value(ItemKind.class, "kind", kind, errors),
				number("page", page, 0, 0, Integer.MAX_VALUE / ItemQuery.MAX_SIZE, errors),
				number("size", size, defaultSize, 1, ItemQuery.MAX_SIZE, errors));
		if (!errors.isEmpty()) {
			throw new Problem(Problem.Kind.INVALID, "catalog.filter.invalid", errors);
		}
		return query;
	}

	private static <E extends Enum<E>> E value(Class<E> type, String name, String raw, List<Problem.FieldError> errors) {
		String v = blankToNull(raw);
		if (v == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, v.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			errors.add(new Problem.FieldError(name, "catalog.filter.unknownValue", v,
					String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
			return null;
		}
	}

	private static int number(String name, String raw, int fallback, int min, int max, List<Problem.FieldError> errors) {
		String v = blankToNull(raw);
		if (v == null) {
			return fallback;
		}
		try {
			int n = Integer.parseInt(v.trim());
			if (n < min || n > max) {
				errors.add(new Problem.FieldError(name, "catalog.filter.outOfRange", min, max));
				return fallback;
			}
			return n;
		}
		catch (NumberFormatException e) {
			errors.add(new Problem.FieldError(name, "catalog.filter.notANumber", v));
			return fallback;
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

}
