package org.hetao.estation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hetao.estation.support.AppProcess;
import org.hetao.estation.support.FaultFigures;
import org.hetao.estation.support.PgDatabases;
import org.hetao.estation.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import tools.jackson.databind.JsonNode;

/**
 * Two application processes on one PostgreSQL database and clients that alternate between them with the same
 * cookie (no sticky sessions): the session follows, queue numbers stay unique and consecutive, a slot is never
 * overbooked, and a change made on one node is found by search on the other within seconds.
 */
@EnabledIfSystemProperty(named = "estation.test.database", matches = "postgres")
class TwoNodesIntegrationTests {

	static String database;

	static AppProcess one;

	static AppProcess two;

	static final Map<String, Object> figures = Collections.synchronizedMap(new LinkedHashMap<>());

	@BeforeAll
	static void startTwoNodes() {
		database = PgDatabases.create("estation_fault");
		String url = PgDatabases.url(PgDatabases.hostAndPort(), database);
		// One after the other: the first migrates the schema and creates the demo accounts.
		one = AppProcess.start("node-1", url);
		two = AppProcess.start("node-2", url);
	}

	@AfterAll
	static void cleanUp() {
		if (one != null) {
			one.close();
		}
		if (two != null) {
			two.close();
		}
		if (database != null) {
			PgDatabases.drop(database);
		}
		if (!figures.isEmpty()) {
			FaultFigures.write("twoNodes", figures);
		}
	}

	static String node(int i) {
		return (i % 2 == 0 ? one : two).baseUrl();
	}

	@Test
	void aSessionStartedOnOneNodeIsServedByTheOtherAndEndsOnBoth() throws Exception {
		WebSession browser = new WebSession().signIn(one.baseUrl(), "applicant-hk", AppProcess.PASSWORD);
		for (int i = 0; i < 6; i++) {
			WebSession.Response mine = browser.get(node(i), "/api/v1/applications");
			assertThat(mine.status()).as("request " + i + " on node " + (i % 2 + 1)).isEqualTo(200);
			assertThat(mine.json().isArray()).isTrue();
		}
		assertThat(browser.getPage(two.baseUrl(), "/account").status()).isEqualTo(200);
		// Signed out on node 2 (with the CSRF token node 1 handed out): node 1 no longer knows the session.
		WebSession.Response out = browser.postForm(two.baseUrl(), "/logout", "");
		assertThat(out.status()).isIn(204, 302);
		assertThat(browser.get(one.baseUrl(), "/api/v1/applications").status()).isEqualTo(401);
	}

	/**
	 * Sessions are read from the database on every request (nothing cached on a node), so "sign out everywhere" on
	 * one node ends the person's sessions on every node at their next request: the bound is zero.
	 */
	@Test
	void signingOutEverywhereOnOneNodeEndsEverySessionOnBothAtTheNextRequest() throws Exception {
		WebSession onOne = new WebSession().signIn(one.baseUrl(), "applicant-mainland", AppProcess.PASSWORD);
		WebSession onTwo = new WebSession().signIn(two.baseUrl(), "applicant-mainland", AppProcess.PASSWORD);
		assertThat(onOne.get(two.baseUrl(), "/api/v1/applications").status()).isEqualTo(200);
		assertThat(onTwo.get(one.baseUrl(), "/api/v1/applications").status()).isEqualTo(200);
		long before = System.nanoTime();
		WebSession.Response out = onTwo.postForm(two.baseUrl(), "/account/sign-out-everywhere", "");
		assertThat(out.status()).isEqualTo(302);
		assertThat(onOne.get(one.baseUrl(), "/api/v1/applications").status()).isEqualTo(401);
		assertThat(onOne.get(two.baseUrl(), "/api/v1/applications").status()).isEqualTo(401);
		assertThat(onTwo.get(one.baseUrl(), "/api/v1/applications").status()).isEqualTo(401);
		figures.put("signOutEverywhereEffectiveAfterMs", (System.nanoTime() - before) / 1_000_000);
	}

	@Test
	void queueTicketsTakenOnBothNodesAtOnceGetUniqueConsecutiveNumbers() throws Exception {
		HttpClient kiosk = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Callable<String>> takes = new ArrayList<>();
		int count = 40;
		for (int i = 0; i < count; i++) {
			String base = node(i);
			takes.add(() -> {
				HttpResponse<String> r = kiosk.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/hall/tickets"))
					.timeout(Duration.ofSeconds(60))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"category\": \"D\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
				return WebSession.JSON.readTree(r.body()).get("number").asString();
			});
		}
		List<String> numbers = new ArrayList<>();
		for (Future<String> f : pool.invokeAll(takes)) {
			numbers.add(f.get());
		}
		pool.shutdown();
		List<Integer> values = numbers.stream().map(n -> Integer.parseInt(n.replaceAll("\\D", ""))).sorted().toList();
		assertThat(values).doesNotHaveDuplicates().hasSize(count);
		assertThat(values.get(count - 1) - values.get(0)).as("consecutive: " + values).isEqualTo(count - 1);
		figures.put("ticketsTakenOnTwoNodes", count);
		figures.put("ticketNumberDuplicates", count - values.stream().distinct().count());
	}

	@Test
	void aSlotBookedFromBothNodesAtOnceIsNeverOverbooked() throws Exception {
		WebSession anyone = new WebSession();
		JsonNode slot = null;
		for (int d = 1; d <= 30 && slot == null; d++) {
			WebSession.Response slots = anyone.get(one.baseUrl(),
					"/api/v1/hall/slots?item=CUS-045&date=" + LocalDate.now(EstationApplication.ZONE).plusDays(d));
			if (slots.status() == 200) {
				for (JsonNode s : slots.json()) {
					if (s.get("remaining").asInt() == s.get("capacity").asInt() && s.get("capacity").asInt() >= 1) {
						slot = s;
						break;
					}
				}
			}
		}
		assertThat(slot).as("a free slot in the next 30 days").isNotNull();
		long slotId = slot.get("id").asLong();
		int capacity = slot.get("capacity").asInt();
		List<String> applicants = List.of("applicant-hk", "applicant-mainland", "enterprise-hk", "enterprise-mainland");
		assertThat(applicants.size()).isGreaterThan(capacity);
		List<WebSession> sessions = new ArrayList<>();
		for (int i = 0; i < applicants.size(); i++) {
			sessions.add(new WebSession().signIn(node(i), applicants.get(i), AppProcess.PASSWORD));
		}
		ExecutorService pool = Executors.newFixedThreadPool(applicants.size());
		List<Callable<Integer>> books = new ArrayList<>();
		for (int i = 0; i < applicants.size(); i++) {
			WebSession s = sessions.get(i);
			String base = node(i + 1); // each books on the node it did not sign in on
			books.add(() -> s.postJson(base, "/api/v1/hall/appointments",
					Map.of("item", "CUS-045", "slotId", slotId)).status());
		}
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> f : pool.invokeAll(books)) {
			statuses.add(f.get());
		}
		pool.shutdown();
		assertThat(statuses).containsOnly(201, 409);
		assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(capacity);
		try (Connection db = PgDatabases.connect(database)) {
			assertThat(CrashRecoveryIntegrationTests.longs(db, "select booked from hall_slot where id = ?", slotId))
				.containsExactly((long) capacity);
			assertThat(CrashRecoveryIntegrationTests.longs(db,
					"select count(*) from hall_appointment where slot_id = ? and status = 'BOOKED'", slotId))
				.containsExactly((long) capacity);
		}
		figures.put("slotCapacity", capacity);
		figures.put("bookingAttemptsOnTwoNodes", statuses.size());
		figures.put("booked", statuses.stream().filter(s -> s == 201).count());
	}

	@Test
	void aUnitAllocatedFromBothNodesAtOnceGoesToOneApplicationOnly() throws Exception {
		WebSession operatorOne = new WebSession().signIn(one.baseUrl(), "park-operator", AppProcess.PASSWORD);
		WebSession operatorTwo = new WebSession().signIn(two.baseUrl(), "park-operator", AppProcess.PASSWORD);
		WebSession admin = new WebSession().signIn(two.baseUrl(), "admin", AppProcess.PASSWORD);
		long first = approvedSettlement("enterprise-hk", operatorOne, admin);
		long second = approvedSettlement("enterprise-mainland", operatorOne, admin);
		WebSession.Response units = operatorTwo.get(two.baseUrl(), "/api/v1/park/units?base=BIOMEDICINE_PARK_II&state=VACANT");
		assertThat(units.status()).isEqualTo(200);
		String unit = units.json().get(0).get("code").asString();

		ExecutorService pool = Executors.newFixedThreadPool(2);
		Future<WebSession.Response> a = pool.submit(() -> operatorOne.postJson(one.baseUrl(),
				"/api/v1/park/settlement-applications/" + first + "/allocation", Map.of("version", 2, "units", List.of(unit))));
		Future<WebSession.Response> b = pool.submit(() -> operatorTwo.postJson(two.baseUrl(),
				"/api/v1/park/settlement-applications/" + second + "/allocation", Map.of("version", 2, "units", List.of(unit))));
		List<Integer> statuses = List.of(a.get().status(), b.get().status());
		pool.shutdown();
		assertThat(statuses).as(a.get().body() + " / " + b.get().body()).containsOnlyOnce(200);
		assertThat(statuses.stream().filter(s -> s != 200).findFirst().orElseThrow()).isBetween(409, 422);
		try (Connection db = PgDatabases.connect(database)) {
			List<Long> holder = CrashRecoveryIntegrationTests.longs(db, "select application_id from park_unit where code = ?", unit);
			assertThat(holder).hasSize(1);
			assertThat(holder.get(0)).isIn(first, second);
			assertThat(CrashRecoveryIntegrationTests.count(db, "select count(*) from park_unit where application_id in ("
					+ first + ", " + second + ")")).isEqualTo(1);
		}
		figures.put("unitAllocationAttemptsOnTwoNodes", 2);
		figures.put("unitsAllocatedTwice", 0);
	}

	/** Applies through the API on node 2, screened on node 1, approved on node 2; returns the application id. */
	static long approvedSettlement(String enterprise, WebSession operator, WebSession admin) throws Exception {
		WebSession applicant = new WebSession().signIn(two.baseUrl(), enterprise, AppProcess.PASSWORD);
		String json = "{\"companyName\":\"雙節點測試公司 " + UUID.randomUUID().toString().substring(0, 6)
				+ "\",\"description\":\"生物醫藥\",\"base\":\"BIOMEDICINE_PARK_II\",\"areaWanted\":500,"
				+ "\"useWanted\":\"WET_LAB\",\"moveInDate\":\"" + LocalDate.now().plusDays(60) + "\",\"teamSize\":20,"
				+ "\"hkTeamMembers\":4,\"background\":\"MAINLAND\",\"hkFacts\":\"與香港大學合作\","
				+ "\"fields\":[\"BIOMEDICINE\"],\"contact\":\"王小姐 +86 755 8888 0000\"}";
		byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		WebSession.Response applied = applicant.postMultipart(two.baseUrl(), "/api/v1/park/settlement-applications",
				List.of(new Object[] { "application", null, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8) },
						new Object[] { "businessPlan", "plan.pdf", "application/pdf", pdf }));
		assertThat(applied.status()).as(applied.body()).isEqualTo(201);
		long id = applied.json().get("id").asLong();
		assertThat(operator.postForm(one.baseUrl(), "/park/operations/applications/" + id + "/screening",
				"version=0&outcome=COMPLETE&note=").status()).isEqualTo(302);
		assertThat(admin.postForm(two.baseUrl(), "/park/operations/applications/" + id + "/decision",
				"version=1&decision=APPROVE&text=").status()).isEqualTo(302);
		WebSession.Response approved = operator.get(two.baseUrl(), "/api/v1/park/settlement-applications/" + id);
		assertThat(approved.json().get("state").asString()).isEqualTo("APPROVED");
		assertThat(approved.json().get("version").asInt()).isEqualTo(2);
		return id;
	}

	@Test
	void anFaqPublishedOnOneNodeIsFoundBySearchOnTheOtherWithinSeconds() throws Exception {
		String marker = "Zq" + UUID.randomUUID().toString().substring(0, 8);
		WebSession applicant = new WebSession().signIn(one.baseUrl(), "applicant-hk", AppProcess.PASSWORD);
		WebSession officer = new WebSession().signIn(two.baseUrl(), "officer-science-innovation", AppProcess.PASSWORD);
		WebSession.Response asked = applicant.postJson(one.baseUrl(), "/api/v1/consultations", Map.of("subjectType",
				"POLICY", "subjectCode", "POL-013", "question", "Can a lab " + marker + " apply with a university partner?"));
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		long id = asked.json().get("id").asLong();
		assertThat(officer.postJson(two.baseUrl(), "/api/v1/consultations/" + id + "/answer",
				Map.of("answer", "Yes, a joint project is the point of the scheme.", "version", 0)).status()).isEqualTo(200);
		assertThat(searchFinds(two, marker)).as("not before it is published").isFalse();

		WebSession.Response published = officer.postJson(one.baseUrl(), "/api/v1/consultations/" + id + "/publish", "{}");
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		long start = System.nanoTime();
		boolean foundOnTwo = false;
		while (!foundOnTwo && System.nanoTime() - start < 30_000_000_000L) {
			foundOnTwo = searchFinds(two, marker);
			if (!foundOnTwo) {
				AppProcess.sleep(100);
			}
		}
		long ms = (System.nanoTime() - start) / 1_000_000;
		figures.put("searchFreshnessOnOtherNodeMs", ms);
		assertThat(foundOnTwo).as("found on node 2").isTrue();
		assertThat(ms).as("within a few seconds (follow interval 1.5 s)").isLessThan(15_000);
		assertThat(searchFinds(one, marker)).as("and on node 1, where it was published").isTrue();
	}

	static boolean searchFinds(AppProcess node, String marker) throws Exception {
		WebSession.Response r = new WebSession().get(node.baseUrl(), "/api/v1/search?lang=en&q=" + marker);
		assertThat(r.status()).isEqualTo(200);
		return r.body().contains("POL-013");
	}

}
