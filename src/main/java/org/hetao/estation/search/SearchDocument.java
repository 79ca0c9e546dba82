package org.hetao.estation.search;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hetao.estation.shared.LocalizedText;

/**
 * One thing search can find, as the owning module describes it.
 *
 * @param code stable code, unique within its type (e.g. {@code CUS-0003}, {@code POL-012})
 * @param title shown as the hit's title and weighted most
 * @param body searchable description; the snippet is cut from it
 * @param keywords extra searchable words not shown (aliases, English abbreviations…); may be null
 * @param url where the hit links to, e.g. {@code /policies/POL-012}
 * @param facets facet dimension (see {@link SearchFacets}) to its values (codes, not labels)
 */
public record SearchDocument(SearchType type, String code, LocalizedText title, LocalizedText body,
		LocalizedText keywords, String url, Map<String, List<String>> facets) {

	public SearchDocument {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(title, "title");
		body = body == null ? LocalizedText.of("", "", "") : body;
		facets = facets == null ? Map.of() : Map.copyOf(facets);
	}

	/** The index key: type and code. */
	public String key() {
		return type.name() + ":" + code;
	}

}
