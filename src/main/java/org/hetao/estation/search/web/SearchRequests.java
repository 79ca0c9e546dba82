package org.hetao.estation.search.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.hetao.estation.search.SearchFacets;
import org.hetao.estation.search.SearchRequest;
import org.hetao.estation.search.SearchType;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.Problem;

/** Reads the request parameters shared by the page and the API. */
final class SearchRequests {

	private SearchRequests() {
	}

	static Language language(String lang, Locale locale) {
		if (lang == null || lang.isBlank()) {
			return Language.of(locale);
		}
		for (Language language : Language.values()) {
			if (language.tag().equalsIgnoreCase(lang.trim())) {
				return language;
			}
		}
		throw Problem.invalid("search.lang.invalid", lang);
	}

	static SearchRequest of(String q, Language language, Map<String, String> params, int page, int size) {
		Map<String, String> filters = new LinkedHashMap<>();
		for (String dimension : SearchFacets.ALL) {
			String value = params.get(dimension);
			if (value == null || value.isBlank()) {
				continue;
			}
			if (value.length() > 60) {
				throw Problem.invalid("search.filter.invalid", dimension);
			}
			if (SearchFacets.TYPE.equals(dimension)) {
				try {
					value = SearchType.valueOf(value.trim().toUpperCase(Locale.ROOT)).name();
				}
				catch (IllegalArgumentException ex) {
					throw Problem.invalid("search.type.invalid", value);
				}
			}
			filters.put(dimension, value.trim());
		}
		if (page < 0 || page > 1000) {
			throw Problem.invalid("search.page.invalid");
		}
		if (size < 1 || size > SearchRequest.MAX_SIZE) {
			throw Problem.invalid("search.size.invalid", SearchRequest.MAX_SIZE);
		}
		return new SearchRequest(q, language, filters, page, size);
	}

}
