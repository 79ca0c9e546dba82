package org.hetao.estation.search.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.hetao.estation.search.SearchDocument;
import org.hetao.estation.search.SearchIndexer;
import org.hetao.estation.search.SearchType;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@link SearchIndexer} modules use: updates this node's index and writes a {@code search_change} row
 * (in the caller's transaction, i.e. the event listener's) so that {@link SearchChangeFollower} on every other
 * node re-indexes the same document within seconds. Several nodes on one database each keep their own index.
 */
@Component
@Primary
class SharedSearchIndexer implements SearchIndexer {

	/** The type recorded for a full rebuild. */
	static final String ALL = "*";

	private final LuceneSearchIndex index;

	private final JdbcClient jdbc;

	private final Clock clock;

	/** This process: a node ignores its own rows. */
	private final String node = UUID.randomUUID().toString();

	SharedSearchIndexer(LuceneSearchIndex index, JdbcClient jdbc, Clock clock) {
		this.index = index;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	String node() {
		return node;
	}

	@Override
	public void index(SearchDocument document) {
		index.index(document);
		record(document.type().name(), document.code());
	}

	@Override
	public void remove(SearchType type, String code) {
		index.remove(type, code);
		record(type.name(), code);
	}

	@Override
	public void refresh(SearchType type, String code) {
		index.refresh(type, code);
		record(type.name(), code);
	}

	@Override
	public int rebuild() {
		int count = index.rebuild();
		record(ALL, ALL);
		return count;
	}

	private void record(String type, String code) {
		jdbc.sql("insert into search_change (doc_type, code, node, changed_at) values (?, ?, ?, ?)")
			.params(type, code, node, Timestamp.from(clock.instant()))
			.update();
	}

}
