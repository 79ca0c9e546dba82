package org.hetao.estation.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The conversion the search module ships, checked against OpenCC's own test cases (the upstream
 * {@code testcases.json}, which has trailing commas).
 */
class OpenCcConverterTests {

	private static final OpenCcConverter HK2S = OpenCcConverter.hk2s();

	private static final OpenCcConverter T2S = OpenCcConverter.t2s();

	@Test
	void passesEveryUpstreamHk2sCase() throws IOException {
		List<String[]> cases = cases("hk2s");
		assertThat(cases).hasSizeGreaterThanOrEqualTo(20);
		assertAllConvert(HK2S, cases);
	}

	/**
	 * OpenCC's t2s also consults {@code TSCharactersExt}, which maps a few rare characters to
	 * supplementary-plane ones ("may output tofu"); the upstream data we were given does not contain
	 * it, so the cases whose expected output needs such a character (4 of 55) are left out.
	 */
	@Test
	void passesEveryUpstreamT2sCaseThatNeedsNoExtensionDictionary() throws IOException {
		List<String[]> all = cases("t2s");
		List<String[]> cases = all.stream().filter(c -> c[2].codePoints().noneMatch(Character::isSupplementaryCodePoint)).toList();
		assertThat(all).hasSizeGreaterThanOrEqualTo(50);
		assertThat(all.size() - cases.size()).isLessThanOrEqualTo(4);
		assertAllConvert(T2S, cases);
	}

	@Test
	void foldsHongKongTraditionalAndLeavesSimplifiedAlone() {
		assertThat(HK2S.convert("港澳居民來往內地通行證")).isEqualTo("港澳居民来往内地通行证");
		assertThat(HK2S.convert("海關申報")).isEqualTo("海关申报");
		assertThat(HK2S.convert("企业设立登记")).isEqualTo("企业设立登记");
		assertThat(HK2S.convert("Home Return Permit 回鄉證")).isEqualTo("Home Return Permit 回乡证");
	}

	private static void assertAllConvert(OpenCcConverter converter, List<String[]> cases) {
		List<String> failures = new ArrayList<>();
		for (String[] c : cases) {
			String actual = converter.convert(c[1]);
			if (!actual.equals(c[2])) {
				failures.add(c[0] + ": " + c[1] + " -> " + actual + " (expected " + c[2] + ")");
			}
		}
		assertThat(failures).isEmpty();
	}

	private static List<String[]> cases(String config) throws IOException {
		try (InputStream in = OpenCcConverterTests.class.getResourceAsStream("/search/opencc-testcases.json")) {
			String json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll(",\\s*([}\\]])", "$1");
			JsonNode root = JsonMapper.builder().build().readTree(json);
			List<String[]> cases = new ArrayList<>();
			for (JsonNode c : root.get("cases")) {
				JsonNode expected = c.get("expected").get(config);
				if (expected != null) {
					cases.add(new String[] { c.get("id").asString(), c.get("input").asString(), expected.asString() });
				}
			}
			return cases;
		}
	}

}
