package org.hetao.estation.search;

import java.util.List;
import java.util.Map;

/**
 * Hits of one page and the facet counts of the hits.
 *
 * @param total how many hits: exact up to 1,000, a lower bound beyond (1,000 for hits that match most
 * of the words; Lucene's count past its threshold for the others)
 * @param facets counted over every hit up to 1,000 hits, over the best 100 beyond
 * @param closest when there is no hit: the nearest documents a looser match finds (may be empty)
 */
public record SearchResults(long total, List<SearchHit> hits, Map<String, List<FacetCount>> facets,
		List<SearchHit> closest) {

	/** How many hits have this value of the dimension. */
	public record FacetCount(String value, long count) {
	}

}
