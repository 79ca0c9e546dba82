package org.hetao.estation.search.internal;

import java.util.Objects;

import org.hetao.estation.catalog.CatalogChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with the catalogue: builds it at start-up when it is missing or was built
 * from another catalogue version, and again whenever the catalogue changes.
 */
@Component
class SearchIndexing {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexing.class);

	private final LuceneSearchIndex index;

	private final CatalogDocuments catalog;

	SearchIndexing(LuceneSearchIndex index, CatalogDocuments catalog) {
		this.index = index;
		this.catalog = catalog;
		// made before the web server starts: on a first start, a search that comes before the index is
		// built waits for it instead of finding nothing
		index.awaitFirstBuildIfEmpty();
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStartup() {
		try {
			String version = catalog.version();
			if (index.isEmpty() || !Objects.equals(Objects.toString(version, ""), Objects.toString(index.indexedCatalogVersion(), ""))) {
				rebuild("start-up (index missing or from another catalogue version)");
			}
		}
		finally {
			index.firstBuildDone();
		}
	}

	@ApplicationModuleListener
	void on(CatalogChanged event) {
		rebuild("catalogue " + event.version() + " changed");
	}

	synchronized int rebuild(String reason) {
		long start = System.nanoTime();
		int count = index.rebuild();
		index.setIndexedCatalogVersion(catalog.version());
		log.info("Search index rebuilt ({}): {} documents in {} ms", reason, count, (System.nanoTime() - start) / 1_000_000);
		return count;
	}

}
