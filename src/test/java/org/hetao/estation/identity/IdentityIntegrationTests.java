package org.hetao.estation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Sign-in, self-registration and the demo accounts. */
@SpringBootTest
@AutoConfigureMockMvc
class IdentityIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void demoAccountsExistWithTheirRolesAndDepartments() {
		assertThat(accounts.findByUsername("admin")).get().extracting(EstationUser::roles).asInstanceOf(
				org.assertj.core.api.InstanceOfAssertFactories.COLLECTION).contains(Role.ADMIN);
		EstationUser customs = accounts.findByUsername("officer-customs").orElseThrow();
		assertThat(customs.roles()).containsExactly(Role.OFFICER);
		assertThat(customs.departmentCode()).isEqualTo("customs");
		assertThat(accounts.findByUsername("applicant-hk").orElseThrow().applicantType())
			.isEqualTo(org.hetao.estation.shared.ApplicantType.HK_RESIDENT);
		assertThat(customs.passwordHash()).startsWith("{bcrypt}");
	}

	@Test
	void demoAccountSignsInWithTheConfiguredPassword() {
		MvcTestResult ok = mvc.post()
			.uri("/login")
			.param("username", "clerk")
			.param("password", "test-Password-2026")
			.with(csrf())
			.exchange();
		// staff go on to the second factor; with the code they are signed in, under a new session id
		assertThat(ok).hasStatus3xxRedirection().hasRedirectedUrl("/account/mfa");
		jakarta.servlet.http.Cookie passwordOnly = ok.getResponse().getCookie("SESSION");
		assertThat(mvc.get().uri("/work-queue").cookie(passwordOnly).exchange()).hasRedirectedUrl("/account/mfa");
		MvcTestResult coded = mvc.post()
			.uri("/account/mfa")
			.cookie(passwordOnly)
			.param("code", org.hetao.estation.support.StaffSignIn.totpNow("clerk"))
			.with(csrf())
			.exchange();
		assertThat(coded).hasStatus3xxRedirection().hasRedirectedUrl("/");
		jakarta.servlet.http.Cookie full = coded.getResponse().getCookie("SESSION");
		assertThat(full.getValue()).isNotEqualTo(passwordOnly.getValue());
		assertThat(mvc.get().uri("/account").cookie(full).exchange()).hasStatusOk();
		// the session id seen before the second factor is worth nothing now
		assertThat(mvc.get().uri("/account").cookie(passwordOnly).exchange().getResponse().getStatus()).isIn(302, 401);
		MvcTestResult wrong = mvc.post()
			.uri("/login")
			.param("username", "clerk")
			.param("password", "wrong")
			.with(csrf())
			.exchange();
		assertThat(wrong).hasRedirectedUrl("/login?error");
	}

	@Test
	void formsWithoutCsrfTokenAreRefused() {
		assertThat(mvc.post().uri("/login").param("username", "clerk").param("password", "test-Password-2026").exchange())
			.hasStatus(403);
	}

	@Test
	void applicantRegistersAndSignsIn() {
		String email = "reg-" + UUID.randomUUID() + "@example.hk";
		MvcTestResult result = mvc.post()
			.uri("/register")
			.param("name", "李小龍")
			.param("email", email)
			.param("phone", "+852 9876 5432")
			.param("password", "a long enough passphrase")
			.param("preferredLanguage", "EN")
			.param("applicantType", "HK_RESIDENT")
			.with(csrf())
			.exchange();
		assertThat(result).hasRedirectedUrl("/login?registered");
		EstationUser user = accounts.findByUsername(email).orElseThrow();
		assertThat(user.roles()).containsExactly(Role.APPLICANT);
		assertThat(user.preferredLanguage()).isEqualTo(org.hetao.estation.shared.Language.EN);
		assertThat(user.passwordHash()).doesNotContain("a long enough passphrase");

		MvcTestResult signIn = mvc.post()
			.uri("/login")
			.param("username", email)
			.param("password", "a long enough passphrase")
			.with(csrf())
			.exchange();
		assertThat(signIn).hasStatus3xxRedirection();
		assertThat(signIn).cookies().hasCookieSatisfying("estation-lang", c -> assertThat(c.getValue()).isEqualTo("en"));

		// a language chosen with the switcher on this browser wins over the account's
		MvcTestResult chosen = mvc.post()
			.uri("/login")
			.param("username", email)
			.param("password", "a long enough passphrase")
			.cookie(new jakarta.servlet.http.Cookie("estation-lang", "zh-Hans"))
			.with(csrf())
			.exchange();
		assertThat(chosen).hasStatus3xxRedirection();
		assertThat(chosen.getResponse().getCookie("estation-lang")).isNull();
	}

	@Test
	void invalidRegistrationShowsEveryFieldErrorInTheUsersLanguageAndStoresNothing() {
		long before = jdbc.sql("select count(*) from account").query(Long.class).single();
		MvcTestResult result = mvc.post()
			.uri("/register")
			.header("Accept-Language", "en")
			.param("name", "")
			.param("email", "not-an-email")
			.param("phone", "call me")
			.param("password", "short")
			.param("preferredLanguage", "EN")
			.param("applicantType", "")
			.with(csrf())
			.exchange();
		assertThat(result).hasStatusOk()
			.bodyText()
			.contains("Enter your name", "right format", "only digits", "12 to 128", "Choose your applicant type");
		assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void registeringAnEmailTwiceIsRefusedClearly() {
		String email = "twice-" + UUID.randomUUID() + "@example.cn";
		for (int i = 0; i < 2; i++) {
			mvc.post()
				.uri("/register")
				.header("Accept-Language", "zh-Hans")
				.param("name", "王五")
				.param("email", email)
				.param("phone", "+86 138 0013 8000")
				.param("password", "another long passphrase")
				.param("preferredLanguage", "ZH_HANS")
				.param("applicantType", "MAINLAND_RESIDENT")
				.with(csrf())
				.exchange();
		}
		assertThat(jdbc.sql("select count(*) from account where email = :e").param("e", email).query(Long.class).single())
			.isEqualTo(1);
	}

}
