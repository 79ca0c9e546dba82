package org.hetao.estation.search;

import java.util.List;

import org.hetao.estation.shared.Language;

/** Finds documents: the search module's query API. */
public interface Search {

	/**
	 * Best hits first. A blank or over-long query is a {@link org.hetao.estation.shared.Problem} (400);
	 * any other text is searched as plain words (no query syntax).
	 */
	SearchResults search(SearchRequest request);

	/** Titles that match what was typed so far, best first (at most {@code limit}). */
	List<SearchHit> suggest(String prefix, Language language, int limit);

}
