package org.hetao.estation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;

import org.hetao.estation.audit.AuditLog;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.identity.SecondFactor;
import org.hetao.estation.identity.Totp;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Databases;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The black-box findings of #21, replayed so that none comes back: each test failed before its fix. (The route
 * walk, hostile input and fuzz tests stay where they are: {@code AccessControlIntegrationTests},
 * {@code HostileInputIntegrationTests}, {@code BadInputIntegrationTests}; the certificate number check is
 * {@code CertificateNumbersTests}, the masked holder name {@code VerificationIntegrationTests}, the password reset's
 * background work {@code PasswordResetIntegrationTests}, and "no session for a signed-out visitor" (finding 9) over
 * real HTTP {@code LightRequestsIntegrationTests}: here spring-security-test's {@code csrf()} leaves a session-backed
 * token repository on the shared filter, which would make sessions for later real requests.)
 * <p>
 * Here only 10.9.0.0/16 is a trusted proxy; the test's own HTTP client on 127.0.0.1 is not one. Small limits: 3 kiosk
 * tickets and 6 sign-ins a minute per client, a client paused after 4 failed sign-ins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "estation.trusted-proxies=10.9.0.0/16", "estation.rate-limit.kiosk-per-minute=3",
				"estation.rate-limit.sign-in-per-minute=6", "estation.signin.client-threshold=4",
				"estation.signin.client-delay=PT60S" })
@AutoConfigureMockMvc
class SecurityRegressionIntegrationTests {

	static final int SMTP_PORT = freePort();

	static final String PASSWORD = "a quiet harbour at dawn";

	static final Pattern UNLOCK_LINK = Pattern.compile("/login/unlock/([A-Za-z0-9_-]{43})");

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
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
	DataSource dataSource;

	@LocalServerPort
	int port;

	static final AtomicInteger addresses = new AtomicInteger(1);

	/** A client address of its own (TEST-NET-3), so that one test's limits stay out of another's way. */
	static String newAddress() {
		int n = addresses.getAndIncrement();
		return "203.0.113." + (n % 250 + 1);
	}

	static RequestPostProcessor from(String address) {
		return r -> {
			r.setRemoteAddr(address);
			return r;
		};
	}

	EstationUser newAccount(Set<Role> roles) {
		String username = "regress-" + UUID.randomUUID();
		boolean staff = roles.stream().anyMatch(Role::isStaff);
		long id = accounts.create(new Accounts.NewAccount(username, passwordEncoder.encode(PASSWORD), "Regression Tester",
				username + "@example.hk", "+852 9123 4567", Language.EN, staff ? null : ApplicantType.HK_RESIDENT, null,
				roles));
		return accounts.findById(id).orElseThrow();
	}

	MvcTestResult signIn(String username, String password, String address) {
		return mvc.post()
			.uri("/login")
			.param("username", username)
			.param("password", password)
			.with(csrf())
			.with(from(address))
			.exchange();
	}

	static List<MimeMessage> awaitMail(String address, int count) throws Exception {
		long until = System.currentTimeMillis() + 20_000;
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

	// ------------------------------------------------------------------ 1. the client address

	/** Finding 1: X-Forwarded-For from any internal address used to buy a fresh allowance. */
	@Test
	void forwardingHeadersFromAPeerThatIsNoTrustedProxyAreIgnored() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/hall/tickets"))
				.header("Content-Type", "application/json")
				.header("X-Forwarded-For", "198.51.100." + (i + 10))
				.header("Forwarded", "for=198.51.100." + (i + 50))
				.POST(HttpRequest.BodyPublishers.ofString("{\"category\":\"D\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			statuses.add(answer.statusCode());
		}
		assertThat(statuses).containsExactly(201, 201, 201, 429);
		// nor does such a peer make a plain request look like HTTPS
		HttpResponse<Void> plain = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/catalog"))
			.header("X-Forwarded-Proto", "https")
			.header("Forwarded", "proto=https")
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	/** Behind trusted proxies the client is the right-most address that is not one of them, in the audit too. */
	@Test
	void behindTrustedProxiesTheClientIsTheLastHopThatIsNotOne() {
		String name = "nobody-" + UUID.randomUUID();
		// the left-most entry is whatever the client claimed; 198.51.100.7 is what our proxies saw
		mvc.post().uri("/login").param("username", name).param("password", "whatever it is").with(csrf())
			.with(from("10.9.0.1"))
			.header("X-Forwarded-For", "192.0.2.1, 198.51.100.7, 10.9.3.3")
			.exchange();
		String forwarded = "nobody-" + UUID.randomUUID();
		mvc.post().uri("/login").param("username", forwarded).param("password", "whatever it is").with(csrf())
			.with(from("10.9.0.1"))
			.header("Forwarded", "for=\"192.0.2.9:4711\";proto=https, for=10.9.0.5")
			.exchange();
		String direct = "nobody-" + UUID.randomUUID();
		mvc.post().uri("/login").param("username", direct).param("password", "whatever it is").with(csrf())
			.with(from("203.0.113.250"))
			.header("X-Forwarded-For", "192.0.2.1")
			.exchange();
		auditLog.flush();
		assertThat(originOfFailedSignIn(name)).isEqualTo("198.51.100.7");
		assertThat(originOfFailedSignIn(forwarded)).isEqualTo("192.0.2.9");
		assertThat(originOfFailedSignIn(direct)).isEqualTo("203.0.113.250");
	}

	String originOfFailedSignIn(String actor) {
		return jdbc.sql("select origin from audit_log where actor = :a and action = 'identity.SIGN_IN_FAILED'")
			.param("a", actor)
			.query(String.class)
			.single();
	}

	/** Finding 8: {@code Host} and {@code X-Forwarded-Host} became redirect targets. */
	@Test
	void redirectsNeverTakeTheirHostFromTheRequest() throws Exception {
		assertThat(location("GET /language?back=/catalog HTTP/1.1\r\nHost: evil.example\r\n")).isEqualTo("/catalog");
		assertThat(location("GET /language?back=/catalog HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Host: evil.example\r\n"
				+ "X-Forwarded-Proto: https\r\n")).isEqualTo("/catalog");
		assertThat(location("GET /account HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\n")).isEqualTo("/login");
	}

	/** Sends a raw request (the JDK client will not send another Host) and returns its Location header. */
	String location(String head) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			String status = in.readLine();
			assertThat(status).contains(" 302");
			for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
				if (line.regionMatches(true, 0, "Location:", 0, 9)) {
					return line.substring(9).strip();
				}
			}
			return null;
		}
	}

	// ------------------------------------------------------------------ 2. lock-out without denial of service

	/**
	 * Finding 2: only existing accounts were locked ({@code ?locked} told who has one), and only time lifted it. Now
	 * a name without an account pauses exactly as one with, and the owner lifts the pause with the e-mailed link.
	 */
	@Test
	void aNameWithoutAnAccountIsPausedLikeOneWithAndTheOwnerCanLiftThePause() throws Exception {
		EstationUser account = newAccount(Set.of(Role.APPLICANT));
		String unknown = "nobody-" + UUID.randomUUID() + "@example.hk";
		for (String name : List.of(account.getUsername(), unknown)) {
			for (int i = 0; i < 5; i++) {
				// each from its own address, so that only the name's count is at work
				assertThat(signIn(name, "wrong guess " + i, newAddress())).hasRedirectedUrl("/login?error");
			}
			assertThat(signIn(name, "wrong guess again", newAddress())).as(name).hasRedirectedUrl("/login?locked");
		}
		// the right password waits too
		assertThat(signIn(account.getUsername(), PASSWORD, newAddress())).hasRedirectedUrl("/login?locked");
		// the same count was kept for both names (the same statements ran), and nothing names either in the clear
		assertThat(jdbc.sql("select failures from sign_in_throttle where subject like 'account:%' and failures = 5")
			.query(Integer.class).list().size()).isGreaterThanOrEqualTo(2);
		assertThat(jdbc.sql("select count(*) from sign_in_throttle where subject like :n").param("n", "%regress-%")
			.query(Integer.class).single()).isZero();

		List<MimeMessage> mails = awaitMail(account.getUsername() + "@example.hk", 1);
		assertThat(mails).hasSize(1);
		Matcher link = UNLOCK_LINK.matcher(GreenMailUtil.getBody(mails.get(0)).replace("=\r\n", ""));
		assertThat(link.find()).isTrue();
		String token = link.group(1);
		assertThat(mvc.get().uri("/login/unlock/{t}", token).with(from(newAddress()))).hasStatusOk()
			.bodyText().contains("id=\"unlock\"");
		assertThat(mvc.post().uri("/login/unlock/{t}", token).with(csrf()).with(from(newAddress())))
			.hasRedirectedUrl("/login?unlocked");
		assertThat(signIn(account.getUsername(), PASSWORD, newAddress())).hasRedirectedUrl("/");
		// a link works once
		assertThat(mvc.post().uri("/login/unlock/{t}", token).with(csrf()).with(from(newAddress()))).hasStatusOk()
			.bodyText().contains("unlock-invalid");
	}

	/** One client trying many names is paused, whichever name it tries next; another client is not. */
	@Test
	void oneClientCannotTryManyNames() {
		String address = newAddress();
		for (int i = 0; i < 4; i++) {
			assertThat(signIn("nobody-" + UUID.randomUUID(), "whatever it is", address)).hasRedirectedUrl("/login?error");
		}
		EstationUser account = newAccount(Set.of(Role.APPLICANT));
		assertThat(signIn(account.getUsername(), PASSWORD, address)).hasRedirectedUrl("/login?locked");
		assertThat(signIn(account.getUsername(), PASSWORD, newAddress())).hasRedirectedUrl("/");
		// the paused attempt is in the audit log, from the client's address
		auditLog.flush();
		assertThat(jdbc.sql("select origin, details from audit_log where actor = :a and action = 'identity.SIGN_IN_FAILED'")
			.param("a", account.getUsername())
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.single()).contains(address, "Paused");
	}

	/** Finding 2: five wrong second-factor codes locked a staff account; now they only slow the next code down. */
	@Test
	void wrongSecondFactorCodesSlowDownAndNeverLock() throws Exception {
		EstationUser clerk = newAccount(Set.of(Role.CLERK));
		String secret = secondFactor.newSecret();
		secondFactor.enrol(clerk, secret, Totp.code(secret, Instant.now()));
		String address = newAddress();
		MvcTestResult signedIn = signIn(clerk.getUsername(), PASSWORD, address);
		assertThat(signedIn).hasRedirectedUrl("/account/mfa");
		Cookie session = signedIn.getResponse().getCookie("SESSION");
		for (int i = 0; i < 3; i++) {
			assertThat(code(session, "000000".equals(Totp.code(secret, Instant.now())) ? "111111" : "000000", address))
				.hasStatusOk()
				.bodyText()
				.contains("not right");
		}
		// the right code, too soon: not even checked
		assertThat(code(session, Totp.code(secret, Instant.now()), address)).hasStatusOk()
			.bodyText()
			.contains("Too many wrong codes");
		assertThat(code(session, "123456", address)).hasStatusOk().bodyText().contains("Too many wrong codes");
		// the account is not locked: the password still signs in (to the code step)
		assertThat(signIn(clerk.getUsername(), PASSWORD, newAddress())).hasRedirectedUrl("/account/mfa");
	}

	MvcTestResult code(Cookie session, String code, String address) {
		return mvc.post()
			.uri("/account/mfa")
			.param("code", code)
			.cookie(session)
			.header("Accept-Language", "en")
			.with(csrf())
			.with(from(address))
			.exchange();
	}

	// ------------------------------------------------------------------ 3. registration

	/** Finding 3: registration said "this e-mail is already registered". */
	@Test
	void registeringATakenAddressLooksTheSameAndTellsItsOwner() throws Exception {
		String email = "regress-" + UUID.randomUUID() + "@example.hk";
		MvcTestResult first = register(email, "Chan Tai Man", PASSWORD);
		MvcTestResult again = register(email, "Someone Else", "another quiet harbour");
		for (MvcTestResult result : List.of(first, again)) {
			assertThat(result).hasStatus(302).hasRedirectedUrl("/login?registered");
			assertThat(result).flash().containsEntry("registered", true);
		}
		assertThat(jdbc.sql("select count(*) from account where email = :e").param("e", email).query(Integer.class).single())
			.isEqualTo(1);
		List<MimeMessage> mails = awaitMail(email, 1);
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).contains("tried to register");
		// the owner's password still works; the second one opened nothing
		assertThat(signIn(email, PASSWORD, newAddress())).hasRedirectedUrl("/");
		assertThat(signIn(email, "another quiet harbour", newAddress())).hasRedirectedUrl("/login?error");
	}

	MvcTestResult register(String email, String name, String password) {
		return mvc.post()
			.uri("/register")
			.header("Accept-Language", "en")
			.param("name", name)
			.param("email", email)
			.param("phone", "+852 9000 0000")
			.param("password", password)
			.param("preferredLanguage", "EN")
			.param("applicantType", "HK_RESIDENT")
			.with(csrf())
			.with(from(newAddress()))
			.exchange();
	}

	// ------------------------------------------------------------------ 4. CSRF

	/** Finding 4: an Authorization header switched CSRF off even when the session cookie signed the request in. */
	@Test
	void aSessionCookieAlwaysNeedsTheCsrfToken() {
		EstationUser applicant = newAccount(Set.of(Role.APPLICANT));
		Cookie session = signIn(applicant.getUsername(), PASSWORD, newAddress()).getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		String question = "{\"subjectType\":\"ITEM\",\"subjectCode\":\"LEG-001\",\"question\":\"How long does it take?\"}";
		assertThat(mvc.post()
			.uri("/api/v1/consultations")
			.cookie(session)
			.header("Authorization", "Bearer x")
			.contentType(MediaType.APPLICATION_JSON)
			.content(question)).hasStatus(403);
		assertThat(mvc.post().uri("/api/v1/consultations").cookie(session).contentType(MediaType.APPLICATION_JSON)
			.content(question)).hasStatus(403);
		assertThat(mvc.post()
			.uri("/api/v1/consultations")
			.cookie(session)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(question)).hasStatus(201);
		// an API client without a session cookie signs itself in with every request: nothing to forge
		assertThat(mvc.post()
			.uri("/api/v1/consultations")
			.header("Authorization", basic(applicant.getUsername(), PASSWORD))
			.with(from(newAddress()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(question)).hasStatus(201);
	}

	static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	// ------------------------------------------------------------------ 5 and 6. request size, HTTP Basic

	/** Finding 5: a 10 MB JSON body was read and parsed whole. */
	@Test
	void aJsonBodyOverTheLimitIsRefusedWith413() throws Exception {
		EstationUser applicant = newAccount(Set.of(Role.APPLICANT));
		String big = "{\"subjectType\":\"ITEM\",\"subjectCode\":\"LEG-001\",\"question\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
		MvcTestResult refused = mvc.post()
			.uri("/api/v1/consultations")
			.with(user(applicant))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(big)
			.exchange();
		assertThat(refused).hasStatus(413);
		assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("\"code\":\"error.requestTooLarge\"", "at most 1 MB");
		// sent without a length (chunked): refused as soon as it passes the limit
		HttpResponse<String> chunked = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/hall/tickets"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(chunked.statusCode()).isEqualTo(413);
		assertThat(chunked.body()).contains("error.requestTooLarge");
	}

	/** Finding 6: HTTP Basic failures were not rate-limited (only the sign-in form was). */
	@Test
	void failedHttpBasicSignInsSpendTheSignInAllowance() {
		EstationUser applicant = newAccount(Set.of(Role.APPLICANT));
		String address = newAddress();
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			statuses.add(mvc.get()
				.uri("/api/v1/me/data")
				.header("Authorization", basic(applicant.getUsername(), "wrong guess " + i))
				.with(from(address))
				.exchange()
				.getResponse()
				.getStatus());
		}
		assertThat(statuses.subList(0, 4)).containsOnly(401);
		assertThat(statuses.subList(4, 6)).containsOnly(429);
		// now even the right password waits
		MvcTestResult right = mvc.get()
			.uri("/api/v1/me/data")
			.header("Authorization", basic(applicant.getUsername(), PASSWORD))
			.with(from(address))
			.exchange();
		assertThat(right).hasStatus(429);
		assertThat(right.getResponse().getHeader("Retry-After")).isNotNull();
		// and the form from the same address too: one allowance
		assertThat(signIn(applicant.getUsername(), PASSWORD, address)).hasStatus(429);
		assertThat(mvc.get()
			.uri("/api/v1/me/data")
			.header("Authorization", basic(applicant.getUsername(), PASSWORD))
			.with(from(newAddress()))).hasStatusOk();
	}

	// ------------------------------------------------------------------ 9. sessions, the demo secret

	/** Finding 9: the demo TOTP secret was printed on the code page; only the embedded demo database shows it. */
	@Test
	void theDemoSecretIsShownOnlyOnTheEmbeddedDemoDatabase() throws Exception {
		String address = newAddress();
		MvcTestResult signedIn = signIn("clerk", "test-Password-2026", address);
		assertThat(signedIn).hasRedirectedUrl("/account/mfa");
		String page = mvc.get()
			.uri("/account/mfa")
			.cookie(signedIn.getResponse().getCookie("SESSION"))
			.with(from(address))
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// the test profile is a demo; on PostgreSQL (production) the secret must not appear even so
		if (Databases.isPostgres(dataSource)) {
			assertThat(page).doesNotContain("HETAOESTATIONDEMOTOTPSECRET23456");
		}
		else {
			assertThat(page).contains("HETAOESTATIONDEMOTOTPSECRET23456");
		}
	}

}
