package org.hetao.estation.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hetao.estation.support.CountingStatements;
import org.hetao.estation.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/**
 * What a request costs beyond its own data, over real HTTP: a signed-out visitor gets no session (no cookie, no
 * row), a signed-in request reads its session once and writes it only when it changed or once a minute, the
 * public read-only API does not even look at the session, and static files are versioned and cached.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(CountingStatements.class)
class LightRequestsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObservationRegistry observations;

	static final String PASSWORD = "test-Password-2026";

	String base() {
		return "http://localhost:" + port;
	}

	static final HttpClient PLAIN = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	HttpResponse<String> get(HttpClient client, String path, String accept) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(base() + path))
			.header("Accept", accept)
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	long sessionRows() {
		return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}

	static List<String> cookiesSet(HttpResponse<?> response) {
		return response.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf('='))).toList();
	}

	@Test
	void springSecurityMakesNoObservationsOfItsOwnWhileTheRequestIsObservedAsAWhole() throws Exception {
		List<String> seen = Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean recording = new AtomicBoolean(true);
		// a handler cannot be removed from the registry again: it stops recording when this test ends
		observations.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
			@Override
			public void onStart(Observation.Context context) {
				if (recording.get()) {
					seen.add(context.getName());
				}
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}
		});
		try {
			assertThat(get(PLAIN, "/catalog/items/GOV-004", "text/html").statusCode()).isEqualTo(200);
			assertThat(get(PLAIN, "/api/v1/applications", "application/json").statusCode()).isEqualTo(401);
			// the server's observation ends after the response is sent: wait for both
			for (int i = 0; i < 100 && seen.stream().filter("http.server.requests"::equals).count() < 2; i++) {
				Thread.sleep(20);
			}
		}
		finally {
			recording.set(false);
		}
		assertThat(seen).filteredOn("http.server.requests"::equals).hasSizeGreaterThanOrEqualTo(2);
		assertThat(seen).noneMatch(name -> name.startsWith("spring.security"));
	}

	@Test
	void aSignedOutVisitorGetsNoSessionFromAnyPageOrApiCall() throws Exception {
		long before = sessionRows();
		String[][] requests = { { "/", "text/html" }, { "/catalog", "text/html" },
				{ "/catalog/items/GOV-004", "text/html" }, { "/catalog/items/GOV-004?lang=en", "text/html" },
				{ "/search?q=" + URLEncoder.encode("回鄉證", StandardCharsets.UTF_8), "text/html" },
				{ "/policies", "text/html" }, { "/map", "text/html" }, { "/calendars", "text/html" },
				{ "/login", "text/html" }, { "/register", "text/html" }, { "/password-reset", "text/html" },
				{ "/applications", "text/html" }, { "/no-such-page", "text/html" },
				{ "/api/v1/applications", "application/json" }, { "/api/v1/catalog/items/GOV-004", "application/json" },
				{ "/api/v1/search?q=passport", "application/json" }, { "/api/v1/search/suggest?q=pa", "application/json" },
				{ "/api/v1/no-such-thing", "application/json" } };
		for (String[] request : requests) {
			HttpResponse<String> response = get(PLAIN, request[0], request[1]);
			assertThat(cookiesSet(response)).as("cookies set by GET " + request[0] + " (" + response.statusCode() + ")")
				.doesNotContain("SESSION");
		}
		assertThat(sessionRows()).as("session rows").isEqualTo(before);
	}

	@Test
	void aSignedOutFormCarriesItsCsrfTokenInACookieAndTheVisitorReturnsToTheirPageAfterSigningIn() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		HttpResponse<String> stopped = get(browser, "/applications", "text/html");
		assertThat(stopped.statusCode()).isIn(302, 401);
		assertThat(cookiesSet(stopped)).doesNotContain("SESSION");
		HttpResponse<String> login = get(browser, "/login", "text/html");
		assertThat(cookiesSet(login)).doesNotContain("SESSION");
		Matcher token = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login.body());
		assertThat(token.find()).isTrue();

		// without the cookie's token the form is refused
		assertThat(signIn(PLAIN, token.group(1)).statusCode()).isEqualTo(403);

		HttpResponse<String> signIn = signIn(browser, token.group(1));
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/applications");
		assertThat(cookiesSet(signIn)).contains("SESSION");
		assertThat(get(browser, "/applications", "text/html").statusCode()).isEqualTo(200);
	}

	/** The sign-in form of applicant-hk, posted with the page's CSRF token and whatever cookies the client has. */
	HttpResponse<String> signIn(HttpClient client, String csrfToken) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=applicant-hk&password=" + PASSWORD + "&_csrf="
					+ URLEncoder.encode(csrfToken, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aSignedInRequestReadsItsSessionOnceAndWritesItOnlyWhenItChangedOrOnceAMinute() throws Exception {
		WebSession browser = new WebSession().signIn(base(), "applicant-hk", PASSWORD);
		assertThat(browser.getPage(base(), "/applications").status()).isEqualTo(200);

		List<String> touching = counted(() -> {
			for (int i = 0; i < 5; i++) {
				assertThat(browser.getPage(base(), "/applications").status()).isEqualTo(200);
				assertThat(browser.get(base(), "/api/v1/applications").status()).isEqualTo(200);
			}
		});
		assertThat(touching.stream().filter(s -> s.startsWith("select")).count()).as(touching.toString())
			.isLessThanOrEqualTo(10);
		assertThat(touching).as("session writes within the minute").noneMatch(LightRequestsIntegrationTests::writes);

		// a session last stamped over a minute ago is stamped again, once
		jdbc.sql("update spring_session set last_access_time = last_access_time - 120000, expiry_time = expiry_time - 120000")
			.update();
		List<String> stale = counted(() -> {
			for (int i = 0; i < 3; i++) {
				assertThat(browser.get(base(), "/api/v1/applications").status()).isEqualTo(200);
			}
		});
		assertThat(stale.stream().filter(LightRequestsIntegrationTests::writes).toList()).as(stale.toString())
			.hasSize(1)
			.allMatch(s -> s.startsWith("update spring_session set"));
	}

	@Test
	void thePublicReadOnlyApiDoesNotLookAtTheSession() throws Exception {
		WebSession browser = new WebSession().signIn(base(), "applicant-hk", PASSWORD);
		List<String> touching = counted(() -> {
			for (String q : new String[] { "p", "pa", "pas", "pass" }) {
				assertThat(browser.get(base(), "/api/v1/search/suggest?q=" + q).status()).isEqualTo(200);
			}
			assertThat(browser.get(base(), "/api/v1/catalog/items/GOV-004").status()).isEqualTo(200);
		});
		assertThat(touching).isEmpty();
	}

	@Test
	void staticFilesAreVersionedByTheirContentAndCachedForAYear() throws Exception {
		String page = get(PLAIN, "/catalog/items/GOV-004", "text/html").body();
		Matcher css = Pattern.compile("href=\"(/css/estation-[0-9a-f]{32}\\.css)\"").matcher(page);
		assertThat(css.find()).as("a versioned stylesheet link").isTrue();
		assertThat(page).containsPattern("src=\"/webjars/htmx.org/\\d[^/\"]*/dist/htmx.min.js\"");
		assertThat(page).containsPattern("src=\"/js/estation-[0-9a-f]{32}\\.js\"");
		assertThat(page).contains("href=\"/login\"").contains("href=\"/catalog/matters/");
		HttpResponse<String> file = get(PLAIN, css.group(1), "text/css");
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
		assertThat(get(PLAIN, "/css/estation.css", "text/css").statusCode()).isEqualTo(200);
		assertThat(get(PLAIN, "/css/estation-00000000000000000000000000000000.css", "text/css").statusCode()).isEqualTo(404);
		assertThat(get(PLAIN, "/js/estation.css", "text/css").statusCode()).isEqualTo(404);
		assertThat(get(PLAIN, "/application.properties", "text/plain").statusCode()).isNotEqualTo(200);
		assertThat(get(PLAIN, "/templates/fragments/layout.html", "text/html").statusCode()).isNotEqualTo(200);
	}

	/**
	 * Template expressions are compiled to bytecode after a hundred evaluations (SpEL's MIXED mode): the pages read
	 * the same before and after, signed out and signed in.
	 */
	@Test
	void pagesReadTheSameOnceTheirExpressionsAreCompiled() throws Exception {
		WebSession signedIn = new WebSession().signIn(base(), "enterprise-hk", PASSWORD);
		String[] pages = { "/", "/catalog", "/catalog/items/GOV-004", "/catalog/items/TAX-001?lang=en",
				"/catalog/matters/HK-STARTUP-SETTLE?lang=zh-Hans", "/search?q=" + URLEncoder.encode("稅務登記", StandardCharsets.UTF_8),
				"/policies", "/map", "/calendars" };
		for (String page : pages) {
			String first = withoutTokens(get(PLAIN, page, "text/html").body());
			String mineFirst = withoutTokens(signedIn.getPage(base(), page).body());
			for (int i = 0; i < 110; i++) {
				get(PLAIN, page, "text/html");
				signedIn.getPage(base(), page);
			}
			assertThat(withoutTokens(get(PLAIN, page, "text/html").body())).as(page).isEqualTo(first);
			assertThat(withoutTokens(signedIn.getPage(base(), page).body())).as(page + " signed in").isEqualTo(mineFirst);
		}
	}

	/** A page without the parts that differ by request: CSRF tokens. */
	static String withoutTokens(String page) {
		return page.replaceAll("(name=\"_csrf\"\\s+value=\"|<meta name=\"_csrf\" content=\")[^\"]*", "$1");
	}

	/** Readiness comes before the search index is built; the `platform` health group says when everything is done. */
	@Test
	void thePlatformHealthGroupIsUpOnceTheWorkAfterReadinessIsDone() throws Exception {
		assertThat(get(PLAIN, "/actuator/health/readiness", "application/json").statusCode()).isEqualTo(200);
		HttpResponse<String> platform = get(PLAIN, "/actuator/health/platform", "application/json");
		for (int i = 0; i < 600 && platform.statusCode() != 200; i++) {
			Thread.sleep(100);
			platform = get(PLAIN, "/actuator/health/platform", "application/json");
		}
		assertThat(platform.statusCode()).isEqualTo(200);
		assertThat(platform.body()).contains("\"UP\"");
		assertThat(cookiesSet(platform)).doesNotContain("SESSION");
	}

	interface Requests {

		void run() throws Exception;

	}

	/** The statements on the session tables that the requests sent. */
	static List<String> counted(Requests requests) throws Exception {
		CountingStatements.statements.clear();
		CountingStatements.on = true;
		try {
			requests.run();
		}
		finally {
			CountingStatements.on = false;
		}
		List<String> touching = new ArrayList<>();
		for (String s : new ArrayList<>(CountingStatements.statements)) {
			String lower = s.toLowerCase();
			// the repository's clean-up of expired sessions (every five minutes) may run meanwhile: not a request's
			if (lower.contains("spring_session") && !lower.contains("expiry_time <")) {
				touching.add(lower);
			}
		}
		return touching;
	}

	static boolean writes(String statement) {
		return statement.matches("^(\\[batch\\] )?(update|insert|delete) .*");
	}

}
