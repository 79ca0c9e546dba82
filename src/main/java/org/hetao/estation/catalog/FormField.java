package org.hetao.estation.catalog;

import java.util.List;

import org.hetao.estation.shared.LocalizedText;

/**
 * A field of an item's application form.
 *
 * @param key stable key within the item, e.g. {@code companyName}
 * @param pattern optional regular expression the value must match (whole value)
 * @param options the allowed values of a {@link FieldType#SELECT}, else empty
 */
public record FormField(String key, LocalizedText label, FieldType type, boolean required, String pattern,
		List<FieldOption> options) {

	public FormField {
		options = options == null ? List.of() : List.copyOf(options);
	}

	/** One choice of a select field. */
	public record FieldOption(String value, LocalizedText label) {
	}

}
