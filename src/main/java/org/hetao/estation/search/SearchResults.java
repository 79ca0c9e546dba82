package org.hetao.estation.search;

import java.util.List;
import java.util.Map;

/**
 * Hits of one page and the facet counts of the hits.
 *
 * @param total how many hits: exact up to 1,000; beyond, 1,000, a lower bound
 * @param facets counted over the hits that match most of the words (over the first 1,000 found when there
 * are more); when there are too few of those to show, over the best 30 of the broader matches
 * @param closest when there is no hit: the nearest documents a looser match finds (may be empty)
 */
public record SearchResults(long total, List<SearchHit> hits, Map<String, List<FacetCount>> facets,
		List<SearchHit> closest) {

	/** How many hits have this value of the dimension. */
	public record FacetCount(String value, long count) {
	}

}
