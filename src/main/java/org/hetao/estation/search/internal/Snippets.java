package org.hetao.estation.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hetao.estation.shared.Language;
import org.springframework.web.util.HtmlUtils;

/**
 * Cuts a snippet from a hit's text and marks the matched words. The text is analysed with the index's
 * own analyzers (so a Traditional text marks the words a Simplified query matched), the matched
 * ranges are merged, and every piece of text is HTML-escaped before the {@code <mark>} tags go in.
 */
final class Snippets {

	static final int LENGTH = 160;

	private final SearchAnalyzers analyzers;

	Snippets(SearchAnalyzers analyzers) {
		this.analyzers = analyzers;
	}

	/**
	 * @param folded the text folded to Simplified, or its Simplified twin (the catalogue writes each
	 * text in both scripts, character for character); null or of another length: folded here
	 */
	String highlight(String text, String folded, Set<String> terms, Language language) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		List<int[]> ranges = matches(text, folded, terms, language);
		int start = 0;
		int end = text.length();
		if (text.length() > LENGTH) {
			int first = ranges.isEmpty() ? 0 : ranges.get(0)[0];
			start = Math.max(0, first - 20);
			end = Math.min(text.length(), start + LENGTH);
			if (end - start < LENGTH) {
				start = Math.max(0, end - LENGTH);
			}
		}
		StringBuilder html = new StringBuilder();
		if (start > 0) {
			html.append('…');
		}
		int at = start;
		for (int[] range : ranges) {
			if (range[1] <= start || range[0] >= end) {
				continue;
			}
			int from = Math.max(range[0], at);
			int to = Math.min(range[1], end);
			if (from >= to) {
				continue;
			}
			html.append(HtmlUtils.htmlEscape(text.substring(at, from), "UTF-8"));
			html.append("<mark>").append(HtmlUtils.htmlEscape(text.substring(from, to), "UTF-8")).append("</mark>");
			at = to;
		}
		html.append(HtmlUtils.htmlEscape(text.substring(at, end), "UTF-8"));
		if (end < text.length()) {
			html.append('…');
		}
		return html.toString();
	}

	private void addTokens(List<int[]> ranges, String kind, String text, Set<String> terms) {
		List<SearchAnalyzers.Token> tokens = SearchAnalyzers.ENGLISH.equals(kind) ? analyzers.englishWords(text)
				: analyzers.tokens(kind, text);
		for (SearchAnalyzers.Token token : tokens) {
			if (terms.contains(token.term()) && token.end() <= text.length() && token.start() < token.end()) {
				ranges.add(new int[] { token.start(), token.end() });
			}
		}
	}

	private List<int[]> matches(String text, String twin, Set<String> terms, Language language) {
		List<int[]> ranges = new ArrayList<>();
		boolean latinTerms = false;
		if (language != Language.EN) {
			// OpenCC maps code point for code point, so the folded text's offsets are the text's own:
			// the Chinese terms (folded bigrams) are found by plain search, without tokenising each hit.
			// A Simplified text is already folded, near enough for marking matches.
			String folded = language == Language.ZH_HANS ? text
					: twin != null && twin.length() == text.length() ? twin : analyzers.converter().convert(text);
			if (folded.length() == text.length()) {
				folded = folded.toLowerCase(Locale.ROOT);
			}
			for (String term : terms) {
				if (SearchQueries.isLatin(term)) {
					latinTerms = true;
				}
				else if (folded.length() == text.length()) {
					for (int at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
						ranges.add(new int[] { at, at + term.length() });
					}
				}
			}
			if (folded.length() != text.length()) {
				addTokens(ranges, SearchAnalyzers.BIGRAMS, text, terms);
			}
		}
		if (language == Language.EN || latinTerms && text.chars().anyMatch(c -> c < 128 && Character.isLetter(c))) {
			addTokens(ranges, SearchAnalyzers.ENGLISH, text, terms);
		}
		ranges.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
		List<int[]> merged = new ArrayList<>();
		for (int[] range : ranges) {
			if (!merged.isEmpty() && range[0] <= merged.get(merged.size() - 1)[1]) {
				int[] last = merged.get(merged.size() - 1);
				last[1] = Math.max(last[1], range[1]);
			}
			else {
				merged.add(range.clone());
			}
		}
		return merged;
	}

}
