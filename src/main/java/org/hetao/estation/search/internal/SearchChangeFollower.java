package org.hetao.estation.search.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.hetao.estation.search.SearchType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's index in step with changes made on other nodes: polls {@code search_change}
 * ({@code estation.search.follow-interval}, default 1.5 s) and re-indexes each document another node changed,
 * from this node's contributors (which read the shared database). Rows are seen by id; since identities are
 * handed out before their transactions commit, a row may appear behind a higher one, so ids are remembered
 * for {@link #SETTLE} before the watermark passes them. Also rebuilds when the catalogue this node follows
 * ({@code estation.catalog.refresh-interval}) stays newer than the index.
 */
@Component
class SearchChangeFollower {

	private static final Logger log = LoggerFactory.getLogger(SearchChangeFollower.class);

	/** How long a transaction writing a change row may take to commit after taking its id. */
	static final Duration SETTLE = Duration.ofSeconds(60);

	/** Rows older than this are deleted (a node down longer rebuilds from its contributors anyway). */
	static final Duration KEEP = Duration.ofDays(2);

	/** More distinct documents than this in one poll: rebuild instead. */
	static final int REBUILD_ABOVE = 200;

	private final LuceneSearchIndex index;

	private final SearchIndexing indexing;

	private final CatalogDocuments catalog;

	private final SharedSearchIndexer shared;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration replay;

	/** Every row at or below it has been applied or ignored; null until the first successful poll. */
	private Long watermark;

	private final Set<Long> seen = new HashSet<>();

	private boolean failing;

	private Instant lastCleanup = Instant.EPOCH;

	private final Duration catalogueGrace;

	private Instant catalogueBehindSince;

	SearchChangeFollower(LuceneSearchIndex index, SearchIndexing indexing, CatalogDocuments catalog,
			SharedSearchIndexer shared, JdbcClient jdbc, Clock clock,
			@Value("${estation.search.follow-replay:PT24H}") Duration replay,
			@Value("${estation.search.catalogue-grace:PT30S}") Duration catalogueGrace) {
		this.catalogueGrace = catalogueGrace;
		this.index = index;
		this.indexing = indexing;
		this.catalog = catalog;
		this.shared = shared;
		this.jdbc = jdbc;
		this.clock = clock;
		this.replay = replay;
	}

	record Change(long id, String type, String code, String node, Instant at) {
		String key() {
			return type + ":" + code;
		}
	}

	@Scheduled(fixedDelayString = "${estation.search.follow-interval:PT1.5S}",
			initialDelayString = "${estation.search.follow-interval:PT1.5S}")
	void poll() {
		try {
			follow();
			if (failing) {
				log.info("Following the search changes of other nodes again");
			}
			failing = false;
		}
		catch (RuntimeException ex) {
			if (!failing) {
				log.warn("Cannot follow the search changes of other nodes (will retry): {}", ex.getMessage());
			}
			failing = true;
		}
	}

	/** One poll; returns the number of documents re-indexed (a rebuild counts as -1). */
	synchronized int follow() {
		Instant now = clock.instant();
		followCatalogue(now);
		List<Change> changes;
		if (watermark == null) {
			// First poll: changes of the last day may be missing from an index kept on disk while this node was down.
			changes = query("select id, doc_type, code, node, changed_at from search_change where changed_at > ? order by id",
					Timestamp.from(now.minus(replay)));
		}
		else {
			changes = query("select id, doc_type, code, node, changed_at from search_change where id > ? order by id",
					watermark);
		}
		Set<String> keys = new LinkedHashSet<>();
		for (Change change : changes) {
			if (seen.add(change.id()) && !change.node().equals(shared.node())) {
				keys.add(change.key());
			}
		}
		int applied = apply(keys);
		long settledBelow = watermark == null ? 0 : watermark;
		if (watermark == null) {
			settledBelow = jdbc.sql("select coalesce(max(id), 0) from search_change where changed_at <= ?")
				.param(Timestamp.from(now.minus(replay)))
				.query(Long.class)
				.single();
		}
		Instant settled = now.minus(SETTLE);
		for (Change change : changes) {
			if (change.at().isBefore(settled) && change.id() > settledBelow) {
				settledBelow = change.id();
			}
		}
		watermark = settledBelow;
		long mark = settledBelow;
		seen.removeIf(id -> id <= mark);
		if (lastCleanup.isBefore(now.minus(Duration.ofHours(1)))) {
			jdbc.sql("delete from search_change where changed_at < ?").param(Timestamp.from(now.minus(KEEP))).update();
			lastCleanup = now;
		}
		return applied;
	}

	/**
	 * The catalogue this node follows moved past the index's version and stayed so for
	 * {@code estation.search.catalogue-grace} (so that this node's own rebuilds, at start-up or after an import
	 * here, are not done twice): rebuild.
	 */
	private void followCatalogue(Instant now) {
		String version = catalog.version();
		if (version == null || Objects.equals(version, index.indexedCatalogVersion())) {
			catalogueBehindSince = null;
		}
		else if (catalogueBehindSince == null) {
			catalogueBehindSince = now;
		}
		else if (!now.isBefore(catalogueBehindSince.plus(catalogueGrace))) {
			indexing.rebuild("the catalogue changed on another node");
			catalogueBehindSince = null;
		}
	}

	private int apply(Set<String> keys) {
		if (keys.isEmpty()) {
			return 0;
		}
		if (keys.contains(SharedSearchIndexer.ALL + ":" + SharedSearchIndexer.ALL) || keys.size() > REBUILD_ABOVE) {
			indexing.rebuild(keys.size() + " changes on other nodes");
			return -1;
		}
		int count = 0;
		for (String key : keys) {
			int colon = key.indexOf(':');
			SearchType type;
			try {
				type = SearchType.valueOf(key.substring(0, colon));
			}
			catch (IllegalArgumentException ex) {
				continue; // a type this version does not know
			}
			index.refresh(type, key.substring(colon + 1));
			count++;
		}
		log.debug("Re-indexed {} documents changed on other nodes", count);
		return count;
	}

	private List<Change> query(String sql, Object param) {
		return jdbc.sql(sql)
			.param(param)
			.query((rs, n) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.list();
	}

}
