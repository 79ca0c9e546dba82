package org.hetao.estation.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Errors as the servlet container really serves them: friendly pages and problem details, no stack traces. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPagesIntegrationTests {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> get(String path, String accept, String language) throws Exception {
		String basic = Base64.getEncoder().encodeToString("clerk:test-Password-2026".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", accept)
			.header("Accept-Language", language)
			.header("Authorization", "Basic " + basic)
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	@Test
	void unknownPageIsAFriendlyPageInTheUsersLanguage() throws Exception {
		HttpResponse<String> en = get("/no-such-page", "text/html", "en");
		assertThat(en.statusCode()).isEqualTo(404);
		assertThat(en.body()).contains("Page not found", "We could not find", "lang=\"en\"")
			.doesNotContain("Exception", "Whitelabel");
		HttpResponse<String> hans = get("/no-such-page", "text/html", "zh-CN");
		assertThat(hans.body()).contains("找不到页面");
	}

	@Test
	void unknownApiPathIsAProblemDetail() throws Exception {
		HttpResponse<String> response = get("/api/v1/no-such-thing", "application/json", "zh-HK");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
		assertThat(response.body()).contains("\"status\":404", "找不到").doesNotContain("trace", "Exception");
	}

}
