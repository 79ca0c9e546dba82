package org.hetao.estation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;

import org.hetao.estation.audit.AuditLog;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Password reset by e-mail, received by an in-process GreenMail SMTP server. */
@SpringBootTest(properties = "estation.rate-limit.password-reset-per-minute=3")
@AutoConfigureMockMvc
class PasswordResetIntegrationTests {

	static final int PORT = freePort();

	static final String OLD_PASSWORD = "an old forgotten passphrase";

	static final String NEW_PASSWORD = "a brand new river stone";

	/** The public address: redirects are made absolute with it (never with the request's Host, #21). */
	static final String BASE = "https://estation.example";

	static final Pattern LINK = Pattern.compile("https://estation\\.example/password-reset/([A-Za-z0-9_-]{43})");

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
		registry.add("estation.notification.base-url", () -> "https://estation.example");
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

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

	@Autowired
	AccountMail accountMail;

	/** Each request from its own address, so the per-address rate limit (3 a minute here) stays out of the way. */
	static RequestPostProcessor fromSomewhere() {
		String address = "10." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256)
				+ "." + ThreadLocalRandom.current().nextInt(1, 255);
		return r -> {
			r.setRemoteAddr(address);
			return r;
		};
	}

	EstationUser newAccount(Set<Role> roles) {
		String username = "reset-" + UUID.randomUUID();
		boolean staff = roles.stream().anyMatch(Role::isStaff);
		long id = accounts.create(new Accounts.NewAccount(username, passwordEncoder.encode(OLD_PASSWORD), "Reset Tester",
				username + "@example.hk", "+852 9123 4567", Language.EN, staff ? null : ApplicantType.HK_RESIDENT, null,
				roles));
		return accounts.findById(id).orElseThrow();
	}

	static String email(EstationUser account) {
		return account.getUsername() + "@example.hk";
	}

	/** The mails to an address, once at least {@code count} have arrived (they are sent in the background). */
	static List<MimeMessage> awaitMail(String address, int count) throws Exception {
		return awaitMail(address, count, 20_000);
	}

	static List<MimeMessage> awaitMail(String address, int count, long millis) throws Exception {
		long until = System.currentTimeMillis() + millis;
		List<MimeMessage> mails = mailTo(address);
		while (mails.size() < count && System.currentTimeMillis() < until) {
			Thread.sleep(100);
			mails = mailTo(address);
		}
		Thread.sleep(300);
		return mailTo(address);
	}

	static List<MimeMessage> mailTo(String address) throws Exception {
		List<MimeMessage> mine = new ArrayList<>();
		for (MimeMessage m : smtp.getReceivedMessages()) {
			if (m.getAllRecipients() != null && m.getAllRecipients()[0].toString().equals(address)) {
				mine.add(m);
			}
		}
		return mine;
	}

	MvcTestResult ask(String account) {
		return mvc.post().uri("/password-reset").param("account", account).with(csrf()).with(fromSomewhere()).exchange();
	}

	MvcTestResult choose(String token, String password, String confirmation) {
		return mvc.post()
			.uri("/password-reset/{t}", token)
			.param("password", password)
			.param("confirmation", confirmation)
			.with(csrf())
			.with(fromSomewhere())
			.exchange();
	}

	MvcTestResult signIn(String username, String password) {
		return mvc.post().uri("/login").param("username", username).param("password", password).with(csrf()).exchange();
	}

	/** The token of the one reset e-mail sent to this account. */
	String tokenFromTheEmail(EstationUser account) throws Exception {
		List<MimeMessage> mails = awaitMail(email(account), 1);
		assertThat(mails).hasSize(1);
		String body = GreenMailUtil.getBody(mails.get(0));
		Matcher m = LINK.matcher(body.replace("=\r\n", ""));
		assertThat(m.find()).as(body).isTrue();
		return m.group(1);
	}

	static String html(MvcTestResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void theLinkInTheEmailSetsANewPasswordOnceAndEndsEverySession() throws Exception {
		EstationUser account = newAccount(Set.of(Role.APPLICANT));
		Cookie before = signIn(account.getUsername(), OLD_PASSWORD).getResponse().getCookie("SESSION");
		assertThat(mvc.get().uri("/account").cookie(before).exchange()).hasStatusOk();

		assertThat(ask(email(account).toUpperCase())).hasRedirectedUrl(BASE + "/password-reset?sent");
		String token = tokenFromTheEmail(account);
		assertThat(mailTo(email(account)).get(0).getSubject()).contains("Reset your password");
		// at rest only the hash: no column holds the token itself
		List<String> hashes = jdbc.sql("select token_hash from password_reset_token where account_id = :a")
			.param("a", account.id())
			.query(String.class)
			.list();
		assertThat(hashes).containsExactly(SecondFactor.sha256(token));
		assertThat(jdbc.sql("select count(*) from notification where body like :t or link like :t")
			.param("t", "%" + token + "%").query(Integer.class).single()).isZero();

		assertThat(mvc.get().uri("/password-reset/{t}", token).exchange()).hasStatusOk();
		// the policy applies, with field errors and nothing changed
		MvcTestResult common = choose(token, "password1234", "password1234");
		assertThat(common).hasStatus(422);
		assertThat(html(common)).contains("password-error").contains("aria-invalid=\"true\"");
		MvcTestResult mismatch = choose(token, NEW_PASSWORD, NEW_PASSWORD + "!");
		assertThat(mismatch).hasStatus(422);
		assertThat(html(mismatch)).contains("confirmation-error");
		assertThat(signIn(account.getUsername(), OLD_PASSWORD)).hasRedirectedUrl(BASE + "/");

		assertThat(choose(token, NEW_PASSWORD, NEW_PASSWORD)).hasRedirectedUrl(BASE + "/login?passwordReset");
		assertThat(signIn(account.getUsername(), NEW_PASSWORD)).hasRedirectedUrl(BASE + "/");
		assertThat(signIn(account.getUsername(), OLD_PASSWORD)).hasRedirectedUrl(BASE + "/login?error");
		// every session that existed before the reset is gone
		assertThat(mvc.get().uri("/account").cookie(before).exchange().getResponse().getStatus()).isIn(302, 401);
		// single use
		assertThat(mvc.get().uri("/password-reset/{t}", token).exchange()).hasStatus(404);
		MvcTestResult again = choose(token, "yet another fine passphrase", "yet another fine passphrase");
		assertThat(again).hasStatus(404);
		assertThat(html(again)).contains("reset-invalid");
		assertThat(signIn(account.getUsername(), "yet another fine passphrase")).hasRedirectedUrl(BASE + "/login?error");

		auditLog.flush();
		assertThat(auditLog.latest(300)).filteredOn(e -> e.details() != null && e.details().contains(account.getUsername()))
			.extracting(e -> e.action())
			.contains("identity.PasswordResetRequested", "identity.PasswordResetCompleted");
		assertThat(auditLog.latest(300)).noneSatisfy(e -> assertThat(String.valueOf(e.details())).contains(token));
	}

	@Test
	void anUnknownAccountGetsTheSameAnswerAndNoMail() throws Exception {
		EstationUser known = newAccount(Set.of(Role.APPLICANT));
		String unknown = "nobody-" + UUID.randomUUID() + "@example.hk";
		int tokensBefore = jdbc.sql("select count(*) from password_reset_token").query(Integer.class).single();
		MvcTestResult forUnknown = ask(unknown);
		MvcTestResult forKnown = ask(known.getUsername());
		assertThat(forUnknown).hasStatus(302).hasRedirectedUrl(BASE + "/password-reset?sent");
		assertThat(forKnown).hasStatus(302).hasRedirectedUrl(BASE + "/password-reset?sent");
		assertThat(awaitMail(email(known), 1)).hasSize(1);
		assertThat(mailTo(unknown)).isEmpty();
		assertThat(jdbc.sql("select count(*) from password_reset_token").query(Integer.class).single())
			.isEqualTo(tokensBefore + 1);
		// a blank field is a field error on the page, not a silent success
		MvcTestResult blank = ask(" ");
		assertThat(blank).hasStatusOk();
		assertThat(html(blank)).contains("account-error");
	}

	/**
	 * #21: an existing account was answered about 1.5 ms slower, as the request looked it up and stored its token.
	 * Now the request only hands the name to the background: with the background held, the answer comes and nothing
	 * about the account has been done yet.
	 */
	@Test
	void askingDoesNoWorkAboutTheAccountWhileAnswering() throws Exception {
		EstationUser account = newAccount(Set.of(Role.APPLICANT));
		java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
		accountMail.later(() -> {
			try {
				hold.await(20, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		});
		try {
			assertThat(ask(email(account))).hasRedirectedUrl(BASE + "/password-reset?sent");
			assertThat(tokensOf(account)).isZero();
		}
		finally {
			hold.countDown();
		}
		assertThat(awaitMail(email(account), 1)).hasSize(1);
		assertThat(tokensOf(account)).isEqualTo(1);
	}

	int tokensOf(EstationUser account) {
		return jdbc.sql("select count(*) from password_reset_token where account_id = :a")
			.param("a", account.id())
			.query(Integer.class)
			.single();
	}

	@Test
	void anExpiredOrUnknownLinkDoesNothing() throws Exception {
		EstationUser account = newAccount(Set.of(Role.APPLICANT));
		String token = "expired-" + UUID.randomUUID() + "-token-abcdefgh";
		Instant created = Instant.now().minusSeconds(31 * 60);
		jdbc.sql("""
				insert into password_reset_token (account_id, token_hash, created_at, expires_at)
				values (:a, :h, :c, :e)""")
			.param("a", account.id())
			.param("h", SecondFactor.sha256(token))
			.param("c", OffsetDateTime.ofInstant(created, ZoneOffset.UTC))
			.param("e", OffsetDateTime.ofInstant(created.plusSeconds(30 * 60), ZoneOffset.UTC))
			.update();
		assertThat(mvc.get().uri("/password-reset/{t}", token).exchange()).hasStatus(404);
		assertThat(choose(token, NEW_PASSWORD, NEW_PASSWORD)).hasStatus(404);
		assertThat(choose("made-up-token-" + UUID.randomUUID(), NEW_PASSWORD, NEW_PASSWORD)).hasStatus(404);
		assertThat(signIn(account.getUsername(), OLD_PASSWORD)).hasRedirectedUrl(BASE + "/");
		assertThat(signIn(account.getUsername(), NEW_PASSWORD)).hasRedirectedUrl(BASE + "/login?error");
	}

	@Test
	void staffKeepTheirSecondFactorAfterAReset() throws Exception {
		EstationUser clerk = newAccount(Set.of(Role.CLERK));
		secondFactor.enrolWithKnownSecret(clerk.id(), secondFactor.newSecret());
		ask(clerk.getUsername());
		String token = tokenFromTheEmail(clerk);
		assertThat(choose(token, NEW_PASSWORD, NEW_PASSWORD)).hasRedirectedUrl(BASE + "/login?passwordReset");
		assertThat(secondFactor.enrolled(clerk.id())).isTrue();
		assertThat(signIn(clerk.getUsername(), NEW_PASSWORD)).hasRedirectedUrl(BASE + "/account/mfa");
	}

	@Test
	void askingIsLimitedPerAddressAndPerAccount() throws Exception {
		EstationUser account = newAccount(Set.of(Role.APPLICANT));
		for (int i = 0; i < 3; i++) {
			MvcTestResult asked = mvc.post().uri("/password-reset").param("account", account.getUsername()).with(csrf())
				.with(r -> {
					r.setRemoteAddr("203.0.113.44");
					return r;
				}).exchange();
			assertThat(asked).hasRedirectedUrl(BASE + "/password-reset?sent");
		}
		MvcTestResult limited = mvc.post().uri("/password-reset").param("account", account.getUsername()).with(csrf())
			.with(r -> {
				r.setRemoteAddr("203.0.113.44");
				return r;
			}).exchange();
		assertThat(limited).hasStatus(429);
		assertThat(limited.getResponse().getHeader("Retry-After")).isNotNull();
		// from elsewhere the answer is the same, but an account gets at most 3 links an hour
		assertThat(ask(account.getUsername())).hasRedirectedUrl(BASE + "/password-reset?sent");
		assertThat(awaitMail(email(account), 3)).hasSize(3);
		assertThat(awaitMail(email(account), 4, 2_000)).hasSize(3);
	}

}
