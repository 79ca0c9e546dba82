package org.hetao.estation.search.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The analysis chain. Chinese text is folded to Simplified (OpenCC), then indexed twice: as words
 * (smartcn's HMM segmentation) and as overlapping character bigrams, so that a query matches whether
 * or not it segments like the text (partial words, unsegmented strings). English is lower-cased,
 * ASCII-folded, stop-worded and Porter-stemmed. The {@code folding} flag is off for query text,
 * which the query builder folds once before synonym expansion.
 */
public final class SearchAnalyzers {

	/** Field suffixes. */
	static final String WORDS = "zw";

	static final String BIGRAMS = "zb";

	static final String ENGLISH = "en";

	private final OpenCcConverter converter;

	private final Analyzer zhWords;

	private final Analyzer zhBigrams;

	private final Analyzer english;

	private final Analyzer perField;

	public SearchAnalyzers(OpenCcConverter converter, boolean folding) {
		this.converter = converter;
		OpenCcConverter fold = folding ? converter : null;
		CharArraySet chineseStops = SmartChineseAnalyzer.getDefaultStopSet();
		UnaryOperator<Reader> chinese = reader -> wrap(reader, fold);
		this.zhWords = analyzer(HMMChineseTokenizer::new, tokens -> {
			TokenStream stream = new LowerCaseFilter(tokens);
			stream = new StopFilter(stream, chineseStops);
			return new PorterStemFilter(stream);
		}, chinese);
		this.zhBigrams = analyzer(StandardTokenizer::new, tokens -> {
			TokenStream stream = new LowerCaseFilter(tokens);
			stream = new CJKBigramFilter(stream);
			return new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
		}, chinese);
		this.english = analyzer(StandardTokenizer::new, tokens -> {
			TokenStream stream = new EnglishPossessiveFilter(tokens);
			stream = new LowerCaseFilter(stream);
			stream = new ASCIIFoldingFilter(stream);
			stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
			return new PorterStemFilter(stream);
		}, CJKWidthCharFilter::new);
		this.perField = new PerFieldAnalyzerWrapper(english,
				Map.of(LuceneFields.TITLE_WORDS, zhWords, LuceneFields.BODY_WORDS, zhWords, LuceneFields.TITLE_BIGRAMS,
						zhBigrams, LuceneFields.BODY_BIGRAMS, zhBigrams, LuceneFields.TITLE_SYNONYM_BIGRAMS, zhBigrams,
						LuceneFields.TITLE_ENGLISH, english, LuceneFields.TITLE_SYNONYM_ENGLISH, english,
						LuceneFields.BODY_ENGLISH, english));
	}

	/** An analyzer: the tokenizer's tokens through the filters, of the text as {@code reader} reads it. */
	private static Analyzer analyzer(Supplier<Tokenizer> tokenizer, Function<Tokenizer, TokenStream> filters,
			UnaryOperator<Reader> reader) {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokens = tokenizer.get();
				return new TokenStreamComponents(tokens, filters.apply(tokens));
			}

			@Override
			protected Reader initReader(String fieldName, Reader text) {
				return reader.apply(text);
			}
		};
	}

	private static Reader wrap(Reader reader, OpenCcConverter fold) {
		Reader width = new CJKWidthCharFilter(reader);
		return fold == null ? width : new ChineseFoldingCharFilter(width, fold);
	}

	public OpenCcConverter converter() {
		return converter;
	}

	/** The analyzer of each index field. */
	public Analyzer perField() {
		return perField;
	}

	public List<String> words(String text) {
		return terms(zhWords, text);
	}

	public List<String> bigrams(String text) {
		return terms(zhBigrams, text);
	}

	public List<String> english(String text) {
		return terms(english, text);
	}

	/** Words already analysed for {@link #englishWords}: a word and its term ("" for a stop word). */
	private final Map<String, String> englishTerms = new java.util.concurrent.ConcurrentHashMap<>();

	private static final int MAX_CACHED_WORDS = 100_000;

	/**
	 * The English terms of the text's words with their offsets, for marking matches in a snippet: each
	 * run of letters and digits (with inner apostrophes) analysed alone and remembered, so a hit's text
	 * is not run through the analysis chain (the English chain's filters each look at one token, so a
	 * word gives the same term alone as in its sentence).
	 */
	List<Token> englishWords(String text) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		int n = text.length();
		while (i < n) {
			char c = text.charAt(i);
			if (!latinWordChar(c)) {
				i++;
				continue;
			}
			int start = i;
			while (i < n && (latinWordChar(text.charAt(i))
					|| apostrophe(text.charAt(i)) && i + 1 < n && latinWordChar(text.charAt(i + 1)))) {
				i++;
			}
			String word = text.substring(start, i);
			String term = englishTerms.get(word);
			if (term == null) {
				List<String> terms = terms(english, word);
				term = terms.size() == 1 ? terms.get(0) : "";
				if (englishTerms.size() < MAX_CACHED_WORDS) {
					englishTerms.put(word, term);
				}
			}
			if (!term.isEmpty()) {
				tokens.add(new Token(term, start, i));
			}
		}
		return tokens;
	}

	private static boolean apostrophe(char c) {
		return c == '\'' || c == '\u2019';
	}

	private static boolean latinWordChar(char c) {
		return Character.isLetterOrDigit(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN;
	}

	/** Tokens of the text with their offsets, as the analyzer of the given kind produces them. */
	List<Token> tokens(String kind, String text) {
		Analyzer analyzer = switch (kind) {
			case WORDS -> zhWords;
			case BIGRAMS -> zhBigrams;
			default -> english;
		};
		List<Token> tokens = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("f", new StringReader(text))) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tokens;
	}

	private static List<String> terms(Analyzer analyzer, String text) {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("f", new StringReader(text))) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terms;
	}

	record Token(String term, int start, int end) {
	}

}
