package org.hetao.estation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in through a real OpenID Connect provider running in the test (mock-oauth2-server): the whole
 * authorization-code flow over HTTP, first sign-in creating an account, the next finding it again,
 * and a verified e-mail linking to an existing applicant account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcSignInIntegrationTests {

	static final MockOAuth2Server provider = new MockOAuth2Server();

	static {
		provider.start();
	}

	@AfterAll
	static void stopProvider() {
		provider.shutdown();
	}

	@DynamicPropertySource
	static void oidc(DynamicPropertyRegistry registry) {
		registry.add("estation.oidc.issuer-uri", () -> provider.issuerUrl("iamsmart").toString());
		registry.add("estation.oidc.client-id", () -> "estation");
		registry.add("estation.oidc.client-secret", () -> "not-a-real-secret");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	/** Follows the redirects between the platform and the provider like a browser, and ends on the platform. */
	HttpResponse<String> signInAtProvider(String subject, String email, boolean verified) throws Exception {
		provider.enqueueCallback(new DefaultOAuth2TokenCallback("iamsmart", subject, "JWT", List.of("estation"),
				Map.of("email", email, "email_verified", verified, "name", "陳大文", "locale", "zh-Hant"), 3600));
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.ALWAYS)
			.build();
		return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/authorization/external"))
			.header("Accept", "text/html")
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	@Test
	void loginPageOffersTheProvider() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(page.body()).contains("/oauth2/authorization/external", "iAM Smart");
	}

	@Test
	void firstSignInCreatesAnApplicantAccountAndTheNextFindsItAgain() throws Exception {
		String subject = "hk-" + UUID.randomUUID();
		String email = subject + "@example.hk";
		HttpResponse<String> first = signInAtProvider(subject, email, true);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.uri().getPath()).isEqualTo("/");
		assertThat(first.body()).contains("陳大文");

		EstationUser created = accounts.findByUsername(email).orElseThrow();
		assertThat(created.roles()).containsExactly(Role.APPLICANT);

		signInAtProvider(subject, email, true);
		assertThat(jdbc.sql("select count(*) from account_external_identity where subject = :s")
			.param("s", subject)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from account where email = :e").param("e", email).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aVerifiedEmailLinksToTheExistingApplicantButNeverToStaff() throws Exception {
		String subject = "mainland-" + UUID.randomUUID();
		signInAtProvider(subject, "wang.xiaoming@example.cn", true);
		long linkedTo = jdbc.sql("select account_id from account_external_identity where subject = :s")
			.param("s", subject)
			.query(Long.class)
			.single();
		assertThat(linkedTo).isEqualTo(accounts.findByUsername("applicant-mainland").orElseThrow().id());

		String staffSubject = "staff-" + UUID.randomUUID();
		signInAtProvider(staffSubject, "clerk@estation.example", true);
		long staffLink = jdbc.sql("select account_id from account_external_identity where subject = :s")
			.param("s", staffSubject)
			.query(Long.class)
			.single();
		assertThat(staffLink).isNotEqualTo(accounts.findByUsername("clerk").orElseThrow().id());
		assertThat(accounts.findById(staffLink).orElseThrow().roles()).containsExactly(Role.APPLICANT);
	}

}
