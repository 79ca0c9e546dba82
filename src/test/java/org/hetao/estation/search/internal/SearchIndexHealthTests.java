package org.hetao.estation.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** The search index's health: out of service while a missing index is first built, up once it is. */
class SearchIndexHealthTests {

	@Test
	void outOfServiceUntilTheFirstBuildOfAMissingIndexIsDone() throws Exception {
		try (LuceneSearchIndex index = new LuceneSearchIndex(new ByteBuffersDirectory(), SearchRankingTests.CONVERTER,
				SearchRankingTests.synonyms(""), List::of)) {
			SearchIndexHealth health = new SearchIndexHealth(index);
			index.awaitFirstBuildIfEmpty();
			assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			index.firstBuildDone();
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		}
	}

}
