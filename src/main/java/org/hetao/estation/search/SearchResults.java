package org.hetao.estation.search;

import java.util.List;
import java.util.Map;

/**
 * Hits of one page and the facet counts of all hits.
 *
 * @param closest when there is no hit: the nearest documents a looser match finds (may be empty)
 */
public record SearchResults(long total, List<SearchHit> hits, Map<String, List<FacetCount>> facets,
		List<SearchHit> closest) {

	/** How many hits have this value of the dimension. */
	public record FacetCount(String value, long count) {
	}

}
