package org.hetao.estation.search.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.hetao.estation.search.Search;
import org.hetao.estation.search.SearchHit;
import org.hetao.estation.search.SearchIndexer;
import org.hetao.estation.search.SearchResults;
import org.hetao.estation.shared.Language;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Search", description = "Items, matters, policies and organisations in three languages")
@RestController
@RequestMapping("/api/v1/search")
class SearchApiController {

	private final Search search;

	private final SearchIndexer indexer;

	SearchApiController(Search search, SearchIndexer indexer) {
		this.search = search;
		this.indexer = indexer;
	}

	record Hit(String type, String code, String title, String snippet, float score, String url) {
		static Hit of(SearchHit hit) {
			return new Hit(hit.type().name(), hit.code(), hit.title(), hit.snippetHtml(), hit.score(), hit.url());
		}
	}

	record FacetValue(String value, long count) {
	}

	record Results(long total, List<Hit> hits, Map<String, List<FacetValue>> facets, List<Hit> closest) {
	}

	record Suggestion(String type, String code, String title, String url) {
	}

	record Rebuilt(int documents) {
	}

	@Operation(summary = "Search", description = "Best hits first. The query is plain words in any script or "
			+ "language (no query syntax); snippets are HTML-escaped with matches in <mark>. Facet filters: "
			+ "type, domain, theme, department, kind, applicantType.")
	@GetMapping
	Results search(@RequestParam(required = false) String q,
			@Parameter(description = "zh-Hant, zh-Hans or en; default from the request's locale") @RequestParam(required = false) String lang,
			@RequestParam(required = false) String type, @RequestParam(required = false) String domain,
			@RequestParam(required = false) String theme, @RequestParam(required = false) String department,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String applicantType,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "10") int size, Locale locale) {
		Language language = SearchRequests.language(lang, locale);
		Map<String, String> filters = new LinkedHashMap<>();
		putIf(filters, "type", type);
		putIf(filters, "domain", domain);
		putIf(filters, "theme", theme);
		putIf(filters, "department", department);
		putIf(filters, "kind", kind);
		putIf(filters, "applicantType", applicantType);
		SearchResults results = search.search(SearchRequests.of(q, language, filters, page, size));
		Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
		results.facets().forEach((dimension, counts) -> facets.put(dimension,
				counts.stream().map(c -> new FacetValue(c.value(), c.count())).toList()));
		return new Results(results.total(), results.hits().stream().map(Hit::of).toList(), facets,
				results.closest().stream().map(Hit::of).toList());
	}

	@Operation(summary = "Suggestions as you type", description = "Up to 8 titles; an empty list for blank input.")
	@GetMapping("/suggest")
	List<Suggestion> suggest(@RequestParam(required = false) String q, @RequestParam(required = false) String lang,
			Locale locale) {
		Language language = SearchRequests.language(lang, locale);
		return search.suggest(q, language, 8).stream()
			.map(h -> new Suggestion(h.type().name(), h.code(), h.title(), h.url()))
			.toList();
	}

	@Operation(summary = "Rebuild the index (administrators)")
	@PostMapping("/index")
	Rebuilt rebuild() {
		return new Rebuilt(indexer.rebuild());
	}

	private static void putIf(Map<String, String> map, String key, String value) {
		if (value != null && !value.isBlank()) {
			map.put(key, value);
		}
	}

}
