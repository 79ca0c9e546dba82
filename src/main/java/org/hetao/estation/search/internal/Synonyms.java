package org.hetao.estation.search.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Groups of words that mean the same thing to the people who search (editable data:
 * {@code search/synonyms.txt}, one comma-separated group a line, in any script or language). A
 * document that contains one alternative is indexed with the others too ({@link #expansions}), so a
 * query in any of them finds it; {@link #variants} gives the query's own variants, whose words are
 * highlighted. Matching happens on folded, lower-cased text, so one line serves Traditional and
 * Simplified.
 */
public final class Synonyms {

	private final List<List<String>> groups;

	private final List<Alternative> alternatives;

	private Synonyms(List<List<String>> groups) {
		this.groups = groups;
		List<Alternative> all = new ArrayList<>();
		for (int g = 0; g < groups.size(); g++) {
			for (String text : groups.get(g)) {
				all.add(new Alternative(g, text));
			}
		}
		all.sort(Comparator.comparingInt((Alternative a) -> a.text().length()).reversed());
		this.alternatives = all;
		Map<Character, List<Integer>> starts = new HashMap<>();
		for (int i = 0; i < all.size(); i++) {
			if (!all.get(i).text().isEmpty()) {
				starts.computeIfAbsent(all.get(i).text().charAt(0), c -> new ArrayList<>()).add(i);
			}
		}
		this.byFirstChar = new HashMap<>();
		starts.forEach((c, list) -> byFirstChar.put(c, list.stream().mapToInt(Integer::intValue).toArray()));
	}

	/** Indexes into {@link #alternatives} by their first character, so a query looks only for those it can hold. */
	private final Map<Character, int[]> byFirstChar;

	public static Synonyms load(String resource, UnaryOperator<String> normalizer) {
		try (InputStream in = Synonyms.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Synonym file missing from the classpath: " + resource);
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), normalizer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Synonyms parse(String text, UnaryOperator<String> normalizer) {
		List<List<String>> groups = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
			String line;
			while ((line = reader.readLine()) != null) {
				int hash = line.indexOf('#');
				String content = (hash >= 0 ? line.substring(0, hash) : line).trim();
				if (content.isEmpty()) {
					continue;
				}
				Set<String> group = new LinkedHashSet<>();
				for (String part : content.split("[,，]")) {
					String normalized = normalizer.apply(part.trim());
					if (!normalized.isEmpty()) {
						group.add(normalized);
					}
				}
				if (group.size() > 1) {
					groups.add(List.copyOf(group));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Synonyms(groups);
	}

	/** The normalizer that matches query text: collapse whitespace, lower-case. Folding is done before. */
	public static String basicNormalize(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
	}

	public int size() {
		return groups.size();
	}

	/** Changes whenever the groups do: an index built with other synonyms must be rebuilt. */
	public String fingerprint() {
		return Integer.toHexString(groups.hashCode());
	}

	/**
	 * The text with one matched alternative replaced by another, for every match and every other
	 * alternative of its group (at most {@code limit} variants). The text must already be normalised.
	 */
	public List<String> variants(String text, int limit) {
		List<String> variants = new ArrayList<>();
		for (Match match : matches(text)) {
			for (String other : groups.get(match.group())) {
				if (!other.equals(match.text()) && variants.size() < limit) {
					variants.add(text.substring(0, match.start()) + " " + other + " " + text.substring(match.end()));
				}
			}
		}
		return variants;
	}

	/**
	 * The other alternatives of every group the text holds one of, each once: indexed with a document,
	 * they let a query in any alternative find it without being searched once per alternative. The
	 * text must already be normalised.
	 */
	public Set<String> expansions(String text) {
		Set<String> expansions = new LinkedHashSet<>();
		for (Match match : matches(text)) {
			for (String other : groups.get(match.group())) {
				if (!other.equals(match.text())) {
					expansions.add(other);
				}
			}
		}
		return expansions;
	}

	/** Where the text holds an alternative: longest first, never overlapping, Latin ones as whole words. */
	private List<Match> matches(String text) {
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
				if (!wordBoundaries(text, at, end) || anyUsed(used, at, end)) {
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

	private static boolean anyUsed(boolean[] used, int from, int to) {
		for (int i = from; i < to; i++) {
			if (used[i]) {
				return true;
			}
		}
		return false;
	}

	/** Latin alternatives must match whole words ("tax" is not inside "taxi"); Chinese ones anywhere. */
	private static boolean wordBoundaries(String text, int start, int end) {
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
