package org.hetao.estation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Security headers, lock-out, password rules at registration, and signing out everywhere. */
@SpringBootTest
@AutoConfigureMockMvc
class AccountSecurityIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	FindByIndexNameSessionRepository<? extends Session> sessions;

	String register(String password) {
		String email = "sec-" + UUID.randomUUID() + "@example.hk";
		MvcTestResult result = mvc.post()
			.uri("/register")
			.header("Accept-Language", "en")
			.param("name", "Test Person")
			.param("email", email)
			.param("phone", "+852 9000 0000")
			.param("password", password)
			.param("preferredLanguage", "EN")
			.param("applicantType", "HK_RESIDENT")
			.with(csrf())
			.exchange();
		return result.getResponse().getStatus() == 302 ? email : null;
	}

	MvcTestResult signIn(String username, String password) {
		return mvc.post().uri("/login").param("username", username).param("password", password).with(csrf()).exchange();
	}

	@Test
	void pagesCarryAStrictContentSecurityPolicy() {
		MvcTestResult result = mvc.get().uri("/login").exchange();
		String csp = result.getResponse().getHeader("Content-Security-Policy");
		assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
			.doesNotContain("unsafe-inline", "unsafe-eval");
		assertThat(result.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void aCommonPasswordIsRefusedAtRegistrationWithAClearMessage() {
		MvcTestResult result = mvc.post()
			.uri("/register")
			.header("Accept-Language", "en")
			.param("name", "Test Person")
			.param("email", "weak-" + UUID.randomUUID() + "@example.hk")
			.param("phone", "+852 9000 0000")
			.param("password", "password2026")
			.param("preferredLanguage", "EN")
			.param("applicantType", "HK_RESIDENT")
			.with(csrf())
			.exchange();
		assertThat(result).hasStatusOk().bodyText().contains("commonly used");
	}

	@Test
	void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
		String email = register("a long enough passphrase");
		assertThat(email).isNotNull();
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(email, "wrong guess " + i)).hasRedirectedUrl("/login?error");
		}
		assertThat(signIn(email, "a long enough passphrase")).hasRedirectedUrl("/login?locked");
	}

	@Test
	void aSuccessfulSignInResetsTheFailureCount() {
		String email = register("another long passphrase");
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 4; i++) {
				signIn(email, "wrong guess " + i);
			}
			assertThat(signIn(email, "another long passphrase")).hasRedirectedUrl("/");
		}
	}

	@Test
	void signingOutEverywhereEndsEverySessionOfThatPerson() {
		String email = register("a third long passphrase");
		Cookie first = signIn(email, "a third long passphrase").getResponse().getCookie("SESSION");
		Cookie second = signIn(email, "a third long passphrase").getResponse().getCookie("SESSION");
		assertThat(first).isNotNull();
		assertThat(second).isNotNull();
		assertThat(sessions.findByPrincipalName(email)).hasSize(2);

		assertThat(mvc.get().uri("/account").cookie(first).exchange()).hasStatusOk().bodyText().contains(email);
		assertThat(mvc.post().uri("/account/sign-out-everywhere").cookie(first).with(csrf()).exchange())
			.hasRedirectedUrl("/login?signedOutEverywhere");

		assertThat(sessions.findByPrincipalName(email)).isEmpty();
		assertThat(mvc.get().uri("/account").cookie(second).accept(org.springframework.http.MediaType.TEXT_HTML).exchange())
			.hasStatus3xxRedirection();
	}

	@Test
	void changingTheApplicantTypeTakesEffectInTheSessionAtOnce() {
		String email = register("a fourth long passphrase");
		Cookie session = signIn(email, "a fourth long passphrase").getResponse().getCookie("SESSION");
		assertThat(mvc.post().uri("/account/applicant-type").param("applicantType", "HK_ENTERPRISE").cookie(session)
			.with(csrf()).exchange()).hasRedirectedUrl("/account?saved");
		assertThat(mvc.get().uri("/account").cookie(session).header("Accept-Language", "en").exchange()).hasStatusOk()
			.bodyText()
			.contains("<option value=\"HK_ENTERPRISE\" selected=\"selected\">Hong Kong enterprise</option>");
	}

}
