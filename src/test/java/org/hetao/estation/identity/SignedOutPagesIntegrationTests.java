package org.hetao.estation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A signed-out person on the real server (error pages are rendered by the servlet container's error dispatch):
 * an address that is no page is "not found" in the language asked for, never a sign-in form; a page that needs
 * signing in sends them to sign in without losing the language.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignedOutPagesIntegrationTests {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void anUnknownAddressIsNotFoundInTheReadersLanguageNotASignInForm() throws Exception {
		HttpResponse<String> hant = get("/no-such-page/at-all?lang=zh-Hant");
		assertThat(hant.statusCode()).isEqualTo(404);
		assertThat(hant.body()).contains("找不到頁面").doesNotContain("name=\"password\"");

		HttpResponse<String> en = get("/no-such-page?lang=en");
		assertThat(en.statusCode()).isEqualTo(404);
		assertThat(en.body()).contains("Page not found");

		HttpResponse<String> hans = get("/applications/no/such/thing?lang=zh-Hans");
		assertThat(hans.statusCode()).isEqualTo(404);
		assertThat(hans.body()).contains("找不到页面");
	}

	@Test
	void aPageThatNeedsSigningInKeepsTheLanguageOnTheWayToTheSignInPage() throws Exception {
		HttpResponse<String> redirect = get("/applications?lang=zh-Hans");
		assertThat(redirect.statusCode()).isEqualTo(302);
		assertThat(redirect.headers().firstValue("Location").orElseThrow()).endsWith("/login?lang=zh-Hans");

		HttpResponse<String> signIn = get("/login?lang=zh-Hans");
		assertThat(signIn.statusCode()).isEqualTo(200);
		assertThat(signIn.body()).contains("lang=\"zh-Hans\"");

		assertThat(get("/applications").headers().firstValue("Location").orElseThrow()).as("no language asked: none added")
			.endsWith("/login");
		assertThat(get("/applications?lang=").headers().firstValue("Location").orElseThrow()).endsWith("/login");
		assertThat(get("/applications?lang=zh_HK").headers().firstValue("Location").orElseThrow())
			.as("read as the interceptor reads it, written in our own form").endsWith("/login?lang=zh-Hant");
	}

}
