package org.hetao.estation.search.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.search.Search;
import org.hetao.estation.search.SearchFacets;
import org.hetao.estation.search.SearchRequest;
import org.hetao.estation.search.SearchResults;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.LateBeans;
import org.hetao.estation.shared.Problem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The results page: hits with highlighted snippets, facets as filters, a way on when nothing matched. */
@Controller
class SearchController {

	static final int PAGE_SIZE = 10;

	private final Search search;

	private final MessageSource messages;

	private final Supplier<Optional<Catalog>> catalog;

	SearchController(Search search, MessageSource messages, ObjectProvider<Catalog> catalog) {
		this.search = search;
		this.messages = messages;
		this.catalog = LateBeans.optional(catalog);
	}

	record FacetValueView(String label, long count, boolean selected, String href) {
	}

	record FacetView(String dimension, List<FacetValueView> values) {
	}

	@GetMapping("/search")
	String results(@RequestParam(required = false) String q, @RequestParam Map<String, String> params,
			@RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
		Language language = Language.of(locale);
		model.addAttribute("q", q == null ? "" : q);
		if (q == null || q.isBlank()) {
			model.addAttribute("blank", true);
			return "search/results";
		}
		if (q.length() > SearchRequest.MAX_QUERY_LENGTH) {
			model.addAttribute("tooLong", true);
			return "search/results";
		}
		SearchRequest request;
		try {
			request = SearchRequests.of(q, language, params, Math.max(0, page), PAGE_SIZE);
		}
		catch (Problem ex) {
			request = SearchRequests.of(q, language, Map.of(), 0, PAGE_SIZE);
		}
		SearchResults results = search.search(request);
		model.addAttribute("results", results);
		model.addAttribute("facets", facets(results, request, locale));
		model.addAttribute("filters", request.filters());
		model.addAttribute("page", request.page());
		long pages = (results.total() + PAGE_SIZE - 1) / PAGE_SIZE;
		model.addAttribute("pages", pages);
		model.addAttribute("previousHref", request.page() > 0 ? href(q, request.filters(), request.page() - 1) : null);
		model.addAttribute("nextHref", request.page() + 1 < pages ? href(q, request.filters(), request.page() + 1) : null);
		return "search/results";
	}

	private List<FacetView> facets(SearchResults results, SearchRequest request, Locale locale) {
		List<FacetView> views = new ArrayList<>();
		results.facets().forEach((dimension, counts) -> {
			if (counts.size() < 2 && !request.filters().containsKey(dimension)) {
				return;
			}
			List<FacetValueView> values = new ArrayList<>();
			for (SearchResults.FacetCount count : counts) {
				boolean selected = count.value().equals(request.filters().get(dimension));
				Map<String, String> filters = new LinkedHashMap<>(request.filters());
				if (selected) {
					filters.remove(dimension);
				}
				else {
					filters.put(dimension, count.value());
				}
				values.add(new FacetValueView(label(dimension, count.value(), locale), count.count(), selected,
						href(request.query(), filters, 0)));
			}
			views.add(new FacetView(dimension, values));
		});
		return views;
	}

	private String label(String dimension, String value, Locale locale) {
		return switch (dimension) {
			case SearchFacets.DEPARTMENT -> {
				Catalog c = catalog.get().orElse(null);
				yield c == null ? value : c.department(value).map(d -> d.name().get(locale)).orElse(value);
			}
			case SearchFacets.THEME -> messages.getMessage("theme." + value, null, value, locale);
			case SearchFacets.APPLICANT_TYPE -> messages.getMessage("applicantType." + value, null, value, locale);
			default -> messages.getMessage("search.facet." + dimension + "." + value, null, value, locale);
		};
	}

	private static String href(String q, Map<String, String> filters, int page) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/search").queryParam("q", q);
		filters.forEach(uri::queryParam);
		if (page > 0) {
			uri.queryParam("page", page);
		}
		return uri.encode().build().toUriString();
	}

}
