package org.hetao.estation.catalog.internal;

import java.util.List;

/**
 * One thing wrong with catalogue data: where (a file or a CSV row), which item, matter, department or
 * category, which field, and a message key of the catalogue bundle with its arguments.
 *
 * @param source the file name ({@code items/customs.json}) or {@code row 12} of an imported CSV
 * @param code the code of the entry at fault, or empty when the fault is not in one entry
 * @param field the field at fault, as a path inside the entry ({@code materials[2].name}); may be empty
 */
public record CatalogError(String source, String code, String field, String messageKey, List<Object> args) {

	public CatalogError {
		source = source == null ? "" : source;
		code = code == null ? "" : code;
		field = field == null ? "" : field;
		args = args == null ? List.of() : args.stream().map(a -> a == null ? (Object) "" : a).toList();
	}

	public static CatalogError of(String source, String code, String field, String messageKey, Object... args) {
		return new CatalogError(source, code, field, messageKey, java.util.Arrays.asList(args));
	}

	public CatalogError at(String newSource) {
		return new CatalogError(newSource, code, field, messageKey, args);
	}

	public Object[] argArray() {
		return args.toArray();
	}

}
