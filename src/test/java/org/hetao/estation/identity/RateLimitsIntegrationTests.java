package org.hetao.estation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest(properties = { "estation.rate-limit.sign-in-per-minute=3", "estation.rate-limit.register-per-minute=2" })
@AutoConfigureMockMvc
class RateLimitsIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void signInIsLimitedPerClientWithRetryAfter() {
		for (int i = 0; i < 3; i++) {
			MvcTestResult attempt = mvc.post()
				.uri("/login")
				.param("username", "nobody-" + i)
				.param("password", "whatever it is")
				.with(csrf())
				.with(r -> {
					r.setRemoteAddr("203.0.113.7");
					return r;
				})
				.exchange();
			assertThat(attempt).hasRedirectedUrl("/login?error");
		}
		MvcTestResult limited = mvc.post()
			.uri("/login")
			.param("username", "nobody")
			.param("password", "whatever it is")
			.with(csrf())
			.with(r -> {
				r.setRemoteAddr("203.0.113.7");
				return r;
			})
			.exchange();
		assertThat(limited).hasStatus(429);
		assertThat(limited.getResponse().getHeader("Retry-After")).isNotNull();

		MvcTestResult otherClient = mvc.post()
			.uri("/login")
			.param("username", "nobody")
			.param("password", "whatever it is")
			.with(csrf())
			.with(r -> {
				r.setRemoteAddr("198.51.100.9");
				return r;
			})
			.exchange();
		assertThat(otherClient).hasRedirectedUrl("/login?error");
	}

}
