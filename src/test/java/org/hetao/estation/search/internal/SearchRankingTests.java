package org.hetao.estation.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.hetao.estation.search.SearchContributor;
import org.hetao.estation.search.SearchDocument;
import org.hetao.estation.search.SearchFacets;
import org.hetao.estation.search.SearchHit;
import org.hetao.estation.search.SearchRequest;
import org.hetao.estation.search.SearchResults;
import org.hetao.estation.search.SearchType;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.LocalizedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a hit must match, what the total and the facets count, and when the index must be rebuilt. */
class SearchRankingTests {

	static final OpenCcConverter CONVERTER = OpenCcConverter.hk2s();

	static SearchDocument doc(String code, String title, String body, String domain) {
		return new SearchDocument(SearchType.ITEM, code, LocalizedText.of(title, title, title),
				LocalizedText.of(body, body, body), null, "/catalog/items/" + code, Map.of(SearchFacets.DOMAIN, List.of(domain)));
	}

	static Synonyms synonyms(String text) {
		return Synonyms.parse(text, s -> Synonyms.basicNormalize(CONVERTER.convert(s)));
	}

	@Test
	void whenEnoughDocumentsMatchEveryWordOnlyTheyAreHitsAndTheTotalAndFacetsCountThem() throws Exception {
		List<SearchDocument> docs = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			docs.add(doc("BOTH-" + i, "boat licence " + i, "a licence for a boat", "CUSTOMS"));
		}
		for (int i = 0; i < 30; i++) {
			// one of the two words, in the title: scores well, but does not match most of what was typed
			docs.add(doc("ONE-" + i, "licence licence", "a licence for a car", "TRAFFIC_POLICE"));
		}
		try (LuceneSearchIndex index = new LuceneSearchIndex(new ByteBuffersDirectory(), CONVERTER, synonyms(""), List::of)) {
			index.addAll(docs);
			SearchResults results = index.search(new SearchRequest("boat licence", Language.EN, Map.of(), 0, 20));
			assertThat(results.total()).isEqualTo(8);
			assertThat(results.hits()).extracting(SearchHit::code).allMatch(code -> code.startsWith("BOTH-")).hasSize(8);
			assertThat(results.facets().get(SearchFacets.DOMAIN)).containsExactly(new SearchResults.FacetCount("CUSTOMS", 8));
			// no document matches both: any word counts
			SearchResults broad = index.search(new SearchRequest("boat car", Language.EN, Map.of(), 0, 50));
			assertThat(broad.total()).isEqualTo(38);
		}
	}

	@Test
	void theStrictHitsAreRankedEvenWhenTheyAreNotAmongTheBestCandidates() throws Exception {
		List<SearchDocument> docs = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			// a rare word in a short title outscores the two words in a long body
			docs.add(doc("TITLE-" + i, "harbour", "nothing else here", "CUSTOMS"));
		}
		String filler = "word ".repeat(200);
		for (int i = 0; i < 6; i++) {
			docs.add(doc("BODY-" + i, "other " + i, filler + " harbour permit " + filler, "LEGAL"));
		}
		for (int i = 0; i < 400; i++) {
			docs.add(doc("NOISE-" + i, "unrelated " + i, "permit permit permit", "TAXATION"));
		}
		try (LuceneSearchIndex index = new LuceneSearchIndex(new ByteBuffersDirectory(), CONVERTER, synonyms(""), List::of)) {
			index.addAll(docs);
			SearchResults results = index.search(new SearchRequest("harbour permit", Language.EN, Map.of(), 0, 10));
			assertThat(results.total()).isEqualTo(6);
			assertThat(results.hits()).extracting(SearchHit::code).allMatch(code -> code.startsWith("BODY-")).hasSize(6);
		}
	}

	@Test
	void pastAThousandStrictMatchesTheTotalIsALowerBoundAndThePageHoldsTheBestOfThem() throws Exception {
		// looked up in the strict query as the ranking query meets them
		theBestStrictMatchesAmongMany(1100, 1000);
	}

	@Test
	void hundredsOfStrictMatchesAreCountedAndThePageHoldsTheBestOfThem() throws Exception {
		// too many to score one by one: looked up in their list as the ranking query meets them
		theBestStrictMatchesAmongMany(600, 605);
	}

	void theBestStrictMatchesAmongMany(int strict, int total) throws Exception {
		List<SearchDocument> docs = new ArrayList<>();
		for (int i = 0; i < strict; i++) {
			docs.add(doc("STRICT-" + i, "unrelated " + i, "a boat needs a licence", "CUSTOMS"));
		}
		for (int i = 0; i < 300; i++) {
			// one of the two words, twice in a short title: outscores the strict bodies, but is not a strict match
			docs.add(doc("ONE-" + i, "licence licence", "licence", "TRAFFIC_POLICE"));
		}
		for (int i = 0; i < 5; i++) {
			docs.add(doc("BEST-" + i, "boat licence", "a boat licence", "LEGAL"));
		}
		try (LuceneSearchIndex index = new LuceneSearchIndex(new ByteBuffersDirectory(), CONVERTER, synonyms(""), List::of)) {
			index.addAll(docs);
			SearchResults results = index.search(new SearchRequest("boat licence", Language.EN, Map.of(), 0, 10));
			assertThat(results.total()).isEqualTo(total);
			assertThat(results.hits()).extracting(SearchHit::code).hasSize(10)
				.noneMatch(code -> code.startsWith("ONE-"))
				.startsWith("BEST-0", "BEST-1", "BEST-2", "BEST-3", "BEST-4");
			// the first 1,000 strict matches found (all, when fewer), in the index's order
			long legal = total < 1000 ? 5 : 0;
			assertThat(results.facets().get(SearchFacets.DOMAIN)).extracting(SearchResults.FacetCount::count)
				.containsExactlyElementsOf(legal == 0 ? List.of(1000L) : List.of((long) strict, legal));
			// the second page goes on with strict matches
			assertThat(index.search(new SearchRequest("boat licence", Language.EN, Map.of(), 1, 10)).hits())
				.extracting(SearchHit::code).hasSize(10).allMatch(code -> code.startsWith("STRICT-"));
		}
	}

	@Test
	void aMisspeltWordFindsTheClosestWordsOfTheIndexAsItIsNow() throws Exception {
		try (LuceneSearchIndex index = new LuceneSearchIndex(new ByteBuffersDirectory(), CONVERTER, synonyms(""), List::of)) {
			index.addAll(List.of(doc("PERMIT", "harbour permit", "a permit for the harbour", "CUSTOMS")));
			assertThat(index.search(SearchRequest.of("harbuor", Language.EN)).hits()).extracting(SearchHit::code)
				.containsExactly("PERMIT");
			assertThat(index.search(SearchRequest.of("festivel", Language.EN)).hits()).isEmpty();
			// a word the index did not hold when it was last misspelt
			index.index(doc("FESTIVAL", "lantern festival", "lanterns in the park", "CULTURE"));
			assertThat(index.search(SearchRequest.of("festivel", Language.EN)).hits()).extracting(SearchHit::code)
				.containsExactly("FESTIVAL");
		}
	}

	@Test
	void theTermsOfAQueryAreLookedUpInTheIndexAsItIsNow() throws Exception {
		List<SearchDocument> all = List.of(doc("PERMIT", "harbour permit", "a permit for the harbour", "CUSTOMS"),
				doc("FESTIVAL", "lantern festival", "lanterns in the harbour park", "CULTURE"),
				doc("FAIR", "lantern fair", "a fair of lanterns and a permit to sell them", "CULTURE"));
		try (LuceneSearchIndex index = new LuceneSearchIndex(new ByteBuffersDirectory(), CONVERTER, synonyms(""), List::of);
				LuceneSearchIndex fresh = new LuceneSearchIndex(new ByteBuffersDirectory(), CONVERTER, synonyms(""), List::of)) {
			index.addAll(all.subList(0, 1));
			// looked up while the index does not hold them
			assertThat(index.search(SearchRequest.of("lantern permit", Language.EN)).hits()).extracting(SearchHit::code)
				.containsExactly("PERMIT");
			index.index(all.get(1));
			index.index(all.get(2));
			fresh.addAll(all);
			// found now, and scored with what the index holds now: as by an index that never held less
			for (String query : List.of("lantern permit", "lantern", "harbour")) {
				SearchResults now = index.search(SearchRequest.of(query, Language.EN));
				SearchResults expected = fresh.search(SearchRequest.of(query, Language.EN));
				assertThat(now.hits()).extracting(SearchHit::code, SearchHit::score)
					.as(query).containsExactlyElementsOf(expected.hits().stream()
						.map(h -> org.assertj.core.groups.Tuple.tuple(h.code(), h.score())).toList());
				assertThat(now.total()).as(query).isEqualTo(expected.total());
			}
			assertThat(index.search(SearchRequest.of("lantern", Language.EN)).hits()).extracting(SearchHit::code)
				.containsExactlyInAnyOrder("FESTIVAL", "FAIR");
			index.remove(SearchType.ITEM, "FESTIVAL");
			assertThat(index.search(SearchRequest.of("lantern", Language.EN)).hits()).extracting(SearchHit::code)
				.containsExactly("FAIR");
		}
	}

	@Test
	void aSearchDuringTheFirstBuildOfAMissingIndexWaitsForIt() throws Exception {
		SearchContributor contributor = () -> List.of(doc("PERMIT", "harbour permit", "a permit for the harbour", "CUSTOMS"));
		java.util.concurrent.ExecutorService searching = java.util.concurrent.Executors.newSingleThreadExecutor();
		try (LuceneSearchIndex index = new LuceneSearchIndex(new ByteBuffersDirectory(), CONVERTER, synonyms(""),
				() -> List.of(contributor))) {
			index.awaitFirstBuildIfEmpty();
			java.util.concurrent.Future<SearchResults> early = searching.submit(() -> index.search(SearchRequest.of("harbour", Language.EN)));
			Thread.sleep(300);
			assertThat(early).as("waits for the build").isNotDone();
			index.rebuild();
			index.firstBuildDone();
			assertThat(early.get(10, java.util.concurrent.TimeUnit.SECONDS).hits()).extracting(SearchHit::code)
				.containsExactly("PERMIT");
			// an index that is not empty is searched at once
			index.awaitFirstBuildIfEmpty();
			assertThat(index.search(SearchRequest.of("harbour", Language.EN)).total()).isEqualTo(1);
		}
		finally {
			searching.shutdownNow();
		}
	}

	@Test
	void anIndexBuiltWithOtherSynonymsReportsNoVersionSoItIsRebuilt(@TempDir Path dir) throws Exception {
		try (LuceneSearchIndex index = new LuceneSearchIndex(FSDirectory.open(dir), CONVERTER, synonyms("回鄉證, 回乡证明"), List::of)) {
			index.addAll(List.of(doc("A", "港澳居民來往內地通行證", "換發", "PUBLIC_SECURITY")));
			index.setIndexedCatalogVersion("v1");
			assertThat(index.indexedCatalogVersion()).isEqualTo("v1");
		}
		try (LuceneSearchIndex index = new LuceneSearchIndex(FSDirectory.open(dir), CONVERTER, synonyms("回鄉證, 回乡证明"), List::of)) {
			assertThat(index.indexedCatalogVersion()).isEqualTo("v1");
		}
		try (LuceneSearchIndex index = new LuceneSearchIndex(FSDirectory.open(dir), CONVERTER,
				synonyms("回鄉證, 港澳居民來往內地通行證"), List::of)) {
			assertThat(index.indexedCatalogVersion()).isNull();
		}
	}

	@Test
	void aDocumentHoldingOneAlternativeIsFoundByTheOthersAndTheMatchIsMarked() throws Exception {
		try (LuceneSearchIndex index = new LuceneSearchIndex(new ByteBuffersDirectory(), CONVERTER,
				synonyms("回鄉證, 港澳居民來往內地通行證, home return permit"), List::of)) {
			index.addAll(List.of(new SearchDocument(SearchType.ITEM, "PERMIT",
					LocalizedText.of("港澳居民來往內地通行證換發", "港澳居民来往内地通行证换发", "Permit renewal"),
					LocalizedText.of("香港居民申請換發港澳居民來往內地通行證。", "香港居民申请换发港澳居民来往内地通行证。",
							"Hong Kong residents apply to renew the permit."),
					null, "/catalog/items/PERMIT", Map.of()),
					doc("OTHER", "護照", "申請護照", "PUBLIC_SECURITY")));
			for (String query : List.of("回鄉證", "回乡证", "home return permit")) {
				SearchResults results = index.search(SearchRequest.of(query, Language.ZH_HANT));
				assertThat(results.hits()).as(query).extracting(SearchHit::code).containsExactly("PERMIT");
			}
			// the Traditional text is marked where the query's synonym stands
			assertThat(index.search(SearchRequest.of("回鄉證", Language.ZH_HANT)).hits().get(0).snippetHtml())
				.contains("<mark>港澳居民來往內地通行證</mark>")
				// not a character of the synonym wherever it stands alone
				.doesNotContain("香<mark>港</mark>");
		}
	}

}
