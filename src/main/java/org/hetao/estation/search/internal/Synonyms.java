package org.hetao.estation.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Groups of words that mean the same thing to the people who search (editable data:
 * {@code search/synonyms.txt}, one comma-separated group a line, in any script or language), and
 * one-way rules from the everyday words people use for what they want to the catalogue's official
 * words ({@code search/goal-words.txt}, {@code everyday, … => official, …}). A document that contains
 * one alternative of a group is indexed with the others too ({@link #expansions}), and one that contains
 * an official word of a rule with the rule's everyday words, so a query in any of them finds it;
 * {@link #variants} gives the query's own variants (a rule's everyday word becomes each official word),
 * whose words are highlighted. Matching happens on folded, lower-cased text, so one line serves
 * Traditional and Simplified.
 */
public final class Synonyms {

	/** Separates a rule's everyday words from its official words. */
	static final String ONE_WAY = "=>";

	private final List<Group> groups;

	/** What documents are matched against: every alternative of a group, the official words of a rule. */
	private final Matcher indexSide;

	/** What queries are matched against: every alternative of a group, the everyday words of a rule. */
	private final Matcher querySide;

	private Synonyms(List<Group> groups) {
		this.groups = groups;
		List<Alternative> indexed = new ArrayList<>();
		List<Alternative> queried = new ArrayList<>();
		for (int g = 0; g < groups.size(); g++) {
			Group group = groups.get(g);
			for (String text : group.official()) {
				indexed.add(new Alternative(g, text));
			}
			for (String text : group.everyday()) {
				queried.add(new Alternative(g, text));
			}
		}
		this.indexSide = new Matcher(indexed);
		this.querySide = new Matcher(queried);
	}

	public static Synonyms load(String resource, UnaryOperator<String> normalizer) {
		return load(List.of(resource), normalizer);
	}

	/** The groups and rules of several files, in that order. */
	public static Synonyms load(List<String> resources, UnaryOperator<String> normalizer) {
		StringBuilder text = new StringBuilder();
		for (String resource : resources) {
			text.append(read(resource)).append('\n');
		}
		return parse(text.toString(), normalizer);
	}

	static String read(String resource) {
		try (InputStream in = Synonyms.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Search data file missing from the classpath: " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Synonyms parse(String text, UnaryOperator<String> normalizer) {
		List<Group> groups = new ArrayList<>();
		for (String content : WordListLines.of(text)) {
			int arrow = content.indexOf(ONE_WAY);
			if (arrow >= 0) {
				List<String> everyday = alternatives(content.substring(0, arrow), normalizer);
				List<String> official = alternatives(content.substring(arrow + ONE_WAY.length()), normalizer);
				everyday.removeAll(official);
				if (!everyday.isEmpty() && !official.isEmpty()) {
					groups.add(new Group(List.copyOf(everyday), List.copyOf(official), false));
				}
			}
			else {
				List<String> group = alternatives(content, normalizer);
				if (group.size() > 1) {
					groups.add(new Group(List.copyOf(group), List.copyOf(group), true));
				}
			}
		}
		return new Synonyms(groups);
	}

	private static List<String> alternatives(String text, UnaryOperator<String> normalizer) {
		Set<String> alternatives = new LinkedHashSet<>();
		for (String part : text.split("[,，]")) {
			String normalized = normalizer.apply(part.trim());
			if (!normalized.isEmpty()) {
				alternatives.add(normalized);
			}
		}
		return new ArrayList<>(alternatives);
	}

	/** The normalizer that matches query text: collapse whitespace, lower-case. Folding is done before. */
	public static String basicNormalize(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
	}

	public int size() {
		return groups.size();
	}

	/** Changes whenever the groups or rules do: an index built with other synonyms must be rebuilt. */
	public String fingerprint() {
		return Integer.toHexString(groups.hashCode());
	}

	/**
	 * The text with one matched alternative replaced by another, for every match and every other
	 * alternative of its group, or every official word of its rule (at most {@code limit} variants). The
	 * text must already be normalised.
	 */
	public List<String> variants(String text, int limit) {
		List<String> variants = new ArrayList<>();
		for (Match match : querySide.matches(text)) {
			for (String other : groups.get(match.group()).official()) {
				if (!other.equals(match.text()) && variants.size() < limit) {
					variants.add(text.substring(0, match.start()) + " " + other + " " + text.substring(match.end()));
				}
			}
		}
		return variants;
	}

	/**
	 * The other alternatives of every group the text holds one of, and the everyday words of every rule
	 * whose official word it holds, each once: indexed with a document, they let a query in any
	 * alternative find it without being searched once per alternative. The text must already be normalised.
	 */
	public Set<String> expansions(String text) {
		Set<String> expansions = new LinkedHashSet<>();
		for (Match match : indexSide.matches(text)) {
			for (String other : groups.get(match.group()).everyday()) {
				if (!other.equals(match.text())) {
					expansions.add(other);
				}
			}
		}
		return expansions;
	}

	/**
	 * Where a query holds words these groups and rules know, as {@code [start, end)} pairs: what
	 * people mean by them is known, so they are never taken for question scaffolding. The text must
	 * already be normalised.
	 */
	List<int[]> known(String text) {
		return querySide.matches(text).stream().map(m -> new int[] { m.start(), m.end() }).toList();
	}

	/**
	 * A group of alternatives (each way: {@code everyday} and {@code official} are the same list) or a rule
	 * from the everyday words to the official ones.
	 */
	private record Group(List<String> everyday, List<String> official, boolean twoWay) {
	}

	/** Finds the alternatives of one side in a text. */
	private static final class Matcher {

		/** Longest first. */
		private final List<Alternative> alternatives;

		/** Indexes into {@link #alternatives} by their first character, so a text is searched only for those it can hold. */
		private final Map<Character, int[]> byFirstChar = new HashMap<>();

		Matcher(List<Alternative> alternatives) {
			List<Alternative> sorted = new ArrayList<>(alternatives);
			sorted.sort(Comparator.comparingInt((Alternative a) -> a.text().length()).reversed());
			this.alternatives = sorted;
			Map<Character, List<Integer>> starts = new HashMap<>();
			for (int i = 0; i < sorted.size(); i++) {
				if (!sorted.get(i).text().isEmpty()) {
					starts.computeIfAbsent(sorted.get(i).text().charAt(0), c -> new ArrayList<>()).add(i);
				}
			}
			starts.forEach((c, list) -> byFirstChar.put(c, list.stream().mapToInt(Integer::intValue).toArray()));
		}

		/**
		 * Where the text holds an alternative: longest first, never overlapping, Latin ones as whole words.
		 * The same words in two groups (or a group and a rule) match for both.
		 */
		List<Match> matches(String text) {
			List<Match> matches = new ArrayList<>();
			boolean[] used = new boolean[text.length()];
			// only the alternatives starting with a character of the text, in the same (longest first) order
			BitSet candidates = new BitSet(alternatives.size());
			for (int i = 0; i < text.length(); i++) {
				int[] starting = byFirstChar.get(text.charAt(i));
				if (starting != null) {
					for (int k : starting) {
						candidates.set(k);
					}
				}
			}
			for (int k = candidates.nextSetBit(0); k >= 0; k = candidates.nextSetBit(k + 1)) {
				Alternative alternative = alternatives.get(k);
				int from = 0;
				int at;
				while ((at = text.indexOf(alternative.text(), from)) >= 0) {
					int end = at + alternative.text().length();
					from = at + 1;
					if (!wordBoundaries(text, at, end) || anyUsed(used, at, end) && !sameSpan(matches, at, end)) {
						continue;
					}
					for (int i = at; i < end; i++) {
						used[i] = true;
					}
					matches.add(new Match(alternative.group(), alternative.text(), at, end));
				}
			}
			return matches;
		}

		private static boolean sameSpan(List<Match> matches, int start, int end) {
			for (Match match : matches) {
				if (match.start() == start && match.end() == end) {
					return true;
				}
			}
			return false;
		}

	}

	/** Whether any position in {@code [from, to)} is marked. */
	static boolean anyUsed(boolean[] used, int from, int to) {
		for (int i = from; i < to; i++) {
			if (used[i]) {
				return true;
			}
		}
		return false;
	}

	/** Latin alternatives must match whole words ("tax" is not inside "taxi"); Chinese ones anywhere. */
	static boolean wordBoundaries(String text, int start, int end) {
		boolean latinStart = isLatin(text.charAt(start));
		boolean latinEnd = isLatin(text.charAt(end - 1));
		if (latinStart && start > 0 && isLatin(text.charAt(start - 1))) {
			return false;
		}
		return !(latinEnd && end < text.length() && isLatin(text.charAt(end)));
	}

	private static boolean isLatin(char c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
	}

	private record Alternative(int group, String text) {
	}

	private record Match(int group, String text, int start, int end) {
	}

}
