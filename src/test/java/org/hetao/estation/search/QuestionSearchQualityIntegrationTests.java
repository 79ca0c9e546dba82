package org.hetao.estation.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Search quality on whole questions ({@code search/questions.tsv}: "點樣…", "怎么…", "how do i…"), searched
 * as the search page does by default: across every type (items, matters, policies, organisations), in the
 * question's own language. A question counts as answered when a labelled item is among the first five hits
 * (recall@5); MRR is the mean reciprocal rank of the first labelled item within the first ten. The
 * organisations and policies a question's place names or topic words find are in the competition, which is
 * the point: they must not crowd out the item the person is after.
 * <p>
 * Before questions were read (question words, goal words, type weighting), the 132 questions measured
 * recall@5 0.833 and MRR 0.705 (zh-Hant 0.727 / 0.584, zh-Hans 0.909 / 0.784, en 0.864 / 0.746); with
 * them, 0.970 and 0.833.
 */
@SpringBootTest(properties = { "estation.catalog.location=classpath:catalog/",
		// its own database: the other tests share one that holds the small fixture catalogue
		"spring.datasource.url=jdbc:h2:mem:estation-search-questions;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=",
		"estation.search.index-dir=target/search-questions-index" })
class QuestionSearchQualityIntegrationTests {

	/**
	 * Just under what the engine achieves (0.970 and 0.833), as in the keyword suite, so that a change that makes
	 * questions worse fails here; the issue's own bar was 0.8 and 0.6. The lists were extended after seeing misses on
	 * this set: a fresh set of questions nobody has looked at would measure less kindly.
	 */
	static final double MIN_RECALL_AT_5 = 0.94;

	static final double MIN_MRR = 0.79;

	@Autowired
	Search search;

	@Autowired
	SearchIndexer indexer;

	@Autowired
	Catalog catalog;

	record Question(String text, Set<String> expected, Language language) {
	}

	/** What a set of questions measured: recall@5, MRR, the same per language, and the questions not answered first. */
	record Measured(double recall, double mrr, Map<Language, double[]> byLanguage, List<String> misses) {
	}

	/** Searches each question as the search page does (all types, its own language) and ranks the labelled item. */
	Measured measure(List<Question> questions) {
		Map<Language, double[]> byLanguage = new LinkedHashMap<>();
		int found = 0;
		double reciprocal = 0;
		List<String> misses = new ArrayList<>();
		for (Question q : questions) {
			List<SearchHit> hits = search.search(new SearchRequest(q.text(), q.language(), Map.of(), 0, 10)).hits();
			int rank = LabelledQueries.rank(hits, q.expected());
			double[] tally = byLanguage.computeIfAbsent(q.language(), l -> new double[3]);
			tally[0]++;
			if (rank >= 1 && rank <= 5) {
				found++;
				tally[1]++;
			}
			if (rank >= 1) {
				reciprocal += 1.0 / rank;
				tally[2] += 1.0 / rank;
			}
			if (rank != 1) {
				misses.add(String.format("  [%s] %s -> rank %s (want %s; got %s)", q.language().tag(), q.text(),
						rank == 0 ? ">10" : rank, q.expected(), hits.stream().limit(5)
							.map(h -> h.type() == SearchType.ITEM ? h.code() : h.type() + ":" + h.code())
							.collect(Collectors.joining(", "))));
			}
		}
		return new Measured((double) found / questions.size(), reciprocal / questions.size(), byLanguage, misses);
	}

	/** Every label names a real item: a typo in the labels must not pass as a search failure. */
	void labelsNameRealItems(List<Question> questions) {
		assertThat(questions)
			.allSatisfy(q -> q.expected().forEach(code -> assertThat(catalog.item(code)).as(code).isPresent()));
	}

	@Test
	void questionsFindTheirItemAmongAllTypes() throws IOException {
		indexer.rebuild();
		List<Question> questions = questions();
		assertThat(questions).hasSizeGreaterThanOrEqualTo(100);
		labelsNameRealItems(questions);
		Measured m = measure(questions);
		System.out.printf("Search quality on %d labelled questions (all types): recall@5 = %.3f, MRR = %.3f%n",
				questions.size(), m.recall(), m.mrr());
		m.byLanguage().forEach((language, tally) -> System.out.printf("  %-7s %3d questions: recall@5 = %.3f, MRR = %.3f%n",
				language.tag(), (int) tally[0], tally[1] / tally[0], tally[2] / tally[0]));
		System.out.println("Questions whose first hit is not a labelled item:");
		m.misses().forEach(System.out::println);
		assertThat(m.recall()).as("recall@5").isGreaterThanOrEqualTo(MIN_RECALL_AT_5);
		assertThat(m.mrr()).as("MRR").isGreaterThanOrEqualTo(MIN_MRR);
	}

	/**
	 * Questions written after the tuning, about items the tuned set does not label, never used to tune: how the
	 * engine does on questions nobody fitted it to. Held to the issue's own bar.
	 */
	@Test
	void heldOutQuestionsMeetTheBar() throws IOException {
		indexer.rebuild();
		List<Question> questions = questions("/search/questions-heldout.tsv");
		assertThat(questions).hasSizeGreaterThanOrEqualTo(45);
		labelsNameRealItems(questions);
		Set<String> tuned = questions().stream().flatMap(q -> q.expected().stream()).collect(Collectors.toSet());
		assertThat(questions).as("about items the tuned set does not label")
			.allSatisfy(q -> assertThat(q.expected()).doesNotContainAnyElementsOf(tuned));
		Measured m = measure(questions);
		System.out.printf("Held-out questions (%d): recall@5 = %.3f, MRR = %.3f%n", questions.size(), m.recall(), m.mrr());
		m.misses().forEach(System.out::println);
		assertThat(m.recall()).as("recall@5").isGreaterThanOrEqualTo(0.8);
		assertThat(m.mrr()).as("MRR").isGreaterThanOrEqualTo(0.6);
	}

	static List<Question> questions() throws IOException {
		return questions("/search/questions.tsv");
	}

	static List<Question> questions(String file) throws IOException {
		return LabelledQueries.read(file)
			.stream()
			.map(r -> new Question(r.query(), r.expected(), language(r.third())))
			.toList();
	}

	private static Language language(String kind) {
		return switch (kind) {
			case "hant" -> Language.ZH_HANT;
			case "hans" -> Language.ZH_HANS;
			case "en" -> Language.EN;
			default -> throw new IllegalArgumentException("Unknown language of a question: " + kind);
		};
	}

}
