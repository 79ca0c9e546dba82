package org.hetao.estation.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.hetao.estation.catalog.ServiceDomain;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.LocalizedText;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Documents and queries for the search benchmark, generated from the real catalogue's and policy
 * library's text, so that words are as common or as rare as they are in what the platform indexes:
 * a title joins the first half of one real name (item, material or policy) to the second half of
 * another, a body strings together two to five real descriptions, in all three languages. Queries
 * are, half and half, the labelled set's real queries ({@code search/queries.tsv}: mixed scripts,
 * Hong Kong wording, typos) and one to three whole words of real names (segmented as smartcn does) in
 * Traditional, Simplified, English or mixed.
 *
 * Seeded: the same arguments give the same documents and queries.
 */
public final class SearchCorpus {

	/** A text in the three languages. */
	record Text(String hant, String hans, String en) {
	}

	private final List<Text> names = new ArrayList<>();

	private final List<Text> passages = new ArrayList<>();

	/** Words of real names: Traditional, Simplified (same characters' span) and English words. */
	private final List<String[]> chineseWords = new ArrayList<>();

	private final List<String> englishWords = new ArrayList<>();

	private final List<String[]> labelledQueries = new ArrayList<>();

	private final Random random;

	public SearchCorpus(Path resources, long seed) {
		this.random = new Random(seed);
		JsonMapper json = JsonMapper.builder().build();
		try (Stream<Path> files = Files.list(resources.resolve("catalog/items"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
				for (JsonNode item : json.readTree(file.toFile()).get("items")) {
					add(names, item.get("name"));
					add(passages, item.get("description"));
					for (JsonNode material : item.path("materials")) {
						add(names, material.get("name"));
						add(passages, material.get("description"));
					}
				}
			}
			for (JsonNode policy : json.readTree(resources.resolve("policy/policies.json").toFile())) {
				add(names, policy.get("title"));
				add(passages, policy.get("summary"));
				add(passages, policy.get("benefits"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (Text name : names) {
			words(name);
		}
		try (InputStream in = SearchCorpus.class.getResourceAsStream("/search/queries.tsv")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank() && !line.startsWith("#")) {
					String[] parts = line.split("\t");
					String query = parts[0].trim();
					String kind = parts.length > 2 ? parts[2].trim() : "";
					Language language = query.codePoints().noneMatch(SearchCorpus::han) ? Language.EN
							: "hans".equals(kind) ? Language.ZH_HANS : Language.ZH_HANT;
					labelledQueries.add(new String[] { query, language.name() });
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void add(List<Text> texts, JsonNode text) {
		if (text != null && !text.isNull() && text.has("zh-Hant") && !text.get("zh-Hant").asString().isBlank()) {
			texts.add(new Text(text.get("zh-Hant").asString(), text.get("zh-Hans").asString(), text.get("en").asString()));
		}
	}

	/** The name's words: smartcn's segmentation of the Simplified text, the same span of the Traditional. */
	private void words(Text name) {
		if (name.hant().length() == name.hans().length()) {
			try (HMMChineseTokenizer tokenizer = new HMMChineseTokenizer()) {
				tokenizer.setReader(new StringReader(name.hans()));
				OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
				tokenizer.reset();
				while (tokenizer.incrementToken()) {
					int start = offset.startOffset();
					int end = offset.endOffset();
					if (end - start >= 2 && name.hans().substring(start, end).codePoints().allMatch(SearchCorpus::han)) {
						chineseWords.add(new String[] { name.hant().substring(start, end), name.hans().substring(start, end) });
					}
				}
				tokenizer.end();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		for (String word : name.en().toLowerCase().split("[^a-z]+")) {
			if (word.length() >= 3) {
				englishWords.add(word);
			}
		}
	}

	private static boolean han(int codePoint) {
		return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
	}

	public SearchDocument document(int i) {
		Text first = names.get(random.nextInt(names.size()));
		Text second = names.get(random.nextInt(names.size()));
		Text title = new Text(firstHalf(first.hant()) + secondHalf(second.hant()),
				firstHalf(first.hans()) + secondHalf(second.hans()), englishHalves(first.en(), second.en()));
		StringBuilder hant = new StringBuilder();
		StringBuilder hans = new StringBuilder();
		StringBuilder en = new StringBuilder();
		for (int p = 0, n = 2 + random.nextInt(4); p < n; p++) {
			Text passage = passages.get(random.nextInt(passages.size()));
			hant.append(passage.hant());
			hans.append(passage.hans());
			en.append(en.isEmpty() ? "" : " ").append(passage.en());
		}
		ServiceDomain domain = ServiceDomain.values()[random.nextInt(ServiceDomain.values().length)];
		return new SearchDocument(SearchType.ITEM, "BENCH-" + i, LocalizedText.of(title.hant(), title.hans(), title.en()),
				LocalizedText.of(hant.toString(), hans.toString(), en.toString()), null, "/catalog/items/BENCH-" + i,
				Map.of(SearchFacets.DOMAIN, List.of(domain.name()), SearchFacets.DEPARTMENT, List.of("dept-" + random.nextInt(20)),
						SearchFacets.APPLICANT_TYPE, List.of(random.nextBoolean() ? "HK_ENTERPRISE" : "HK_RESIDENT")));
	}

	private static String firstHalf(String text) {
		return text.substring(0, text.length() / 2);
	}

	private static String secondHalf(String text) {
		return text.substring(text.length() / 2);
	}

	private static String englishHalves(String first, String second) {
		String[] a = first.split(" ");
		String[] b = second.split(" ");
		List<String> words = new ArrayList<>(List.of(a).subList(0, (a.length + 1) / 2));
		words.addAll(List.of(b).subList((b.length + 1) / 2, b.length));
		return String.join(" ", words);
	}

	/** A query and its {@link Language} name: a real labelled query, or one to three words of real names. */
	public String[] query() {
		if (random.nextBoolean()) {
			return labelledQueries.get(random.nextInt(labelledQueries.size()));
		}
		int words = 1 + random.nextInt(3);
		int kind = random.nextInt(4);
		List<String> parts = new ArrayList<>();
		for (int w = 0; w < words; w++) {
			String[] word = chineseWords.get(random.nextInt(chineseWords.size()));
			parts.add(switch (kind) {
				case 0 -> word[0];
				case 1 -> word[1];
				case 2 -> englishWords.get(random.nextInt(englishWords.size()));
				default -> w == 0 ? word[0] : englishWords.get(random.nextInt(englishWords.size()));
			});
		}
		Language language = kind == 1 ? Language.ZH_HANS : kind == 2 ? Language.EN : Language.ZH_HANT;
		return new String[] { String.join(" ", parts), language.name() };
	}

	/** For the report: what the corpus was made of. */
	public String describe() {
		return names.size() + " real names, " + passages.size() + " real descriptions, " + labelledQueries.size()
				+ " labelled queries, " + chineseWords.size() + " Chinese and " + englishWords.size() + " English name words";
	}

}
