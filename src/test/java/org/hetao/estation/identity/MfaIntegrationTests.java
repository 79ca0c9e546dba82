package org.hetao.estation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.hetao.estation.audit.AuditEntry;
import org.hetao.estation.audit.AuditLog;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The staff second factor with the production settings: a code is never accepted twice, and staff cannot
 * use HTTP Basic. Each test creates its own staff accounts.
 */
@SpringBootTest(properties = { "estation.mfa.replay-protection=true", "estation.mfa.staff-http-basic=false" })
@AutoConfigureMockMvc
class MfaIntegrationTests {

	static final String PASSWORD = "a long staff passphrase";

	static final Pattern RECOVERY_CODE = Pattern.compile("class=\"recovery-code\">([a-z2-9]{5}-[a-z2-9]{5})<");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	SecondFactor secondFactor;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog auditLog;

	EstationUser newStaff(Role role) {
		String username = "mfa-" + role.name().toLowerCase() + "-" + UUID.randomUUID();
		long id = accounts.create(new Accounts.NewAccount(username, passwordEncoder.encode(PASSWORD), "MFA test",
				username + "@estation.example", null, Language.EN, null, role == Role.OFFICER ? "tax" : null,
				Set.of(role)));
		return accounts.findById(id).orElseThrow();
	}

	/** A staff account with a known secret (as an administrator would see after enrolment). */
	String enrolled(EstationUser staff) {
		String secret = secondFactor.newSecret();
		secondFactor.enrolWithKnownSecret(staff.id(), secret);
		return secret;
	}

	MvcTestResult signIn(String username) {
		return mvc.post().uri("/login").param("username", username).param("password", PASSWORD).with(csrf()).exchange();
	}

	MvcTestResult code(Cookie session, String code) {
		return mvc.post().uri("/account/mfa").cookie(session).param("code", code).with(csrf()).exchange();
	}

	/** Wrong second-factor codes in a row (SignInThrottle keeps them; 0 when there are none). */
	int failedAttempts(EstationUser staff) {
		return jdbc.sql("select failures from sign_in_throttle where subject = :s")
			.param("s", "mfa:" + staff.id())
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	List<AuditEntry> audited(String action, String username) {
		auditLog.flush();
		return auditLog.latest(500).stream().filter(e -> e.action().equals(action))
			.filter(e -> e.details() != null && e.details().contains(username))
			.toList();
	}

	@Test
	void staffWithoutSecondFactorEnrolAndGetTenRecoveryCodesShownOnce() throws Exception {
		EstationUser clerk = newStaff(Role.CLERK);
		MvcTestResult signedIn = signIn(clerk.getUsername());
		assertThat(signedIn).hasRedirectedUrl("/account/mfa/enrol");
		Cookie passwordOnly = signedIn.getResponse().getCookie("SESSION");
		// nothing else works yet
		assertThat(mvc.get().uri("/window").cookie(passwordOnly).exchange()).hasRedirectedUrl("/account/mfa/enrol");
		assertThat(mvc.get().uri("/account/mfa").cookie(passwordOnly).exchange()).hasRedirectedUrl("/account/mfa/enrol");

		MvcTestResult page = mvc.get().uri("/account/mfa/enrol").cookie(passwordOnly).exchange();
		assertThat(page).hasStatusOk();
		String html = page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(html).contains("otpauth://totp/").contains("<svg").contains("id=\"totp-secret\"");
		Matcher m = Pattern.compile("secret=([A-Z2-7]{32})").matcher(html);
		assertThat(m.find()).isTrue();
		String secret = m.group(1);

		MvcTestResult wrong = mvc.post().uri("/account/mfa/enrol").cookie(passwordOnly).param("code", "000000").with(csrf()).exchange();
		assertThat(wrong).hasStatusOk();
		assertThat(wrong.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("aria-invalid=\"true\"");
		assertThat(secondFactor.enrolled(clerk.id())).isFalse();

		MvcTestResult confirmed = mvc.post()
			.uri("/account/mfa/enrol")
			.cookie(passwordOnly)
			.param("code", Totp.code(secret, Instant.now()))
			.with(csrf())
			.exchange();
		assertThat(confirmed).hasStatusOk();
		String codesPage = confirmed.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		List<String> codes = new ArrayList<>();
		Matcher c = RECOVERY_CODE.matcher(codesPage);
		while (c.find()) {
			codes.add(c.group(1));
		}
		assertThat(codes).hasSize(10).doesNotHaveDuplicates();
		assertThat(secondFactor.enrolled(clerk.id())).isTrue();
		List<String> hashes = jdbc.sql("select code_hash from account_recovery_code where account_id = :a")
			.param("a", clerk.id())
			.query(String.class)
			.list();
		assertThat(hashes).hasSize(10).doesNotContainAnyElementsOf(codes).allSatisfy(h -> assertThat(h).hasSize(64));
		assertThat(jdbc.sql("select secret from account_totp where account_id = :a").param("a", clerk.id())
			.query(String.class).single()).as("the TOTP secret is encrypted at rest").startsWith("v1:");
		// signed in now, under a new session id
		Cookie full = confirmed.getResponse().getCookie("SESSION");
		assertThat(full.getValue()).isNotEqualTo(passwordOnly.getValue());
		assertThat(mvc.get().uri("/account").cookie(full).exchange()).hasStatusOk();
		// enrolment cannot be repeated over the top of a working second factor
		assertThat(mvc.get().uri("/account/mfa/enrol").cookie(full).exchange()).hasRedirectedUrl("/account");
		assertThat(audited("identity.SecondFactorEnrolled", clerk.getUsername())).hasSize(1);
	}

	@Test
	void aWrongCodeIsRefusedCountedAndTheRightOneWorksOnlyOnce() throws Exception {
		EstationUser officer = newStaff(Role.OFFICER);
		String secret = enrolled(officer);
		MvcTestResult signedIn = signIn(officer.getUsername());
		assertThat(signedIn).hasRedirectedUrl("/account/mfa");
		Cookie session = signedIn.getResponse().getCookie("SESSION");

		String right = Totp.code(secret, Instant.now());
		String wrongCode = right.equals("123456") ? "654321" : "123456";
		MvcTestResult wrong = code(session, wrongCode);
		assertThat(wrong).hasStatusOk();
		assertThat(wrong.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("code-error");
		assertThat(failedAttempts(officer)).isEqualTo(1);
		assertThat(mvc.get().uri("/work-queue").cookie(session).exchange()).hasRedirectedUrl("/account/mfa");

		MvcTestResult passed = code(session, right);
		assertThat(passed).hasRedirectedUrl("/");
		assertThat(failedAttempts(officer)).isZero();
		Cookie full = passed.getResponse().getCookie("SESSION");
		assertThat(mvc.get().uri("/work-queue").cookie(full).exchange()).hasStatusOk();

		// the same code in a second sign-in (someone who watched it being typed): refused
		Cookie second = signIn(officer.getUsername()).getResponse().getCookie("SESSION");
		assertThat(code(second, right)).hasStatusOk();
		assertThat(mvc.get().uri("/work-queue").cookie(second).exchange()).hasRedirectedUrl("/account/mfa");
		assertThat(audited("identity.SecondFactorFailed", officer.getUsername())).hasSize(2);
		assertThat(audited("identity.SecondFactorVerified", officer.getUsername())).hasSize(1)
			.allSatisfy(e -> assertThat(e.details()).contains("TOTP"));
	}

	/** #21: five wrong codes used to lock the account (anyone with the password could lock its owner out). */
	@Test
	void wrongCodesPauseTheNextCodeEvenBetweenRightPasswordsButNeverLock() throws Exception {
		EstationUser clerk = newStaff(Role.CLERK);
		String secret = enrolled(clerk);
		Cookie session = signIn(clerk.getUsername()).getResponse().getCookie("SESSION");
		for (int i = 0; i < 3; i++) {
			assertThat(code(session, "00000" + i)).hasStatusOk();
		}
		// a right password does not clear the count: only the second factor does
		session = signIn(clerk.getUsername()).getResponse().getCookie("SESSION");
		assertThat(failedAttempts(clerk)).isEqualTo(3);
		// the next code waits, even the right one; the account is not locked
		MvcTestResult paused = code(session, Totp.code(secret, Instant.now()));
		assertThat(paused).hasStatusOk();
		assertThat(paused.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("code-error");
		assertThat(mvc.get().uri("/work-queue").cookie(session).exchange()).hasRedirectedUrl("/account/mfa");
		assertThat(failedAttempts(clerk)).isEqualTo(3);
		assertThat(accounts.findById(clerk.id()).orElseThrow().isAccountNonLocked()).isTrue();
		assertThat(signIn(clerk.getUsername())).hasRedirectedUrl("/account/mfa");
	}

	@org.springframework.beans.factory.annotation.Value("${estation.crypto.keys.test1}")
	String key1;

	@org.springframework.beans.factory.annotation.Value("${estation.crypto.keys.test2}")
	String key2;

	@org.springframework.beans.factory.annotation.Value("${estation.crypto.blind-index-key}")
	String blindKey;

	@Autowired
	org.hetao.estation.privacy.KeyRotation rotation;

	/**
	 * TOTP secrets are personal-data ciphertext (#21): a secret stored before encryption (plain Base32) is encrypted
	 * by the rotation job, and every secret moves to the new key with the rest; the codes keep working.
	 */
	@Test
	void totpSecretsAreEncryptedAndRotatedWithThePersonalDataKeys() {
		EstationUser clerk = newStaff(Role.CLERK);
		String secret = secondFactor.newSecret();
		jdbc.sql("insert into account_totp (account_id, secret, enrolled_at) values (:a, :s, current_timestamp)")
			.param("a", clerk.id())
			.param("s", secret)
			.update();
		var decoder = java.util.Base64.getDecoder();
		var rotated = new org.hetao.estation.privacy.AesGcmPersonalDataCipher(
				java.util.Map.of("test1", decoder.decode(key1), "test2", decoder.decode(key2)), "test2",
				decoder.decode(blindKey));
		var report = rotation.rotate(rotated, 50);
		assertThat(report.failed()).isZero();
		assertThat(report.rewritten().get("account_totp.secret")).isPositive();
		String stored = jdbc.sql("select secret from account_totp where account_id = :a").param("a", clerk.id())
			.query(String.class).single();
		assertThat(stored).startsWith("v1:test2:").doesNotContain(secret);
		assertThat(secondFactor.verify(clerk, Totp.code(secret, Instant.now()))).isEqualTo(SecondFactor.Outcome.PASSED);
	}

	@Test
	void aRecoveryCodeWorksOnceAndNewCodesReplaceTheOldOnes() throws Exception {
		EstationUser supervisor = newStaff(Role.SUPERVISOR);
		String secret = secondFactor.newSecret();
		List<String> codes = secondFactor.enrol(supervisor, secret, Totp.code(secret, Instant.now()));
		assertThat(codes).hasSize(SecondFactor.RECOVERY_CODES);

		Cookie session = signIn(supervisor.getUsername()).getResponse().getCookie("SESSION");
		MvcTestResult passed = code(session, codes.get(0).toUpperCase());
		assertThat(passed).hasRedirectedUrl("/");
		assertThat(secondFactor.recoveryCodesLeft(supervisor.id())).isEqualTo(9);
		assertThat(audited("identity.SecondFactorVerified", supervisor.getUsername()))
			.anySatisfy(e -> assertThat(e.details()).contains("RECOVERY_CODE"));

		Cookie again = signIn(supervisor.getUsername()).getResponse().getCookie("SESSION");
		assertThat(code(again, codes.get(0))).hasStatusOk();
		assertThat(mvc.get().uri("/supervision").cookie(again).exchange()).hasRedirectedUrl("/account/mfa");

		// new codes from the account page: shown once, the old ones stop working
		Cookie full = passed.getResponse().getCookie("SESSION");
		MvcTestResult regenerated = mvc.post().uri("/account/recovery-codes").cookie(full).with(csrf()).exchange();
		assertThat(regenerated).hasStatusOk();
		Matcher m = RECOVERY_CODE.matcher(regenerated.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(m.find()).isTrue();
		String fresh = m.group(1);
		assertThat(secondFactor.recoveryCodesLeft(supervisor.id())).isEqualTo(10);
		Cookie third = signIn(supervisor.getUsername()).getResponse().getCookie("SESSION");
		assertThat(code(third, codes.get(1))).hasStatusOk();
		assertThat(code(third, fresh)).hasRedirectedUrl("/");
		assertThat(audited("identity.RecoveryCodesRegenerated", supervisor.getUsername())).hasSize(1);
	}

	@Test
	void anAdministratorResetsASecondFactorAndOthersCannot() throws Exception {
		EstationUser clerk = newStaff(Role.CLERK);
		enrolled(clerk);
		EstationUser admin = newStaff(Role.ADMIN);
		EstationUser supervisor = newStaff(Role.SUPERVISOR);
		assertThat(mvc.post().uri("/admin/second-factor/reset").param("username", clerk.getUsername())
			.with(user(supervisor)).with(csrf()).exchange()).hasStatus(403);
		assertThat(mvc.get().uri("/admin/second-factor").with(user(clerk)).exchange()).hasStatus(403);
		assertThat(secondFactor.enrolled(clerk.id())).isTrue();

		MvcTestResult unknown = mvc.post().uri("/admin/second-factor/reset").param("username", "nobody-" + UUID.randomUUID())
			.with(user(admin)).with(csrf()).exchange();
		assertThat(unknown).hasStatusOk();
		assertThat(unknown.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("username-error");
		// an applicant has no second factor to remove; a blank name is refused too
		for (String refused : List.of("applicant-hk", " ")) {
			MvcTestResult notStaff = mvc.post().uri("/admin/second-factor/reset").param("username", refused)
				.with(user(admin)).with(csrf()).exchange();
			assertThat(notStaff).hasStatusOk();
			assertThat(notStaff.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).as(refused)
				.contains("username-error");
		}

		assertThat(signIn(clerk.getUsername()).getResponse().getCookie("SESSION")).isNotNull();
		String sessionsOfClerk = "select count(*) from spring_session where principal_name = :p";
		assertThat(jdbc.sql(sessionsOfClerk).param("p", clerk.getUsername()).query(Integer.class).single()).isPositive();
		assertThat(mvc.post().uri("/admin/second-factor/reset").param("username", clerk.getUsername())
			.with(user(admin)).with(csrf()).exchange()).hasRedirectedUrl("/admin/second-factor");
		assertThat(jdbc.sql(sessionsOfClerk).param("p", clerk.getUsername()).query(Integer.class).single())
			.as("whoever held the clerk's sessions is signed out").isZero();
		assertThat(secondFactor.enrolled(clerk.id())).isFalse();
		assertThat(jdbc.sql("select count(*) from account_recovery_code where account_id = :a").param("a", clerk.id())
			.query(Integer.class).single()).isZero();
		assertThat(audited("identity.SecondFactorReset", clerk.getUsername())).singleElement()
			.satisfies(e -> assertThat(e.details()).contains(admin.getUsername()));
		// next sign-in: enrol again
		assertThat(signIn(clerk.getUsername())).hasRedirectedUrl("/account/mfa/enrol");
	}

	@Test
	void aPasswordOnlyStaffSessionReachesNoStaffPageOrApi() throws Exception {
		EstationUser admin = newStaff(Role.ADMIN);
		enrolled(admin);
		Cookie passwordOnly = signIn(admin.getUsername()).getResponse().getCookie("SESSION");
		for (String page : List.of("/", "/account", "/window", "/work-queue", "/supervision", "/hall/manager",
				"/admin/audit", "/admin/catalog", "/admin/second-factor", "/applications", "/inbox")) {
			assertThat(mvc.get().uri(page).cookie(passwordOnly).exchange()).as(page).hasRedirectedUrl("/account/mfa");
		}
		assertThat(mvc.post().uri("/account/recovery-codes").cookie(passwordOnly).with(csrf()).exchange())
			.hasRedirectedUrl("/account/mfa");
		for (String api : List.of("/api/v1/admin/audit/verify", "/api/v1/consultations", "/api/v1/applications")) {
			MvcTestResult result = mvc.get().uri(api).cookie(passwordOnly).exchange();
			assertThat(result).as(api).hasStatus(401);
			assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
			assertThat(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
				.contains("\"status\":401");
		}
		// the public read-only API answers as it answers anyone signed out: it never looks at a session
		assertThat(mvc.get().uri("/api/v1/catalog/items").cookie(passwordOnly).exchange()).hasStatusOk();
		// htmx fragments are refused, not redirected (a redirect would paste the code page into the page)
		assertThat(mvc.get().uri("/inbox").header("HX-Request", "true").cookie(passwordOnly).exchange()).hasStatus(401);
		// staff cannot skip the second factor with HTTP Basic; applicants still can
		MvcTestResult basic = mvc.get().uri("/api/v1/admin/audit/verify").with(httpBasic(admin.getUsername(), PASSWORD)).exchange();
		assertThat(basic).hasStatus(401);
		assertThat(basic.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(mvc.get().uri("/api/v1/consultations").with(httpBasic("applicant-hk", "test-Password-2026")).exchange())
			.hasStatusOk();
	}

	@Test
	void applicantsAreNotAskedForASecondFactor() throws Exception {
		assertThat(mvc.post().uri("/login").param("username", "applicant-mainland").param("password", "test-Password-2026")
			.with(csrf()).exchange()).hasRedirectedUrl("/");
	}

}
