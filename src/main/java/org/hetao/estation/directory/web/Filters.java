package org.hetao.estation.directory.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.hetao.estation.directory.Background;
import org.hetao.estation.directory.OrganisationFilter;
import org.hetao.estation.directory.OrganisationKind;
import org.hetao.estation.directory.ResearchField;
import org.hetao.estation.directory.ScienceBase;
import org.hetao.estation.shared.Problem;

/** Turns the filter parameters of the directory, the map and the API into a filter; an unknown code is a 400 naming the field. */
final class Filters {

	private Filters() {
	}

	static OrganisationFilter parse(String kind, String field, String background, String base) {
		List<Problem.FieldError> errors = new ArrayList<>();
		OrganisationFilter filter = new OrganisationFilter(value("kind", kind, OrganisationKind::valueOf, errors),
				value("field", field, ResearchField::valueOf, errors),
				value("background", background, Background::valueOf, errors),
				value("base", base, ScienceBase::valueOf, errors));
		if (!errors.isEmpty()) {
			throw new Problem(Problem.Kind.INVALID, "directory.error.badFilter", errors);
		}
		return filter;
	}

	private static <T> T value(String name, String raw, Function<String, T> parse, List<Problem.FieldError> errors) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			return parse.apply(raw.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			errors.add(new Problem.FieldError(name, "directory.error.unknownCode", raw));
			return null;
		}
	}

}
