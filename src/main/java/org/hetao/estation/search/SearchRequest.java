package org.hetao.estation.search;

import java.util.Map;

import org.hetao.estation.shared.Language;

/**
 * A query.
 *
 * @param filters facet dimension to the value the hits must have (drill-down), e.g. {@code domain=CUSTOMS}
 * @param page zero-based page
 */
public record SearchRequest(String query, Language language, Map<String, String> filters, int page, int size) {

	public static final int MAX_QUERY_LENGTH = 200;

	public static final int MAX_SIZE = 50;

	public SearchRequest {
		language = language == null ? Language.DEFAULT : language;
		filters = filters == null ? Map.of() : Map.copyOf(filters);
		page = Math.max(0, page);
		size = size <= 0 ? 10 : Math.min(size, MAX_SIZE);
	}

	public static SearchRequest of(String query, Language language) {
		return new SearchRequest(query, language, Map.of(), 0, 10);
	}

}
