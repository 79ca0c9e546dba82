package org.hetao.estation.search.internal;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.hetao.estation.search.SearchType;

/**
 * Turns what a user typed into a Lucene query, never through a query parser: the text is only ever
 * analysed into terms, so Lucene syntax in user input means nothing. Steps: Unicode-normalise,
 * fold to Simplified, lower-case; then search every term (synonyms were expanded at index time) in
 * titles (weighted higher) and bodies, as Chinese words, Chinese bigrams and English
 * stems; an English term of four letters or more that the index does not contain stands for the
 * closest terms it does (one edit away, else two from eight letters). A whole question is read first
 * ({@link QuestionWords}): the phrases that frame it are left out, its place names weigh little, and
 * when it asks what to do, service items are weighted over the other types ({@link #weighByType}).
 */
public final class SearchQueries {

	static final float TITLE_BOOST = 3f;

	static final float BIGRAM_WEIGHT = 0.6f;

	static final float FUZZY_WEIGHT = 0.5f;

	static final float SYNONYM_WEIGHT = 0.7f;

	/**
	 * A misspelt word stands for this many of the closest words the index holds (the fewest edits first,
	 * then the commonest): enough for the word meant, while each more is one more list of documents to
	 * go through (at 20, a query of two misspelt words took 10 ms on 100,000 documents).
	 */
	static final int FUZZY_EXPANSIONS = 3;

	/**
	 * A title's synonym scores this much of the title's weight: low, because an alternative is
	 * indexed whole, so a long one ("海關申報" for "報關") would otherwise outweigh the typed word in
	 * another title (measured on the labelled queries: 0.3 keeps recall@5 at 0.968).
	 */
	static final float TITLE_SYNONYM_WEIGHT = 0.3f;

	static final int MAX_VARIANTS = 12;

	/**
	 * In a question, a place name's terms score this much of their weight and do not count towards what a
	 * document must match: nearly every document of the zone names Hong Kong or Shenzhen, so they alone
	 * must not decide the hits, yet they still tell some items apart (a Hong Kong driving licence, not a
	 * foreign one). On the labelled questions ({@code search/questions.tsv}) 0.2, 0.5 and 1 gave recall@5
	 * 0.970 each and MRR 0.836, 0.833 and 0.845: half weight costs a little there, and keeps a place name
	 * from lifting an organisation named after it when the question is not weighted by type.
	 */
	static final float PLACE_WEIGHT = 0.5f;

	/**
	 * When a question asks what to do or where to apply, each type's score is multiplied by its weight:
	 * the person is after a service item. The others stay in the results, lower: a matter bundles the
	 * names of many items (so it matches many questions a little), a policy describes support rather
	 * than how to apply, an organisation is a place to go to rather than a thing to do. On the labelled
	 * questions: recall@5 0.955 and MRR 0.779 unweighted, 0.970 and 0.833 weighted (MRR 0.816 with matters
	 * left at 1).
	 */
	static final Map<SearchType, Float> WHAT_TO_DO_WEIGHTS = typeWeights(0.7f, 0.5f, 0.4f);

	private final SearchAnalyzers analyzers;

	private final Synonyms synonyms;

	private final QuestionWords questionWords;

	/** The terms of the place names (Chinese words and bigrams, English stems), weighed little in a question. */
	private final Set<String> placeTerms = new HashSet<>();

	/** @param analyzers the non-folding analyzers (the text is folded here once) */
	public SearchQueries(SearchAnalyzers analyzers, Synonyms synonyms) {
		this(analyzers, synonyms, QuestionWords.none());
	}

	/**
	 * @param analyzers the non-folding analyzers (the text is folded here once)
	 * @param questionWords how a whole question is read
	 */
	public SearchQueries(SearchAnalyzers analyzers, Synonyms synonyms, QuestionWords questionWords) {
		this.analyzers = analyzers;
		this.synonyms = synonyms;
		this.questionWords = questionWords;
		for (String place : questionWords.places()) {
			analyzers.words(place).stream().filter(t -> !isLatin(t)).forEach(placeTerms::add);
			analyzers.bigrams(place).stream().filter(t -> !isLatin(t)).forEach(placeTerms::add);
			analyzers.english(place).stream().filter(SearchQueries::isLatin).forEach(placeTerms::add);
		}
	}

	private static Map<SearchType, Float> typeWeights(float matter, float policy, float organisation) {
		Map<SearchType, Float> weights = new EnumMap<>(SearchType.class);
		weights.put(SearchType.MATTER, matter);
		weights.put(SearchType.POLICY, policy);
		weights.put(SearchType.ORGANISATION, organisation);
		return weights;
	}

	/** The query text as it is matched: NFKC, no control characters, folded to Simplified, lower-case. */
	public String normalize(String raw) {
		String text = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFKC);
		text = text.replaceAll("[\\p{Cc}\\p{Cf}]", " ");
		text = analyzers.converter().convert(text);
		return Synonyms.basicNormalize(text.toLowerCase(Locale.ROOT));
	}

	/**
	 * The query text analysed once (words, bigrams, English terms); the strict and broad queries are
	 * built from it. A question is first read ({@link QuestionWords#read}): what is analysed is the query
	 * without the phrases that frame it. Synonyms were expanded when the documents were indexed, so the
	 * query is searched as typed; its synonym variants only add the words to highlight.
	 */
	public Analysed analyse(String normalized) {
		QuestionWords.Reading reading = questionWords.read(normalized, synonyms.known(normalized));
		String searched = reading.text();
		Set<String> light = reading.question() ? placeTerms : Set.of();
		Analysed.Text text = analyseText(searched);
		// Chinese from the bigrams, Latin from the English analysis (which cuts Chinese into single
		// characters: marked everywhere, they would light up half a snippet)
		Set<String> highlight = new LinkedHashSet<>();
		highlight.addAll(text.bigrams());
		text.english().stream().filter(SearchQueries::isLatin).forEach(highlight::add);
		List<String> variants = synonyms.variants(searched, MAX_VARIANTS);
		for (String variant : variants) {
			highlight.addAll(analyzers.bigrams(variant));
			analyzers.english(variant).stream().filter(SearchQueries::isLatin).forEach(highlight::add);
		}
		return new Analysed(normalized, text, variants, highlight, light, reading.question(), reading.whatToDo());
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
		List<SearchAnalyzers.Token> wordTokens = analyzers.tokens(SearchAnalyzers.WORDS, text);
		List<SearchAnalyzers.Token> bigramTokens = analyzers.tokens(SearchAnalyzers.BIGRAMS, text);
		Set<String> words = new LinkedHashSet<>();
		wordTokens.forEach(t -> words.add(t.term()));
		Set<String> bigrams = new LinkedHashSet<>();
		Set<String> scored = new LinkedHashSet<>();
		for (SearchAnalyzers.Token bigram : bigramTokens) {
			bigrams.add(bigram.term());
			if (!acrossWords(bigram, wordTokens)) {
				scored.add(bigram.term());
			}
		}
		List<String> english = new ArrayList<>(new LinkedHashSet<>(analyzers.english(text)));
		return new Analysed.Text(new ArrayList<>(words), new ArrayList<>(bigrams), new ArrayList<>(scored), english, groups);
	}

	/**
	 * Whether a bigram straddles two words of two characters or more ("民来" of 居民来往): such a bigram
	 * is a word of neither, and scoring it would add a clause per gap between words for little (the
	 * document that holds the whole phrase already scores for both words). It still counts towards what
	 * a document must match.
	 */
	private static boolean acrossWords(SearchAnalyzers.Token bigram, List<SearchAnalyzers.Token> words) {
		if (bigram.end() - bigram.start() != 2) {
			return false;
		}
		SearchAnalyzers.Token first = wordAt(words, bigram.start());
		SearchAnalyzers.Token second = wordAt(words, bigram.start() + 1);
		return first != null && second != null && first != second && first.end() - first.start() >= 2
				&& second.end() - second.start() >= 2;
	}

	private static SearchAnalyzers.Token wordAt(List<SearchAnalyzers.Token> words, int offset) {
		for (SearchAnalyzers.Token word : words) {
			if (word.start() <= offset && offset < word.end()) {
				return word;
			}
		}
		return null;
	}

	/** The terms to highlight: Chinese bigrams (folded) and English stems, of the text and its synonyms. */
	public Set<String> highlightTerms(String normalized) {
		return analyse(normalized).highlightTerms();
	}

	/**
	 * The ranking query: any word, bigram or English term, each in the title (weighted higher) and the
	 * body; an unknown English word matched fuzzily. Flat optional clauses, so that Lucene ranks the top
	 * documents without scoring every match (block-max MaxScore). Alone it is the broad fallback.
	 */
	public Query buildRanking(Analysed analysed, IndexReader reader) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		return addScoring(query, analysed.text(), analysed.light(), reader, true) == 0
				? new MatchNoDocsQuery("nothing searchable in the query") : query.build();
	}

	/**
	 * The ranking query with each synonym variant of the query text added (weighted lower): for when
	 * little is found, since a document is indexed with the synonyms it holds whole, not with those it
	 * holds only part of ("稅號" finds a text on "納稅人" through "納稅人識別號"). Null without variants.
	 *
	 * @param ranking the query's own {@link #buildRanking ranking query}, already built
	 */
	public Query buildWithVariants(Analysed analysed, Query ranking, IndexReader reader) {
		if (analysed.variants().isEmpty()) {
			return null;
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		query.add(ranking, Occur.SHOULD);
		for (String variant : analysed.variants()) {
			BooleanQuery.Builder clauses = new BooleanQuery.Builder();
			if (addScoring(clauses, analyseText(variant), analysed.light(), reader, true) > 0) {
				query.add(new BoostQuery(clauses.build(), SYNONYM_WEIGHT), Occur.SHOULD);
			}
		}
		return query.build();
	}

	/**
	 * What a document must match to be a strict hit: most of what was typed. Of the space-separated
	 * parts, all of one or two, all but one of three or four, three quarters of more; a Chinese part
	 * matches when most of its bigrams do. Looked up in the body fields, which hold the title too.
	 * Terms the index does not hold are left out (the ranking query's fuzzy matching covers them).
	 * Null when nothing of the query is in the index.
	 */
	public Query buildRequirement(Analysed analysed, IndexReader reader) {
		List<Query> groups = new ArrayList<>();
		for (List<String> group : analysed.text().groups()) {
			List<Query> bigrams = new ArrayList<>();
			for (String term : group) {
				if (analysed.light().contains(term)) {
					// a question's place names do not decide what matches
					continue;
				}
				if (isLatin(term)) {
					// every English term of the part is its own requirement
					if (exists(reader, LuceneFields.TITLE_ENGLISH, LuceneFields.BODY_ENGLISH, term)) {
						groups.add(termQuery(reader, LuceneFields.BODY_ENGLISH, term));
					}
				}
				else if (exists(reader, LuceneFields.TITLE_BIGRAMS, LuceneFields.BODY_BIGRAMS, term)) {
					bigrams.add(termQuery(reader, LuceneFields.BODY_BIGRAMS, term));
				}
			}
			// the bigrams of a Chinese part are one requirement
			if (!bigrams.isEmpty()) {
				groups.add(bigrams.size() == 1 ? bigrams.get(0) : atLeast(bigrams, mostOf(bigrams.size())));
			}
		}
		if (groups.isEmpty()) {
			return null;
		}
		return groups.size() == 1 ? groups.get(0) : atLeast(groups, required(groups.size()));
	}

	/**
	 * Adds the scoring clauses: every Chinese word and bigram and every English term, in the title
	 * (weighted higher) and in the body, each its own optional clause. Kept flat so that Lucene can
	 * skip the documents that cannot make the top (block-max MaxScore): a title-or-body disjunction
	 * per term would hide from it that most documents match only the lower-weighted body. An English
	 * word of four letters or more that the index does not hold stands for the closest words it holds
	 * ({@link #corrections}, weighted lower) when {@code fuzzy}, left out otherwise.
	 *
	 * @return how many terms were added
	 */
	private int addScoring(BooleanQuery.Builder query, Analysed.Text text, Set<String> light, IndexReader reader,
			boolean fuzzy) {
		int terms = 0;
		for (String word : text.words()) {
			// a two-character word is one of the bigrams below, and a one-character word is usually a
			// longer word the segmenter split (or a unigram the bigrams hold): only longer words add to them
			if (!isLatin(word) && (word.length() > 2 || text.bigrams().isEmpty())) {
				addFields(query, reader, LuceneFields.TITLE_WORDS, null, LuceneFields.BODY_WORDS, word,
						light.contains(word) ? PLACE_WEIGHT : 1f);
				terms++;
			}
		}
		for (String bigram : text.scoredBigrams()) {
			if (!isLatin(bigram)) {
				addFields(query, reader, LuceneFields.TITLE_BIGRAMS, LuceneFields.TITLE_SYNONYM_BIGRAMS, LuceneFields.BODY_BIGRAMS,
						bigram, BIGRAM_WEIGHT * (light.contains(bigram) ? PLACE_WEIGHT : 1f));
				terms++;
			}
		}
		for (String term : text.english()) {
			if (!isLatin(term)) {
				continue;
			}
			if (term.length() >= 4 && !exists(reader, LuceneFields.TITLE_ENGLISH, LuceneFields.BODY_ENGLISH, term)) {
				if (!fuzzy) {
					continue;
				}
				for (String correction : corrections(reader, term)) {
					addFields(query, reader, LuceneFields.TITLE_ENGLISH, LuceneFields.TITLE_SYNONYM_ENGLISH, LuceneFields.BODY_ENGLISH,
							correction, FUZZY_WEIGHT);
				}
			}
			else {
				addFields(query, reader, LuceneFields.TITLE_ENGLISH, LuceneFields.TITLE_SYNONYM_ENGLISH, LuceneFields.BODY_ENGLISH,
						term, light.contains(term) ? PLACE_WEIGHT : 1f);
			}
			terms++;
		}
		return terms;
	}

	/**
	 * The terms the index holds closest to a misspelt one: those one edit away, else (from eight letters)
	 * two edits away (a swap of two letters is one edit), the first letter as typed; the commonest first,
	 * at most {@link #FUZZY_EXPANSIONS}. Looked up in the English body field (which holds the titles too),
	 * then searched as words of their own. Remembered for the current state of the index.
	 */
	private List<String> corrections(IndexReader reader, String term) {
		return knownCorrections.get(reader, term, t -> lookUpCorrections(reader, t));
	}

	/**
	 * The corrections found in the current state of the index: people misspell the same words, and finding
	 * a word's closest terms is the costly part of a query that holds one (a word of ten letters: 4 ms).
	 */
	private final ReaderCache<String, List<String>> knownCorrections = new ReaderCache<>(10_000);

	/**
	 * Where the index holds each term the queries looked up, and in how many documents, in its current
	 * state: a query's terms are found in the term dictionary once, not again for each check ({@link #exists},
	 * {@link #common}) and each clause that searches them. Each lookup made a new term iterator with its
	 * buffers, a quarter of what a query allocated (383 KB on average on the benchmark's index, 281 KB now):
	 * garbage that, collected under load, stalls every request in flight. Its entries are small (a term and
	 * its place in each segment).
	 */
	private final ReaderCache<Term, TermStates> knownTerms = new ReaderCache<>(100_000);

	private static List<String> lookUpCorrections(IndexReader reader, String term) throws IOException {
		List<String> corrections = new ArrayList<>();
		IndexSearcher searcher = new IndexSearcher(reader);
		for (int edits = 1; edits <= (term.length() >= 8 ? 2 : 1) && corrections.isEmpty(); edits++) {
			new FuzzyQuery(new Term(LuceneFields.BODY_ENGLISH, term), edits, 1, FUZZY_EXPANSIONS, true).rewrite(searcher)
				.visit(new QueryVisitor() {
					@Override
					public void consumeTerms(Query query, Term... terms) {
						for (Term t : terms) {
							corrections.add(t.text());
						}
					}

					@Override
					public QueryVisitor getSubVisitor(Occur occur, Query parent) {
						return this;
					}
				});
		}
		return corrections;
	}

	/** A query for the term that does not look it up again: its place in each segment is known. */
	private TermQuery termQuery(IndexReader reader, String field, String text) {
		Term term = new Term(field, text);
		return new TermQuery(term, termStates(reader, term));
	}

	private TermStates termStates(IndexReader reader, Term term) {
		return knownTerms.get(reader, term, t -> {
			IndexReaderContext top = reader.getContext();
			TermStates states = new TermStates(top);
			for (LeafReaderContext leaf : top.leaves()) {
				TermsEnum terms = Terms.getTerms(leaf.reader(), t.field()).iterator();
				if (terms.seekExact(t.bytes())) {
					states.register(terms.termState(), leaf.ord, terms.docFreq(), terms.totalTermFreq());
				}
			}
			return states;
		});
	}

	private int docFreq(IndexReader reader, String field, String term) {
		return termStates(reader, new Term(field, term)).docFreq();
	}

	/**
	 * A term in more documents than this (and than {@link #COMMON_SHARE} of the index) is common: its
	 * body clause is left out of the score. Such a term weighs little (its IDF is low), yet scoring it
	 * means visiting a large part of the index for every query; it still counts towards what a
	 * document must match, and its title clause still scores. A catalogue of a few thousand
	 * documents never has one, so this only changes how a large index ranks.
	 */
	static final int COMMON_MIN_DOCS = 2000;

	static final double COMMON_SHARE = 0.05;

	/**
	 * @param synonymField where the title's synonyms are indexed (null: none): a title that holds a
	 * synonym of the term scores as a title, weighted lower than one that holds the term itself
	 */
	private void addFields(BooleanQuery.Builder query, IndexReader reader, String titleField, String synonymField,
			String bodyField, String term, float weight) {
		query.add(new BoostQuery(termQuery(reader, titleField, term), TITLE_BOOST * weight), Occur.SHOULD);
		if (synonymField != null) {
			query.add(new BoostQuery(termQuery(reader, synonymField, term), TITLE_BOOST * TITLE_SYNONYM_WEIGHT * weight),
					Occur.SHOULD);
		}
		if (!common(reader, bodyField, term)) {
			Query body = termQuery(reader, bodyField, term);
			query.add(weight == 1f ? body : new BoostQuery(body, weight), Occur.SHOULD);
		}
	}

	private boolean common(IndexReader reader, String field, String term) {
		int documents = reader.maxDoc();
		return documents > COMMON_MIN_DOCS
				&& docFreq(reader, field, term) > Math.max(COMMON_MIN_DOCS, (long) (documents * COMMON_SHARE));
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

	/**
	 * The query with each type's score multiplied by its {@link #WHAT_TO_DO_WEIGHTS weight} (items: 1),
	 * for a question that asks what to do: items first, the other types still found.
	 */
	public Query weighByType(Query query) {
		Query weighed = query;
		for (Map.Entry<SearchType, Float> weight : WHAT_TO_DO_WEIGHTS.entrySet()) {
			weighed = FunctionScoreQuery.boostByQuery(weighed,
					new TermQuery(new Term(LuceneFields.TYPE_TERM, weight.getKey().name())), weight.getValue());
		}
		return weighed;
	}

	/** For suggestions: the query, plus the last word typed so far as a prefix of title terms. */
	public Query buildPrefix(String normalized, IndexReader reader) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		query.add(buildRanking(analyse(normalized), reader), Occur.SHOULD);
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

	private boolean exists(IndexReader reader, String titleField, String bodyField, String term) {
		return docFreq(reader, bodyField, term) > 0 || docFreq(reader, titleField, term) > 0;
	}

	/** Whether the text holds no Chinese character (an English term, a number…). */
	static boolean isLatin(String term) {
		// a loop, not a stream: it runs for every word of every snippet
		for (int i = 0; i < term.length();) {
			int cp = term.codePointAt(i);
			if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
				return false;
			}
			i += Character.charCount(cp);
		}
		return true;
	}

	/**
	 * What {@link #analyse} found.
	 *
	 * @param normalized the query text as typed (normalised)
	 * @param text the analysis of what is searched: the query without the phrases that frame a question
	 * @param variants the searched text with a synonym in place of what it holds, each way
	 * @param highlightTerms the terms to highlight: Chinese bigrams (folded) and English stems, of the
	 * text and of its synonym variants
	 * @param light the terms that weigh little and do not count towards what a document must match (a
	 * question's place names)
	 * @param question whether the query is a question (it held phrases that frame one)
	 * @param whatToDo whether the query asks what to do or where to apply: it is after a service item
	 */
	public record Analysed(String normalized, Text text, List<String> variants, Set<String> highlightTerms,
			Set<String> light, boolean question, boolean whatToDo) {

		/**
		 * @param scoredBigrams the bigrams that score: all but those that straddle two words
		 * @param groups per space-separated part: its English terms and Chinese bigrams
		 */
		public record Text(List<String> words, List<String> bigrams, List<String> scoredBigrams, List<String> english,
				List<List<String>> groups) {
		}

	}

}
