package org.hetao.estation.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * How a whole question is read (editable data: {@code search/question-words.txt}, one phrase a line
 * under its section, in any script or language). People type questions ("公司要刻公章，喺邊度辦？", "怎么申请…",
 * "how do i…"), not item names: the phrases that only frame the question are taken out of what is
 * searched, and those that ask what to do or apply for tell that the person is after a service item.
 * The place names a question holds (香港, 深圳, Hong Kong…) are listed so that the query can weigh them
 * little: nearly every document of the zone names them. Matching happens on folded, lower-cased text,
 * so one line serves Traditional and Simplified; Latin phrases match whole words only.
 */
public final class QuestionWords {

	/** Section of the phrases that ask what to do or where to apply: removed, and the question is after an item. */
	static final String WHAT_TO_DO = "[what to do]";

	/** Section of the other phrases that frame a question (particles, pronouns, "please"): removed. */
	static final String SCAFFOLDING = "[scaffolding]";

	/** Section of the place names: kept, weighed little in a question. */
	static final String PLACES = "[places]";

	private static final QuestionWords NONE = new QuestionWords(List.of(), List.of());

	/** The phrases to take out. */
	private final List<Phrase> phrases;

	private final List<String> places;

	private QuestionWords(List<Phrase> phrases, List<String> places) {
		this.phrases = List.copyOf(phrases);
		this.places = List.copyOf(places);
	}

	/** No question words: every query is searched as typed. */
	public static QuestionWords none() {
		return NONE;
	}

	public static QuestionWords load(String resource, UnaryOperator<String> normalizer) {
		return parse(Synonyms.read(resource), normalizer);
	}

	public static QuestionWords parse(String text, UnaryOperator<String> normalizer) {
		Set<Phrase> phrases = new LinkedHashSet<>();
		Set<String> places = new LinkedHashSet<>();
		String section = null;
		for (String content : WordListLines.of(text)) {
			if (content.startsWith("[")) {
				section = content.toLowerCase(Locale.ROOT);
				if (!List.of(WHAT_TO_DO, SCAFFOLDING, PLACES).contains(section)) {
					throw new IllegalArgumentException("Unknown section of the question words: " + content);
				}
				continue;
			}
			if (section == null) {
				throw new IllegalArgumentException("A question phrase before any section: " + content);
			}
			for (String part : content.split("[,，]")) {
				String normalized = normalizer.apply(part.trim());
				if (normalized.isEmpty()) {
					continue;
				}
				if (PLACES.equals(section)) {
					places.add(normalized);
				}
				else {
					phrases.add(new Phrase(normalized, WHAT_TO_DO.equals(section)));
				}
			}
		}
		return new QuestionWords(new ArrayList<>(phrases), new ArrayList<>(places));
	}

	/** The place names, normalised: the query builder weighs their terms little in a question. */
	public List<String> places() {
		return places;
	}

	/**
	 * The query text without the phrases that frame a question, and what they told. Phrases may overlap
	 * ("需要什么" and "什么材料" in "需要什么材料"), but are never taken out of a word the synonym files know
	 * ({@code knownWords}, as {@code [start, end)}: "唔見咗" means lost, though "咗" alone is a particle). When
	 * nothing would be left to search, the text is kept as typed (and still read as a question).
	 *
	 * @param normalized the query text as {@link SearchQueries#normalize} makes it
	 */
	public Reading read(String normalized, List<int[]> knownWords) {
		if (phrases.isEmpty()) {
			return new Reading(normalized, false, false);
		}
		boolean[] known = new boolean[normalized.length()];
		for (int[] span : knownWords) {
			for (int i = span[0]; i < span[1]; i++) {
				known[i] = true;
			}
		}
		boolean[] removed = new boolean[normalized.length()];
		boolean question = false;
		boolean whatToDo = false;
		for (Phrase phrase : phrases) {
			int from = 0;
			int at;
			while ((at = normalized.indexOf(phrase.text(), from)) >= 0) {
				int end = at + phrase.text().length();
				from = at + 1;
				if (!Synonyms.wordBoundaries(normalized, at, end) || Synonyms.anyUsed(known, at, end)) {
					continue;
				}
				for (int i = at; i < end; i++) {
					removed[i] = true;
				}
				question = true;
				whatToDo |= phrase.whatToDo();
			}
		}
		if (!question) {
			return new Reading(normalized, false, false);
		}
		// a Chinese phrase is cut out and the words around it close up ("受咗傷" is 受傷, and the question stays
		// one part whose bigrams mostly match); a Latin one leaves a space between the words around it
		StringBuilder text = new StringBuilder(normalized.length());
		for (int i = 0; i < normalized.length(); i++) {
			char c = normalized.charAt(i);
			if (!removed[i]) {
				text.append(c);
			}
			else if (!han(c) && (i + 1 == normalized.length() || !removed[i + 1])) {
				text.append(' ');
			}
		}
		String rest = Synonyms.basicNormalize(text.toString());
		return new Reading(searchable(rest) ? rest : normalized, true, whatToDo);
	}

	private static boolean han(char c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}

	/** Whether any letter, digit or Chinese character is left. */
	private static boolean searchable(String text) {
		return text.codePoints().anyMatch(Character::isLetterOrDigit);
	}

	/**
	 * What {@link #read} found.
	 *
	 * @param text what is searched: the query without the phrases that frame a question
	 * @param question whether the query held any such phrase (a question, not a list of words)
	 * @param whatToDo whether it asks what to do or where to apply: it is after a service item
	 */
	public record Reading(String text, boolean question, boolean whatToDo) {
	}

	private record Phrase(String text, boolean whatToDo) {
	}

}
