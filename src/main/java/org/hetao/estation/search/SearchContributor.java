package org.hetao.estation.search;

import java.util.List;

/**
 * Implemented as a bean by every module whose things search should find. A full rebuild of the index
 * asks every contributor for its documents and supplements; between rebuilds the module keeps the
 * index current through {@link SearchIndexer} (from its own event listeners).
 */
public interface SearchContributor {

	/** Every document this module owns, for a full rebuild. */
	List<SearchDocument> documents();

	/** Extra text for documents of other modules (e.g. FAQ answers about an item). */
	default List<SearchSupplement> supplements() {
		return List.of();
	}

}
