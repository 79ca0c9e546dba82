package org.hetao.estation.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The NUL check of JSON bodies: raw and escaped NUL, but not an escaped backslash followed by "u0000". */
class NulCharacterFilterTests {

	static boolean nul(String json) {
		return NulCharacterFilter.containsNul(json.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void findsRawAndEscapedNulOnly() {
		assertThat(nul("{\"a\":\"x\u0000y\"}")).isTrue();
		assertThat(nul("{\"a\":\"x\\u0000y\"}")).isTrue();
		assertThat(nul("{\"a\":\"x\\U0000y\"}")).isTrue();
		assertThat(nul("{\"a\":\"x\\\\\\u0000y\"}")).isTrue();
		assertThat(nul("{\"a\":\"x\\\\u0000y\"}")).as("an escaped backslash, then text").isFalse();
		assertThat(nul("{\"a\":\"河套 \\u0041\"}")).isFalse();
	}

	@Test
	void anEscapeAtTheVeryEndCounts() {
		assertThat(nul("\\u0000")).isTrue();
		assertThat(nul("\\u000")).isFalse();
		assertThat(nul("")).isFalse();
	}

	/** The quick scan answers as the pattern alone does, on bodies made of the pieces that matter. */
	@net.jqwik.api.Property(tries = 3000)
	void answersAsThePatternAlone(@net.jqwik.api.ForAll @net.jqwik.api.constraints.Size(max = 8)
			java.util.List<@net.jqwik.api.constraints.IntRange(min = 0, max = 6) Integer> pieces) {
		String[] piece = { "\\", "u0000", "U0000", "\\u0000", "a", "\\\\", "u000" };
		String json = pieces.stream().map(p -> piece[p]).collect(java.util.stream.Collectors.joining());
		boolean pattern = java.util.regex.Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\u0000", java.util.regex.Pattern.CASE_INSENSITIVE)
			.matcher(json)
			.find();
		assertThat(nul(json)).as(json).isEqualTo(pattern);
	}

}
