package org.hetao.estation.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.search.SearchContributor;
import org.hetao.estation.search.SearchDocument;
import org.hetao.estation.search.SearchHit;
import org.hetao.estation.search.SearchRequest;
import org.hetao.estation.search.SearchSupplement;
import org.hetao.estation.search.SearchType;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.LocalizedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The start-up check: an index built from the same data is kept as it is; any change of the data rebuilds it. */
class SearchIndexingTests {

	/** A module's searchable things, as data that can change between two starts. */
	static final class Things implements SearchContributor {

		final List<SearchDocument> documents = new ArrayList<>();

		final List<SearchSupplement> supplements = new ArrayList<>();

		@Override
		public List<SearchDocument> documents() {
			return documents;
		}

		@Override
		public List<SearchSupplement> supplements() {
			return supplements;
		}

	}

	@Test
	void anIndexBuiltFromTheSameDataIsKeptAndAChangeOfTheDataRebuildsIt(@TempDir Path dir) throws Exception {
		Things things = new Things();
		things.documents.add(SearchRankingTests.doc("HARBOUR", "harbour permit", "a permit for the harbour", "CUSTOMS"));
		things.documents.add(SearchRankingTests.doc("BOAT", "boat licence", "a licence for a boat", "CUSTOMS"));

		long built = start(dir, things);
		assertThat(codesFound(dir, things, "harbour")).containsExactly("HARBOUR");

		// the same data, given in another order: kept, nothing written
		things.documents.add(things.documents.remove(0));
		assertThat(start(dir, things)).isEqualTo(built);

		// another module's data changed (the catalogue's version did not): rebuilt, the change is found
		things.documents.set(0, SearchRankingTests.doc("BOAT", "boat licence", "a licence for a ferry", "CUSTOMS"));
		long rebuilt = start(dir, things);
		assertThat(rebuilt).isGreaterThan(built);
		assertThat(codesFound(dir, things, "ferry")).containsExactly("BOAT");

		// a supplement (a published FAQ answer) is data too
		things.supplements.add(new SearchSupplement(SearchType.ITEM, "HARBOUR",
				LocalizedText.of("pilot", "pilot", "pilot")));
		assertThat(start(dir, things)).isGreaterThan(rebuilt);
		assertThat(codesFound(dir, things, "pilot")).containsExactly("HARBOUR");
	}

	@Test
	void theIndexIsNotFullyReadyUntilTheStartUpCheckIsOver(@TempDir Path dir) throws Exception {
		Things things = new Things();
		things.documents.add(SearchRankingTests.doc("HARBOUR", "harbour permit", "a permit for the harbour", "CUSTOMS"));
		start(dir, things);
		try (LuceneSearchIndex index = open(dir, things)) {
			SearchIndexing indexing = new SearchIndexing(index, noCatalogue());
			SearchIndexHealth health = new SearchIndexHealth(index);
			assertThat(health.health().getStatus().getCode()).isEqualTo("OUT_OF_SERVICE");
			assertThat(health.health().getDetails()).containsEntry("index", "checking");
			indexing.startupCheck();
			assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
		}
	}

	/** One start: the index opened on the folder, the start-up check; the generation of the index's last commit. */
	private static long start(Path dir, Things things) throws Exception {
		try (LuceneSearchIndex index = open(dir, things)) {
			new SearchIndexing(index, noCatalogue()).startupCheck();
			assertThat(index.startupCheckPending()).isFalse();
		}
		try (FSDirectory directory = FSDirectory.open(dir)) {
			return SegmentInfos.getLastCommitGeneration(directory);
		}
	}

	private static List<String> codesFound(Path dir, Things things, String query) throws Exception {
		try (LuceneSearchIndex index = open(dir, things)) {
			return index.search(SearchRequest.of(query, Language.EN)).hits().stream().map(SearchHit::code).toList();
		}
	}

	private static LuceneSearchIndex open(Path dir, Things things) throws Exception {
		return new LuceneSearchIndex(FSDirectory.open(dir), SearchRankingTests.CONVERTER, SearchRankingTests.synonyms(""),
				() -> List.of(things));
	}

	private static CatalogDocuments noCatalogue() {
		return new CatalogDocuments(new StaticListableBeanFactory().getBeanProvider(Catalog.class));
	}

}
