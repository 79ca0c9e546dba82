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

}
