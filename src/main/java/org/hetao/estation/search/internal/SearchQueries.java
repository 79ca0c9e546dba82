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

	/** The terms to highlight: Chinese words and bigrams (folded) and English stems. */
	public Set<String> highlightTerms(String normalized) {
		Set<String> terms = new LinkedHashSet<>();
		List<String> texts = new ArrayList<>();
		texts.add(normalized);
		texts.addAll(synonyms.variants(normalized, MAX_VARIANTS));
		for (String text : texts) {
			terms.addAll(analyzers.words(text));
			terms.addAll(analyzers.bigrams(text));
			terms.addAll(analyzers.english(text));
		}
		return terms;
	}

	public Query build(String normalized, IndexReader reader) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		Query main = textQuery(normalized, reader);
		if (main == null) {
			return new MatchNoDocsQuery("nothing searchable in the query");
		}
		query.add(main, Occur.SHOULD);
		for (String variant : synonyms.variants(normalized, MAX_VARIANTS)) {
			Query q = textQuery(variant, reader);
			if (q != null) {
				query.add(new BoostQuery(q, SYNONYM_WEIGHT), Occur.SHOULD);
			}
		}
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

	private Query textQuery(String text, IndexReader reader) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		int clauses = 0;
		for (String word : new LinkedHashSet<>(analyzers.words(text))) {
			if (isLatin(word)) {
				continue;
			}
			query.add(fields(LuceneFields.TITLE_WORDS, LuceneFields.BODY_WORDS, word, 1f), Occur.SHOULD);
			clauses++;
		}
		for (String bigram : new LinkedHashSet<>(analyzers.bigrams(text))) {
			if (isLatin(bigram)) {
				continue;
			}
			query.add(fields(LuceneFields.TITLE_BIGRAMS, LuceneFields.BODY_BIGRAMS, bigram, BIGRAM_WEIGHT), Occur.SHOULD);
			clauses++;
		}
		for (String term : new LinkedHashSet<>(analyzers.english(text))) {
			if (!isLatin(term)) {
				continue;
			}
			if (term.length() >= 4 && !exists(reader, term)) {
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

	private static boolean exists(IndexReader reader, String term) {
		try {
			return reader.docFreq(new Term(LuceneFields.BODY_ENGLISH, term)) > 0
					|| reader.docFreq(new Term(LuceneFields.TITLE_ENGLISH, term)) > 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isLatin(String term) {
		return term.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
	}

}
