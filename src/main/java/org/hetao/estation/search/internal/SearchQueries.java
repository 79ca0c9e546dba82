package org.hetao.estation.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what a user typed into a Lucene query, never through a query parser: the text is only ever
 * analysed into terms, so Lucene syntax in user input means nothing. Steps: Unicode-normalise,
 * fold to Simplified, lower-case; then search the text and each synonym variant (weighted lower),
 * every term in titles (weighted higher) and bodies, as Chinese words, Chinese bigrams and English
 * stems; an English term of four letters or more that the index does not contain is matched fuzzily
 * (one edit, two from eight letters).
 */
public final class SearchQueries {

	static final float TITLE_BOOST = 3f;

	static final float BIGRAM_WEIGHT = 0.6f;

	static final float SYNONYM_WEIGHT = 0.7f;

	static final float FUZZY_WEIGHT = 0.5f;

	static final int MAX_VARIANTS = 12;

	private final SearchAnalyzers analyzers;

	private final Synonyms synonyms;

	/** @param analyzers the non-folding analyzers (the text is folded here once) */
	public SearchQueries(SearchAnalyzers analyzers, Synonyms synonyms) {
		this.analyzers = analyzers;
		this.synonyms = synonyms;
	}

	/** The query text as it is matched: NFKC, no control characters, folded to Simplified, lower-case. */
	public String normalize(String raw) {
		String text = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFKC);
		text = text.replaceAll("[\\p{Cc}\\p{Cf}]", " ");
		text = analyzers.converter().convert(text);
		return Synonyms.basicNormalize(text.toLowerCase(Locale.ROOT));
	}

	/**
	 * The query text and its synonym variants, each analysed once (words, bigrams, English terms);
	 * the strict and broad queries and the highlighted terms are all built from it.
	 */
	public Analysed analyse(String normalized) {
		List<Analysed.Text> texts = new ArrayList<>();
		texts.add(analyseText(normalized));
		for (String variant : synonyms.variants(normalized, MAX_VARIANTS)) {
			texts.add(analyseText(variant));
		}
		return new Analysed(normalized, texts);
	}

	private Analysed.Text analyseText(String text) {
		List<List<String>> groups = new ArrayList<>();
		for (String part : text.split(" ")) {
			if (part.isEmpty()) {
				continue;
			}
			List<String> terms = new ArrayList<>();
			for (String term : analyzers.english(part)) {
				if (isLatin(term) && !terms.contains(term)) {
					terms.add(term);
				}
			}
			List<String> bigrams = new ArrayList<>();
			for (String bigram : analyzers.bigrams(part)) {
				if (!isLatin(bigram) && !bigrams.contains(bigram)) {
					bigrams.add(bigram);
				}
			}
			if (!terms.isEmpty() || !bigrams.isEmpty()) {
				List<String> group = new ArrayList<>(terms);
				group.addAll(bigrams);
				groups.add(group);
			}
		}
		List<String> words = new ArrayList<>(new LinkedHashSet<>(analyzers.words(text)));
		List<String> bigrams = new ArrayList<>(new LinkedHashSet<>(analyzers.bigrams(text)));
		List<String> english = new ArrayList<>(new LinkedHashSet<>(analyzers.english(text)));
		return new Analysed.Text(words, bigrams, english, groups);
	}

	/** The terms to highlight: Chinese words and bigrams (folded) and English stems. */
	public Set<String> highlightTerms(String normalized) {
		return analyse(normalized).highlightTerms();
	}

	/** The broad query (any word, bigram, synonym or near-miss English word matches). */
	public Query build(String normalized, IndexReader reader) {
		return buildBroad(analyse(normalized), reader);
	}

	/**
	 * The broad query: the text and each synonym variant (weighted lower), any word, bigram or English
	 * term, an unknown English word matched fuzzily. It matches much of the index: the fallback when
	 * the strict query finds little.
	 */
	public Query buildBroad(Analysed analysed, IndexReader reader) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		Query main = textQuery(analysed.texts().get(0), reader);
		if (main == null) {
			return new MatchNoDocsQuery("nothing searchable in the query");
		}
		query.add(main, Occur.SHOULD);
		for (Analysed.Text variant : analysed.texts().subList(1, analysed.texts().size())) {
			Query q = textQuery(variant, reader);
			if (q != null) {
				query.add(new BoostQuery(q, SYNONYM_WEIGHT), Occur.SHOULD);
			}
		}
		return query.build();
	}

	/**
	 * The strict query, scored exactly like the broad one on the documents it matches, but a document
	 * must match most of what was typed: of the space-separated parts, all of one or two, all but one
	 * of three or four, three quarters of more; a Chinese part matches when most of its bigrams do.
	 * Terms the index does not hold are left out (the broad query's fuzzy matching covers them). Null
	 * when nothing of the query is in the index.
	 */
	public Query buildStrict(Analysed analysed, IndexReader reader) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		int clauses = 0;
		for (int i = 0; i < analysed.texts().size(); i++) {
			Query q = strictTextQuery(analysed.texts().get(i), reader);
			if (q != null) {
				query.add(i == 0 ? q : new BoostQuery(q, SYNONYM_WEIGHT), Occur.SHOULD);
				clauses++;
			}
		}
		return clauses == 0 ? null : query.build();
	}

	private Query strictTextQuery(Analysed.Text text, IndexReader reader) {
		Set<String> known = new LinkedHashSet<>();
		List<Query> groups = new ArrayList<>();
		for (List<String> group : text.groups()) {
			List<Query> bigrams = new ArrayList<>();
			List<Query> english = new ArrayList<>();
			for (String term : group) {
				if (isLatin(term)) {
					if (exists(reader, LuceneFields.TITLE_ENGLISH, LuceneFields.BODY_ENGLISH, term)) {
						english.add(fields(LuceneFields.TITLE_ENGLISH, LuceneFields.BODY_ENGLISH, term, 1f));
						known.add(term);
					}
				}
				else if (exists(reader, LuceneFields.TITLE_BIGRAMS, LuceneFields.BODY_BIGRAMS, term)) {
					bigrams.add(fields(LuceneFields.TITLE_BIGRAMS, LuceneFields.BODY_BIGRAMS, term, BIGRAM_WEIGHT));
					known.add(term);
				}
			}
			// every English term of the part is its own requirement; the bigrams of a Chinese part one
			groups.addAll(english);
			if (!bigrams.isEmpty()) {
				groups.add(bigrams.size() == 1 ? bigrams.get(0) : atLeast(bigrams, mostOf(bigrams.size())));
			}
		}
		if (groups.isEmpty()) {
			return null;
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		query.add(groups.size() == 1 ? groups.get(0) : atLeast(groups, required(groups.size())), Occur.MUST);
		// words add to the score as in the broad query, without being required
		for (String word : text.words()) {
			if (!isLatin(word)) {
				query.add(fields(LuceneFields.TITLE_WORDS, LuceneFields.BODY_WORDS, word, 1f), Occur.SHOULD);
			}
		}
		return query.build();
	}

	/** Of n space-separated parts: all of one or two, all but one of three or four, three quarters of more. */
	static int required(int n) {
		return n <= 2 ? n : n <= 4 ? n - 1 : (int) Math.ceil(n * 0.75);
	}

	/** Of the n bigrams of one Chinese part: all of up to two, then three fifths. */
	static int mostOf(int n) {
		return n <= 2 ? n : (int) Math.ceil(n * 0.6);
	}

	private static Query atLeast(List<Query> clauses, int minimum) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		clauses.forEach(c -> query.add(c, Occur.SHOULD));
		query.setMinimumNumberShouldMatch(minimum);
		return query.build();
	}

	/** For suggestions: the query, plus the last word typed so far as a prefix of title terms. */
	public Query buildPrefix(String normalized, IndexReader reader) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		query.add(build(normalized, reader), Occur.SHOULD);
		String[] parts = normalized.split(" ");
		String last = parts[parts.length - 1];
		if (!last.isEmpty()) {
			int lastCodePoint = last.codePointBefore(last.length());
			if (Character.UnicodeScript.of(lastCodePoint) == Character.UnicodeScript.HAN) {
				query.add(new BoostQuery(new PrefixQuery(new Term(LuceneFields.TITLE_BIGRAMS,
						new String(Character.toChars(lastCodePoint)))), 0.5f), Occur.SHOULD);
			}
			else if (last.length() >= 2 && last.chars().allMatch(Character::isLetterOrDigit)) {
				query.add(new PrefixQuery(new Term(LuceneFields.TITLE_ENGLISH, last)), Occur.SHOULD);
			}
		}
		return query.build();
	}

	/** When nothing matched: any document sharing a Chinese character or a loosely similar English word. */
	public Query buildLoose(String normalized) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		int clauses = 0;
		for (int i = 0; i < normalized.length() && clauses < 30;) {
			int cp = normalized.codePointAt(i);
			if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
				query.add(new PrefixQuery(new Term(LuceneFields.TITLE_BIGRAMS, new String(Character.toChars(cp)))),
						Occur.SHOULD);
				clauses++;
			}
			i += Character.charCount(cp);
		}
		for (String term : analyzers.english(normalized)) {
			if (term.length() >= 3 && clauses < 40) {
				query.add(new FuzzyQuery(new Term(LuceneFields.TITLE_ENGLISH, term), 2, 0), Occur.SHOULD);
				clauses++;
			}
		}
		return clauses == 0 ? new MatchNoDocsQuery() : query.build();
	}

	private Query textQuery(Analysed.Text text, IndexReader reader) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		int clauses = 0;
		for (String word : text.words()) {
			if (isLatin(word)) {
				continue;
			}
			query.add(fields(LuceneFields.TITLE_WORDS, LuceneFields.BODY_WORDS, word, 1f), Occur.SHOULD);
			clauses++;
		}
		for (String bigram : text.bigrams()) {
			if (isLatin(bigram)) {
				continue;
			}
			query.add(fields(LuceneFields.TITLE_BIGRAMS, LuceneFields.BODY_BIGRAMS, bigram, BIGRAM_WEIGHT), Occur.SHOULD);
			clauses++;
		}
		for (String term : text.english()) {
			if (!isLatin(term)) {
				continue;
			}
			if (term.length() >= 4 && !exists(reader, LuceneFields.TITLE_ENGLISH, LuceneFields.BODY_ENGLISH, term)) {
				int edits = term.length() >= 8 ? 2 : 1;
				Query title = new BoostQuery(new FuzzyQuery(new Term(LuceneFields.TITLE_ENGLISH, term), edits, 1, 20, true),
						TITLE_BOOST);
				Query body = new FuzzyQuery(new Term(LuceneFields.BODY_ENGLISH, term), edits, 1, 20, true);
				query.add(new BoostQuery(new DisjunctionMaxQuery(List.of(title, body), 0.1f), FUZZY_WEIGHT), Occur.SHOULD);
			}
			else {
				query.add(fields(LuceneFields.TITLE_ENGLISH, LuceneFields.BODY_ENGLISH, term, 1f), Occur.SHOULD);
			}
			clauses++;
		}
		return clauses == 0 ? null : query.build();
	}

	private static Query fields(String titleField, String bodyField, String term, float weight) {
		Query title = new BoostQuery(new TermQuery(new Term(titleField, term)), TITLE_BOOST);
		Query body = new TermQuery(new Term(bodyField, term));
		Query both = new DisjunctionMaxQuery(List.of(title, body), 0.1f);
		return weight == 1f ? both : new BoostQuery(both, weight);
	}

	private static boolean exists(IndexReader reader, String titleField, String bodyField, String term) {
		try {
			return reader.docFreq(new Term(bodyField, term)) > 0 || reader.docFreq(new Term(titleField, term)) > 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isLatin(String term) {
		return term.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
	}

	/** What {@link #analyse} found: the query text first, then its synonym variants. */
	public record Analysed(String normalized, List<Text> texts) {

		/** The terms to highlight: Chinese words and bigrams (folded) and English stems. */
		public Set<String> highlightTerms() {
			Set<String> terms = new LinkedHashSet<>();
			for (Text text : texts) {
				terms.addAll(text.words());
				terms.addAll(text.bigrams());
				terms.addAll(text.english());
			}
			return terms;
		}

		/**
		 * @param groups per space-separated part: its English terms and Chinese bigrams
		 */
		public record Text(List<String> words, List<String> bigrams, List<String> english, List<List<String>> groups) {
		}

	}

}
