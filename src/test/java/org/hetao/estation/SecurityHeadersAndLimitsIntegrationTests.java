package org.hetao.estation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The rate limits on registration, submission and the kiosk (sign-in is covered by
 * {@code RateLimitsIntegrationTests}), CSRF on forms, and the security headers: CSP without inline scripts,
 * frame-ancestors, HSTS on HTTPS only, also when a trusted proxy in front says so with {@code X-Forwarded-Proto}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "estation.rate-limit.register-per-minute=2", "estation.rate-limit.submit-per-minute=2",
				"estation.rate-limit.kiosk-per-minute=3",
				// the test's own HTTP client plays the TLS-terminating proxy in front of the platform
				"estation.trusted-proxies=127.0.0.1/32,::1/128" })
@AutoConfigureMockMvc
class SecurityHeadersAndLimitsIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int port;

	static java.util.function.UnaryOperator<org.springframework.mock.web.MockHttpServletRequest> from(String address) {
		return r -> {
			r.setRemoteAddr(address);
			return r;
		};
	}

	@Test
	void registrationIsLimitedPerClient() {
		for (int i = 0; i < 2; i++) {
			assertThat(mvc.post().uri("/register").param("name", "").with(csrf()).with(from("203.0.113.21")::apply))
				.hasStatus(200);
		}
		MvcTestResult limited = mvc.post().uri("/register").param("name", "").with(csrf()).with(from("203.0.113.21")::apply)
			.exchange();
		assertThat(limited).hasStatus(429);
		assertThat(limited.getResponse().getHeader("Retry-After")).isNotNull();
		assertThat(mvc.post().uri("/register").param("name", "").with(csrf()).with(from("203.0.113.22")::apply)).hasStatus(200);
	}

	@Test
	void submissionIsLimitedPerClientOnTheApiAndTheDraftForm() {
		EstationUser applicant = accounts.findByUsername("applicant-mainland").orElseThrow();
		EstationUser other = accounts.findByUsername("applicant-hk").orElseThrow();
		for (int i = 0; i < 2; i++) {
			assertThat(mvc.post()
				.uri("/api/v1/applications")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.with(user(applicant))
				.with(from("203.0.113.50")::apply)).hasStatus(400);
		}
		assertThat(mvc.post()
			.uri("/api/v1/applications")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.with(user(applicant))
			.with(from("203.0.113.50")::apply)).hasStatus(429);
		// the draft form's submit shares the limit
		assertThat(mvc.post().uri("/applications/drafts/999999999/submit").with(user(applicant)).with(csrf())
			.with(from("203.0.113.50")::apply)).hasStatus(429);
		assertThat(mvc.post().uri("/applications/drafts/999999999/submit").with(user(other)).with(csrf())
			.with(from("203.0.113.51")::apply)).hasStatus(404);
	}

	@Test
	void theKioskIsLimitedPerClientAcrossItsPageAndTheApi() {
		String kiosk = "203.0.113.33";
		assertThat(mvc.post().uri("/hall/kiosk/tickets").param("category", "D").with(csrf()).with(from(kiosk)::apply))
			.hasStatus3xxRedirection();
		assertThat(mvc.post().uri("/hall/kiosk/check-in").param("code", "ZZZZ2222").with(csrf()).with(from(kiosk)::apply)
			.exchange()
			.getResponse()
			.getStatus()).isNotEqualTo(429);
		assertThat(mvc.post().uri("/hall/kiosk/tickets").param("category", "D").with(csrf()).with(from(kiosk)::apply))
			.hasStatus3xxRedirection();
		assertThat(mvc.post().uri("/hall/kiosk/tickets").param("category", "D").with(csrf()).with(from(kiosk)::apply))
			.hasStatus(429);
		assertThat(mvc.post()
			.uri("/api/v1/hall/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"D\"}")
			.with(from("203.0.113.34")::apply)).hasStatus(201);
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() {
		EstationUser applicant = accounts.findByUsername("applicant-hk").orElseThrow();
		assertThat(mvc.post().uri("/register").param("name", "x").with(from("203.0.113.40")::apply)).hasStatus(403);
		assertThat(mvc.post().uri("/consultations").param("question", "x").with(user(applicant))).hasStatus(403);
		assertThat(mvc.post().uri("/account/sign-out-everywhere").with(user(applicant))).hasStatus(403);
		assertThat(mvc.post().uri("/hall/kiosk/tickets").param("category", "D").with(from("203.0.113.41")::apply)).hasStatus(403);
	}

	@Test
	void pagesAndApisCarryTheSecurityHeadersAndHstsOnlyOnHttps() {
		for (String uri : new String[] { "/", "/catalog", "/api/v1/catalog/themes", "/hall/kiosk" }) {
			MvcTestResult result = mvc.get().uri(uri).exchange();
			String csp = result.getResponse().getHeader("Content-Security-Policy");
			assertThat(csp).as(uri).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
				.doesNotContain("unsafe-inline", "unsafe-eval");
			assertThat(result.getResponse().getHeader("X-Frame-Options")).as(uri).isEqualTo("DENY");
			assertThat(result.getResponse().getHeader("X-Content-Type-Options")).as(uri).isEqualTo("nosniff");
			assertThat(result.getResponse().getHeader("Strict-Transport-Security")).as(uri + " over http").isNull();
		}
		MvcTestResult secure = mvc.get().uri("/").secure(true).exchange();
		assertThat(secure.getResponse().getHeader("Strict-Transport-Security")).contains("max-age=31536000",
				"includeSubDomains");
	}

	@Test
	void behindAProxyThatTerminatesTlsHstsIsSent() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		{
			HttpResponse<Void> plain = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/catalog"))
				.build(), HttpResponse.BodyHandlers.discarding());
			assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
			HttpResponse<Void> proxied = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/catalog"))
				.header("X-Forwarded-Proto", "https")
				.build(), HttpResponse.BodyHandlers.discarding());
			assertThat(proxied.statusCode()).isEqualTo(200);
			assertThat(proxied.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v)
				.contains("max-age=31536000"));
		}
	}

}
