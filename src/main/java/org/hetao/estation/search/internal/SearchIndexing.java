package org.hetao.estation.search.internal;

import java.util.Objects;

import org.hetao.estation.catalog.CatalogChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with the catalogue: builds it at start-up when it is missing or was built
 * from another catalogue version, and again whenever the catalogue changes.
 * <p>
 * The start-up check runs once the application is ready, on a thread of its own: an index kept from the last
 * run is used as it is when it was built from the same data ({@link IndexedSources}: the fingerprint of every
 * contributor's documents, kept beside the index) and rebuilt when the data changed; a missing one is built in the
 * background while the platform
 * already answers (a search meanwhile waits for that build, see {@link LuceneSearchIndex#awaitFirstBuildIfEmpty()}).
 * A catalogue change announced before that check is left to it (the check sees the new version and
 * builds once, after the directory's organisations are loaded too) instead of building twice.
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

	/** Set once the start-up check has begun: catalogue changes from then on rebuild the index themselves. */
	private volatile boolean started;

	@EventListener(ApplicationReadyEvent.class)
	void onStartup() {
		Thread build = new Thread(this::startupCheck, "search-index-startup");
		build.setDaemon(true);
		build.start();
	}

	void startupCheck() {
		try {
			synchronized (this) {
				started = true;
				String version = catalog.version();
				String sources = index.sourcesFingerprint();
				if (index.isEmpty() || !Objects.equals(Objects.toString(version, ""),
						Objects.toString(index.indexedCatalogVersion(), ""))) {
					rebuild("start-up (index missing or from another catalogue version)", sources);
				}
				else if (!sources.equals(index.indexedSources())) {
					rebuild("start-up (the indexed data changed)", sources);
				}
				else {
					log.info("Search index kept: built from the same data");
				}
			}
		}
		catch (RuntimeException e) {
			log.error("The search index could not be built at start-up", e);
		}
		finally {
			index.firstBuildDone();
		}
	}

	// After the commit, on another thread, kept in the event publication registry until done; with no transaction
	// of its own: an index update can wait for the index (a first start builds it after readiness), and a
	// transaction held meanwhile kept a pooled connection idle for all that time.
	@Async
	@TransactionalEventListener
	void on(CatalogChanged event) {
		synchronized (this) {
			if (!started) {
				log.info("Catalogue {} applied during start-up: the start-up check builds the index", event.version());
				return;
			}
			rebuild("catalogue " + event.version() + " changed");
		}
	}

	synchronized int rebuild(String reason) {
		return rebuild(reason, index.sourcesFingerprint());
	}

	/** @param sources the fingerprint of the data, taken before the build */
	synchronized int rebuild(String reason, String sources) {
		long start = System.nanoTime();
		int count = index.rebuild();
		index.setIndexed(catalog.version(), sources);
		log.info("Search index rebuilt ({}): {} documents in {} ms", reason, count, (System.nanoTime() - start) / 1_000_000);
		return count;
	}

}
