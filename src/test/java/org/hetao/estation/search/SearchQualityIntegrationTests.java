package org.hetao.estation.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Search quality on the real catalogue, measured on a labelled set of realistic queries
 * ({@code search/queries.tsv}): recall@5 (share of queries with a labelled item in the first five
 * hits) and MRR (mean reciprocal rank of the first labelled item within the first ten). The thresholds
 * sit just under what the engine achieves, so a change that makes search worse fails here.
 */
@SpringBootTest(properties = { "estation.catalog.location=classpath:catalog/",
		// its own database: the other tests share one that holds the small fixture catalogue
		"spring.datasource.url=jdbc:h2:mem:estation-search-quality;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=",
		"estation.search.index-dir=target/search-quality-index" })
class SearchQualityIntegrationTests {

	static final double MIN_RECALL_AT_5 = 0.95;

	static final double MIN_MRR = 0.87;

	@Autowired
	Search search;

	@Autowired
	SearchIndexer indexer;

	@Autowired
	Catalog catalog;

	record Labelled(String query, Set<String> expected, String kind) {
	}

	@Test
	void recallAtFiveAndMeanReciprocalRankStayAboveTheThresholds() throws IOException {
		indexer.rebuild();
		List<Labelled> queries = queries();
		assertThat(queries).hasSizeGreaterThanOrEqualTo(150);
		// every label names a real item: a typo in the labels must not pass as a search failure
		assertThat(queries).allSatisfy(q -> q.expected().forEach(code -> assertThat(catalog.item(code)).as(code).isPresent()));
		int found = 0;
		double reciprocal = 0;
		List<String> misses = new ArrayList<>();
		for (Labelled q : queries) {
			List<SearchHit> hits = search.search(new SearchRequest(q.query(), Language.ZH_HANT,
					java.util.Map.of(SearchFacets.TYPE, "ITEM"), 0, 10)).hits();
			int rank = LabelledQueries.rank(hits, q.expected());
			if (rank >= 1 && rank <= 5) {
				found++;
			}
			if (rank >= 1) {
				reciprocal += 1.0 / rank;
			}
			if (rank != 1) {
				misses.add(String.format("  [%s] %s -> rank %s (want %s; got %s)", q.kind(), q.query(),
						rank == 0 ? ">10" : rank, q.expected(),
						hits.stream().limit(3).map(SearchHit::code).collect(Collectors.joining(","))));
			}
		}
		double recall = (double) found / queries.size();
		double mrr = reciprocal / queries.size();
		System.out.printf("Search quality on %d labelled queries: recall@5 = %.3f, MRR = %.3f%n", queries.size(), recall,
				mrr);
		System.out.println("Queries whose first hit is not labelled:");
		misses.forEach(System.out::println);
		assertThat(recall).as("recall@5").isGreaterThanOrEqualTo(MIN_RECALL_AT_5);
		assertThat(mrr).as("MRR").isGreaterThanOrEqualTo(MIN_MRR);
	}

	static List<Labelled> queries() throws IOException {
		return LabelledQueries.read("/search/queries.tsv")
			.stream()
			.map(r -> new Labelled(r.query(), r.expected(), r.third()))
			.toList();
	}

}
