package org.hetao.estation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Property-based bad input: jqwik generates random and hostile values (fixed seed, a modest number of tries)
 * for the forms, the catalogue import, the API's JSON bodies and the search; every answer is a clear 4xx (a
 * problem detail on the API, the form again on pages) or a success, never a 500, and nothing is stored by a
 * refused request. Run as an integration test so that it runs on H2 and on PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BadInputIntegrationTests {

	static final long SEED = 20261127L;

	static final List<String> HOSTILE = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
			"javascript:alert(1)", "'; drop table account; --", "' OR '1'='1", "\u202Egpj.exe", "😀𠜎", "a\u0000b",
			"\u0000", "\uD800", "%00", "../../etc/passwd", "${7*7}", "#{7*7}", "*{T(java.lang.Runtime)}", "\r\nX-Header: 1",
			"", " ", "null", "NaN", "-1", "99999999999999999999999999", "1e999999", "\\", "\"", "{}", "[]");

	/** Anything: hostile fixed strings, random text of any code points, Lucene/JSON syntax soup, very long. */
	static Arbitrary<String> hostileText() {
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.of(HOSTILE)),
				net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(60)),
				net.jqwik.api.Tuple.of(3, Arbitraries.strings().withChars("<>\"'&;\\/%{}[]*~?:^()!+-|\"\u0000\u202E ").ofMaxLength(40)),
				net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("ab<\"").ofMinLength(3000).ofMaxLength(20000)));
	}

	/** A JSON value of any type, some of them nested deep or far too large. */
	static Arbitrary<String> jsonValue() {
		return Arbitraries.oneOf(hostileText().map(BadInputIntegrationTests::quote),
				Arbitraries.of("null", "true", "false", "0", "-1", "1.5", "1e308", "-1e999", "99999999999999999999999999999",
						"9223372036854775808", "{}", "[]", "[1,2]", "{\"a\":1}", "\"2026-02-30\"", "\"25:99\""),
				Arbitraries.integers().between(50, 3000).map(n -> "[".repeat(n) + "]".repeat(n)),
				Arbitraries.integers().between(50, 2000).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)));
	}

	/** An object with these fields (some missing, some doubled) each with any value; or not JSON at all. */
	static Arbitrary<String> jsonBody(String... fields) {
		Arbitrary<String> object = Arbitraries.subsetOf(fields)
			.flatMap(chosen -> jsonValue().list().ofSize(chosen.size()).map(values -> {
				StringBuilder b = new StringBuilder("{");
				int i = 0;
				for (String f : chosen) {
					b.append(i == 0 ? "" : ",").append(quote(f)).append(':').append(values.get(i++));
				}
				return b.append('}').toString();
			}));
		Arbitrary<String> broken = Arbitraries.oneOf(hostileText(), Arbitraries.of("", "{", "{\"a\":", "[1,", "{\"a\" 1}",
				"{'single': 'quotes'}", "{\"a\":1}}", "\uFEFF{}", "{\"a\":\"\\uZZZZ\"}", "{\"a\":NaN}", "nul"));
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, object), net.jqwik.api.Tuple.of(1, broken),
				net.jqwik.api.Tuple.of(1, jsonValue()));
	}

	static String quote(String s) {
		StringBuilder b = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> b.append("\\\"");
				case '\\' -> b.append("\\\\");
				default -> {
					if (c < 0x20) {
						b.append(String.format("\\u%04x", (int) c));
					}
					else {
						b.append(c);
					}
				}
			}
		}
		return b.append('"').toString();
	}

	/** Runs the check on {@code tries} values drawn with the fixed seed; reports every failing value. */
	static <T> void forAll(Arbitrary<T> arbitrary, int tries, Consumer<T> check) {
		List<String> failures = new ArrayList<>();
		JqwikSession.start();
		try {
			RandomGenerator<T> generator = arbitrary.generator(1000, true);
			Random random = new Random(SEED);
			run(generator, random, tries, check, failures);
		}
		finally {
			JqwikSession.finish();
		}
		assertThat(failures).as("values that broke the property (seed " + SEED + ")").isEmpty();
	}

	private static <T> void run(RandomGenerator<T> generator, Random random, int tries, Consumer<T> check,
			List<String> failures) {
		for (int i = 0; i < tries; i++) {
			T value = generator.next(random).value();
			try {
				check.accept(value);
			}
			catch (AssertionError e) {
				String shown = String.valueOf(value);
				failures.add((shown.length() > 300 ? shown.substring(0, 300) + "…" : shown) + " → " + e.getMessage());
			}
		}
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	EstationUser account(String username) {
		return accounts.findByUsername(username).orElseThrow();
	}

	static int status(MvcTestResult result) {
		return result.getResponse().getStatus();
	}

	static void assertProblem(MvcTestResult result) {
		int status = status(result);
		assertThat(status).as("status").isBetween(400, 499);
		assertThat(result.getResponse().getContentType()).as("content type").startsWith("application/problem+json");
	}

	// ------------------------------------------------------------------ (a) forms

	@Test
	void registrationNeverFailsAndStoresNothingWhenRefused() {
		Arbitrary<String> email = Arbitraries.oneOf(hostileText(),
				Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10).map(s -> s + "-" + UUID.randomUUID() + "@example.hk"));
		Arbitrary<String> phone = Arbitraries.oneOf(hostileText(), Arbitraries.of("+852 9123 4567"));
		Arbitrary<String> password = Arbitraries.oneOf(hostileText(), Arbitraries.of("a long enough passphrase"));
		Arbitrary<String> choice = Arbitraries.oneOf(hostileText(), Arbitraries.of("EN", "ZH_HANT", "HK_RESIDENT"));
		forAll(Combinators.combine(hostileText(), email, phone, password, choice, choice).as(List::of), 60, v -> {
			long before = count("account");
			MvcTestResult result = mvc.post()
				.uri("/register")
				.param("name", v.get(0))
				.param("email", v.get(1))
				.param("phone", v.get(2))
				.param("password", v.get(3))
				.param("preferredLanguage", v.get(4))
				.param("applicantType", v.get(5))
				.with(csrf())
				.exchange();
			assertThat(status(result)).as("status").isIn(200, 302, 400);
			if (status(result) != 302) {
				assertThat(count("account")).as("accounts").isEqualTo(before);
			}
		});
	}

	@Test
	void consultationFormNeverFailsAndStoresNothingWhenRefused() {
		EstationUser applicant = account("applicant-hk");
		Arbitrary<String> type = Arbitraries.oneOf(hostileText(), Arbitraries.of("ITEM", "POLICY"));
		Arbitrary<String> code = Arbitraries.oneOf(hostileText(), Arbitraries.of("LEG-001", "POL-013"));
		forAll(Combinators.combine(type, code, hostileText()).as(List::of), 60, v -> {
			long before = count("consultation");
			MvcTestResult result = mvc.post()
				.uri("/consultations")
				.param("subjectType", v.get(0))
				.param("subjectCode", v.get(1))
				.param("question", v.get(2))
				.with(user(applicant))
				.with(csrf())
				.exchange();
			assertThat(status(result)).as("status").isIn(200, 302, 400, 404, 422);
			if (status(result) != 302) {
				assertThat(count("consultation")).as("consultations").isEqualTo(before);
			}
		});
	}

	@Test
	void draftFieldsNeverFail() {
		EstationUser enterprise = account("enterprise-hk");
		String draft = mvc.post()
			.uri("/applications/new")
			.param("matter", "HK-STARTUP-SETTLE")
			.with(user(enterprise))
			.with(csrf())
			.exchange()
			.getResponse()
			.getRedirectedUrl();
		Arbitrary<String> key = Arbitraries.oneOf(hostileText(),
				Arbitraries.of("item.LEG-001.documentType", "item.LEG-001.usePurpose", "item.GOV-002.registeredCapital"));
		forAll(Combinators.combine(key, hostileText(), hostileText()).as(List::of), 50, v -> {
			MvcTestResult items = mvc.post()
				.uri(draft + "/items/LEG-001")
				.param(v.get(0), v.get(1))
				.param("item.GOV-002.registeredCapital", v.get(2))
				.with(user(enterprise))
				.with(csrf())
				.exchange();
			assertThat(status(items)).as("items status").isIn(200, 302, 400);
			MvcTestResult shared = mvc.post()
				.uri(draft + "/shared")
				.param("shared.companyName", v.get(1))
				.param("shared.contactPhone", v.get(2))
				.with(user(enterprise))
				.with(csrf())
				.exchange();
			assertThat(status(shared)).as("shared status").isIn(200, 302, 400);
			assertThat(status(mvc.get().uri(draft + "/check").with(user(enterprise)).exchange())).as("check page").isEqualTo(200);
		});
	}

	@Test
	void aNulCharacterIsABadRequestNotAServerError() {
		// PostgreSQL cannot store U+0000: found by consultationFormNeverFails… on PostgreSQL
		EstationUser applicant = account("applicant-hk");
		long before = count("consultation");
		assertThat(mvc.post()
			.uri("/consultations")
			.param("subjectType", "ITEM")
			.param("subjectCode", "LEG-001")
			.param("question", "a\u0000b")
			.with(user(applicant))
			.with(csrf())).hasStatus(400);
		MvcTestResult api = mvc.post()
			.uri("/api/v1/consultations")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"subjectType\":\"ITEM\",\"subjectCode\":\"LEG-001\",\"question\":\"a\\u0000b\"}")
			.with(user(applicant))
			.exchange();
		assertProblem(api);
		assertThat(count("consultation")).isEqualTo(before);
		MvcTestResult fine = mvc.post()
			.uri("/api/v1/consultations")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"subjectType\":\"ITEM\",\"subjectCode\":\"LEG-001\",\"question\":\"a\\\\u0000b ok\"}")
			.with(user(applicant))
			.exchange();
		assertThat(fine).as("the text \\u0000 itself is fine").hasStatus(201);
	}

	// ------------------------------------------------------------------ (b) the catalogue import

	static final String CATALOGUE = "select (select version from catalog_state) || '/' || (select count(*) from catalog_item)";

	@Test
	void theCatalogueImportRefusesGarbageWithAProblemAndChangesNothing() {
		EstationUser admin = account("admin");
		Arbitrary<String> csv = Combinators.combine(hostileText().list().ofMinSize(1).ofMaxSize(12), Arbitraries.of(",", ";", "\t"))
			.as((cells, separator) -> "code,kind,department,nameZhHant\n" + String.join(separator, cells));
		Arbitrary<String[]> request = Arbitraries.oneOf(
				jsonBody("version", "items", "matters", "themes", "domains", "departments").map(b -> new String[] { "application/json", b }),
				csv.map(b -> new String[] { "text/csv", b }));
		forAll(request, 60, v -> {
			String stateBefore = jdbc.sql(CATALOGUE).query(String.class).single();
			MvcTestResult result = mvc.post()
				.uri("/api/v1/admin/catalog/import")
				.contentType(v[0] + ";charset=UTF-8")
				.content(v[1].getBytes(StandardCharsets.UTF_8))
				.with(user(admin))
				.exchange();
			assertProblem(result);
			assertThat(jdbc.sql(CATALOGUE).query(String.class).single())
				.as("catalogue").isEqualTo(stateBefore);
		});
	}

	// ------------------------------------------------------------------ (c) the API's JSON bodies

	/** One JSON endpoint, who calls it and the table a success would add a row to. */
	record Endpoint(String method, String uri, String username, String table, Arbitrary<String> body) {
	}

	@Test
	void jsonBodiesAreRefusedWithAProblemNeverA500AndStoreNothing() {
		List<Endpoint> endpoints = List.of(
				new Endpoint("POST", "/api/v1/applications", "enterprise-hk", "casework_case",
						jsonBody("itemCode", "matterCode", "answers", "materials")),
				new Endpoint("POST", "/api/v1/identity-documents/validate", null, null, jsonBody("kind", "number")),
				new Endpoint("POST", "/api/v1/hall/tickets", null, "hall_ticket", jsonBody("category", "phone", "priority")),
				new Endpoint("POST", "/api/v1/hall/tickets/check-in", null, "hall_ticket", jsonBody("code")),
				new Endpoint("POST", "/api/v1/hall/appointments", "applicant-hk", "hall_appointment",
						jsonBody("item", "matter", "slotId")),
				new Endpoint("POST", "/api/v1/hall/rooms/NEG-1/bookings", "enterprise-hk", "hall_room_booking",
						jsonBody("date", "from", "to", "purpose", "attendees")),
				new Endpoint("POST", "/api/v1/consultations", "applicant-hk", "consultation",
						jsonBody("subjectType", "subjectCode", "question")),
				new Endpoint("POST", "/api/v1/policies/eligibility", null, null,
						jsonBody("applicantType", "registeredCapital", "employees", "founded", "fields", "background")),
				new Endpoint("PUT", "/api/v1/policies/profile", "enterprise-hk", null,
						jsonBody("applicantType", "registeredCapital", "employees", "founded", "fields")));
		Arbitrary<Endpoint> endpoint = Arbitraries.of(endpoints);
		forAll(endpoint.flatMap(e -> e.body().map(b -> new Object[] { e, b })), 200, v -> {
				Endpoint e = (Endpoint) v[0];
				String body = (String) v[1];
				long before = e.table() == null ? 0 : count(e.table());
				var request = (e.method().equals("PUT") ? mvc.put() : mvc.post()).uri(e.uri())
					.contentType(MediaType.APPLICATION_JSON)
					.header("Idempotency-Key", UUID.randomUUID().toString())
					.content(body.getBytes(StandardCharsets.UTF_8));
				if (e.username() != null) {
					request = request.with(user(account(e.username())));
				}
				MvcTestResult result = request.exchange();
				int status = status(result);
				String where = e.method() + " " + e.uri() + " → " + status;
				assertThat(status).as(where).isLessThan(500);
				if (status >= 400) {
					assertProblem(result);
					if (e.table() != null) {
						assertThat(count(e.table())).as(where + " rows").isEqualTo(before);
					}
				}
			});
	}

	// ------------------------------------------------------------------ (d) the search parser

	@Test
	void anySearchQueryAnswersNeverA500() {
		Arbitrary<String> luceneSoup = Arbitraries.strings()
			.withChars("+-&|!(){}[]^\"~*?:\\/ ANDORNOT河套abc")
			.ofMinLength(1)
			.ofMaxLength(80);
		forAll(Arbitraries.oneOf(hostileText(), luceneSoup, Arbitraries.of("\"unbalanced", "*", "?", "~", "a~2", "title:x",
				"[a TO z]", "((((", "AND", "OR NOT", "\\", "/regex/", "a^99999999999")), 150, q -> {
					MvcTestResult api = mvc.get().uri("/api/v1/search").queryParam("q", q).exchange();
					assertThat(status(api)).as("api").isIn(200, 400);
					if (status(api) == 400) {
						assertProblem(api);
					}
					MvcTestResult suggest = mvc.get().uri("/api/v1/search/suggest").queryParam("q", q).exchange();
					assertThat(status(suggest)).as("suggest").isIn(200, 400);
					MvcTestResult page = mvc.get().uri("/search").queryParam("q", q).exchange();
					assertThat(status(page)).as("page").isIn(200, 400);
				});
	}

}
