package org.hetao.estation.search.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Traditional (standard and Hong Kong variants) to Simplified Chinese with OpenCC's dictionaries,
 * following OpenCC's algorithm: normalise CJK compatibility ideographs, segment by maximum forward
 * match on the phrase dictionary, then run each step of the conversion chain over every segment
 * (a step is a group of dictionaries tried in order, the first with a matching prefix wins, longest
 * prefix within it). The dictionaries are the upstream files shipped in {@code search/opencc/}.
 */
public final class OpenCcConverter {

	private static final String BASE = "/search/opencc/";

	private final Dictionary normalization;

	private final Dictionary segmentation;

	private final List<List<Dictionary>> chain;

	private OpenCcConverter(Dictionary normalization, Dictionary segmentation, List<List<Dictionary>> chain) {
		this.normalization = normalization;
		this.segmentation = segmentation;
		this.chain = chain;
	}

	/** OpenCC's {@code hk2s}: Hong Kong Traditional (and standard Traditional) to Simplified. */
	public static OpenCcConverter hk2s() {
		Dictionary ts = Dictionary.load("TSPhrases.txt");
		Dictionary tsChars = Dictionary.load("TSCharacters.txt");
		Dictionary hkRevPhrases = Dictionary.load("HKVariantsRevPhrases.txt");
		Dictionary hkRev = Dictionary.load("HKVariants.txt", true);
		return new OpenCcConverter(Dictionary.load("CJK_Compatibility_Ideographs.txt"), ts,
				List.of(List.of(hkRevPhrases, hkRev), List.of(ts, tsChars)));
	}

	/** OpenCC's {@code t2s}: standard (OpenCC) Traditional to Simplified. */
	public static OpenCcConverter t2s() {
		Dictionary ts = Dictionary.load("TSPhrases.txt");
		return new OpenCcConverter(Dictionary.load("CJK_Compatibility_Ideographs.txt"), ts,
				List.of(List.of(ts, Dictionary.load("TSCharacters.txt"))));
	}

	public String convert(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String normalized = convertSegment(text, List.of(normalization));
		StringBuilder out = new StringBuilder(normalized.length());
		for (String segment : segment(normalized)) {
			String converted = segment;
			for (List<Dictionary> step : chain) {
				converted = convertSegment(converted, step);
			}
			out.append(converted);
		}
		return out.toString();
	}

	private List<String> segment(String text) {
		List<String> segments = new ArrayList<>();
		int start = 0;
		int i = 0;
		while (i < text.length()) {
			int match = segmentation.longestPrefix(text, i);
			if (match > 0) {
				if (start < i) {
					segments.add(text.substring(start, i));
				}
				segments.add(text.substring(i, i + match));
				i += match;
				start = i;
			}
			else {
				i += Character.charCount(text.codePointAt(i));
			}
		}
		if (start < text.length()) {
			segments.add(text.substring(start));
		}
		return segments;
	}

	private static String convertSegment(String text, List<Dictionary> group) {
		StringBuilder out = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			boolean matched = false;
			for (Dictionary dictionary : group) {
				int length = dictionary.longestPrefix(text, i);
				if (length > 0) {
					out.append(dictionary.get(text.substring(i, i + length)));
					i += length;
					matched = true;
					break;
				}
			}
			if (!matched) {
				int count = Character.charCount(text.codePointAt(i));
				out.append(text, i, i + count);
				i += count;
			}
		}
		return out.toString();
	}

	/** One OpenCC dictionary: key to its first (default) value. */
	static final class Dictionary {

		private final Map<String, String> entries;

		/** The longest key starting with each char: most chars start no key, so most lookups end at once. */
		private final Map<Character, Integer> maxLengthByFirst = new HashMap<>();

		private Dictionary(Map<String, String> entries) {
			this.entries = entries;
			entries.keySet().forEach(k -> maxLengthByFirst.merge(k.charAt(0), k.length(), Math::max));
		}

		static Dictionary load(String file) {
			return load(file, false);
		}

		/**
		 * @param reverse map every value back to its key, as OpenCC builds {@code HKVariantsRev} from
		 *        {@code HKVariants}
		 */
		static Dictionary load(String file, boolean reverse) {
			Map<String, String> entries = new HashMap<>();
			try (InputStream in = OpenCcConverter.class.getResourceAsStream(BASE + file)) {
				if (in == null) {
					throw new IllegalStateException("OpenCC dictionary missing from the classpath: " + BASE + file);
				}
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
				String line;
				while ((line = reader.readLine()) != null) {
					if (line.isEmpty() || line.startsWith("#")) {
						continue;
					}
					int tab = line.indexOf('\t');
					if (tab <= 0) {
						continue;
					}
					String key = line.substring(0, tab);
					String values = line.substring(tab + 1).trim();
					String[] split = values.split(" ");
					if (reverse) {
						for (String value : split) {
							entries.putIfAbsent(value, key);
						}
					}
					else {
						entries.putIfAbsent(key, split[0]);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return new Dictionary(entries);
		}

		int longestPrefix(String text, int from) {
			Integer longest = maxLengthByFirst.get(text.charAt(from));
			if (longest == null) {
				return 0;
			}
			int max = Math.min(longest, text.length() - from);
			for (int length = max; length > 0; length--) {
				if (entries.containsKey(text.substring(from, from + length))) {
					return length;
				}
			}
			return 0;
		}

		String get(String key) {
			return entries.get(key);
		}

	}

}
