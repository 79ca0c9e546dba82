package org.hetao.estation.hall.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.hetao.estation.hall.internal.Appointments;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The hall's API and pages: shapes, problem details, who may do what, and whose things one sees. */
@SpringBootTest
@AutoConfigureMockMvc
class HallApiIntegrationTests {

	static final String PASSWORD = "test-Password-2026";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Appointments appointments;

	@Autowired
	JdbcClient jdbc;

	static JsonNode json(MvcTestResult result) {
		return JSON.readTree(result.getResponse().getContentAsByteArray());
	}

	MvcTestResult post(String uri, String body, String user) {
		var request = mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body);
		if (user != null) {
			request = request.with(httpBasic(user, PASSWORD));
		}
		return request.exchange();
	}

	MvcTestResult get(String uri, String user) {
		var request = mvc.get().uri(uri);
		if (user != null) {
			request = request.with(httpBasic(user, PASSWORD));
		}
		return request.exchange();
	}

	@Test
	void anyoneTakesATicketAndFollowsItByItsToken() {
		MvcTestResult issued = post("/api/v1/hall/tickets", """
				{"category": "C", "phone": "+86 138 0013 8000", "priority": "PREGNANT"}""", null);
		assertThat(issued).hasStatus(201);
		JsonNode ticket = json(issued);
		assertThat(ticket.get("number").asString()).matches("C\\d{3,}");
		assertThat(ticket.get("status").asString()).isEqualTo("WAITING");
		assertThat(ticket.get("priority").asString()).isEqualTo("PREGNANT");
		assertThat(ticket.get("phone").asString()).isEqualTo("+86 *** **** 8000");
		assertThat(ticket.get("peopleAhead").isNumber()).isTrue();
		assertThat(ticket.get("estimatedMinutes").isNumber()).isTrue();
		assertThat(ticket.has("id")).as("the public view does not expose internal ids").isFalse();
		String token = ticket.get("token").asString();
		assertThat(issued.getResponse().getHeader("Location")).isEqualTo("/api/v1/hall/tickets/" + token);
		assertThat(json(get("/api/v1/hall/tickets/" + token, null)).get("number").asString())
			.isEqualTo(ticket.get("number").asString());
		assertThat(get("/api/v1/hall/tickets/000000000000000000000000", null)).hasStatus(404);
	}

	@Test
	void anInvalidTicketRequestIsAProblemDetailWithFieldErrors() {
		MvcTestResult result = post("/api/v1/hall/tickets", """
				{"category": "V", "phone": "call me maybe"}""", null);
		assertThat(result).hasStatus(422);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		JsonNode problem = json(result);
		assertThat(problem.get("code").asString()).isEqualTo("hall.error.invalidTicket");
		assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList())
			.containsExactlyInAnyOrder("category", "phone");
	}

	@Test
	void theBoardSnapshotIsPublic() {
		MvcTestResult board = get("/api/v1/hall/board", null);
		assertThat(board).hasStatus(200);
		JsonNode body = json(board);
		assertThat(body.get("waiting").propertyNames()).contains("A", "B", "C", "D", "V");
		assertThat(body.get("latestPerWindow").isArray()).isTrue();
		assertThat(get("/api/v1/hall/categories", null)).hasStatus(200);
		assertThat(json(get("/api/v1/hall/windows", null)).size()).isGreaterThanOrEqualTo(4);
	}

	@Test
	void callingIsForClerksAndTheManagerViewForTheHallManager() {
		assertThat(post("/api/v1/hall/counter/call-next", "{}", null)).hasStatus(401);
		assertThat(post("/api/v1/hall/counter/call-next", "{}", "applicant-hk")).hasStatus(403);
		assertThat(get("/api/v1/hall/manager/statistics", "clerk")).hasStatus(403);
		MvcTestResult stats = get("/api/v1/hall/manager/statistics", "hall-manager");
		assertThat(stats).hasStatus(200);
		assertThat(json(stats).get("categories").size()).isEqualTo(5);
		assertThat(json(stats).has("p90WaitSeconds")).isTrue();
		assertThat(get("/hall/manager", "clerk")).hasStatus(403);
		assertThat(get("/hall/manager", "hall-manager")).hasStatus(200);
		assertThat(mvc.get().uri("/hall/counter").accept(MediaType.TEXT_HTML).exchange()).hasStatus3xxRedirection();
	}

	@Test
	void aClerkSignsInCallsServesAndLinksCases() {
		assertThat(post("/api/v1/hall/counter/call-next", "{}", "clerk2")).as("not at a window yet").hasStatus(403);
		assertThat(post("/api/v1/hall/counter/sign-in", """
				{"window": "2"}""", "clerk2")).hasStatus(200);
		JsonNode counter = json(get("/api/v1/hall/counter", "clerk2"));
		if (counter.hasNonNull("current")) {
			post("/api/v1/hall/counter/tickets/" + counter.get("current").get("id").asLong() + "/no-show", "{}", "clerk2");
		}
		String number = json(post("/api/v1/hall/tickets", """
				{"category": "A"}""", null)).get("number").asString();
		JsonNode called;
		do {
			MvcTestResult next = post("/api/v1/hall/counter/call-next", "{}", "clerk2");
			assertThat(next).hasStatus(200);
			called = json(next);
			if (!called.get("number").asString().equals(number)) {
				post("/api/v1/hall/counter/tickets/" + called.get("id").asLong() + "/no-show", "{}", "clerk2");
			}
		}
		while (!called.get("number").asString().equals(number));
		assertThat(called.get("status").asString()).isEqualTo("CALLED");
		assertThat(called.get("window").asString()).isEqualTo("2");
		long id = called.get("id").asLong();
		assertThat(post("/api/v1/hall/counter/call-next", "{}", "clerk2")).hasStatus(409);
		assertThat(post("/api/v1/hall/counter/tickets/" + id + "/start", "{}", "clerk")).as("another clerk").hasStatus(403);
		assertThat(post("/api/v1/hall/counter/tickets/" + id + "/start", "{}", "clerk2")).hasStatus(200);
		MvcTestResult bad = post("/api/v1/hall/counter/tickets/" + id + "/finish", """
				{"caseReceipts": ["HT2026"]}""", "clerk2");
		assertThat(bad).hasStatus(422);
		MvcTestResult finished = post("/api/v1/hall/counter/tickets/" + id + "/finish", """
				{"caseReceipts": ["HT20261127-000123"]}""", "clerk2");
		assertThat(finished).hasStatus(200);
		assertThat(json(finished).get("status").asString()).isEqualTo("SERVED");
		assertThat(json(finished).get("caseReceipts").get(0).asString()).isEqualTo("HT20261127-000123");
		assertThat(jdbc.sql("select case_receipts from hall_ticket where id = ?").param(id).query(String.class).single())
			.isEqualTo("HT20261127-000123");
		assertThat(json(get("/api/v1/hall/board", null)).get("latestPerWindow").valueStream()
			.anyMatch(c -> c.get("window").asString().equals("2"))).isTrue();
		assertThat(post("/api/v1/hall/counter/sign-out", "{}", "clerk2")).hasStatus(204);
	}

	@Test
	void anApplicantBooksAnItemsSlotAndOnlyTheySeeOrCancelIt() {
		LocalDate day = appointments.bookableDates().stream().filter(d -> d.isAfter(appointments.today())).findFirst().orElseThrow();
		MvcTestResult slots = get("/api/v1/hall/slots?item=CUS-045&date=" + day, null);
		assertThat(slots).hasStatus(200);
		JsonNode free = json(slots).valueStream().filter(s -> s.get("remaining").asInt() > 0).findFirst().orElseThrow();
		assertThat(free.get("category").asString()).as("the catalogue's ticket category for CUS-045").isEqualTo("B");
		assertThat(get("/api/v1/hall/slots?item=NOPE-0000&date=" + day, null)).hasStatus(422);

		assertThat(post("/api/v1/hall/appointments", "{\"item\": \"CUS-045\", \"slotId\": " + free.get("id").asLong() + "}", "clerk"))
			.as("staff do not book").hasStatus(403);
		MvcTestResult booked = post("/api/v1/hall/appointments",
				"{\"item\": \"CUS-045\", \"slotId\": " + free.get("id").asLong() + "}", "applicant-hk");
		assertThat(booked).hasStatus(201);
		JsonNode appointment = json(booked);
		assertThat(appointment.get("code").asString()).hasSize(8);
		assertThat(appointment.get("status").asString()).isEqualTo("BOOKED");
		long id = appointment.get("id").asLong();
		assertThat(get("/api/v1/hall/appointments/" + id, "applicant-mainland")).hasStatus(404);
		assertThat(post("/api/v1/hall/appointments/" + id + "/cancel", "{}", "applicant-mainland")).hasStatus(404);
		assertThat(json(get("/api/v1/hall/appointments", "applicant-hk")).valueStream().map(a -> a.get("id").asLong()).toList())
			.contains(id);
		assertThat(json(get("/api/v1/hall/appointments", "applicant-mainland")).valueStream().map(a -> a.get("id").asLong()).toList())
			.doesNotContain(id);
		assertThat(get("/hall/appointments/" + id, "applicant-mainland")).hasStatus(404);
		assertThat(get("/hall/appointments/" + id, "applicant-hk")).hasStatus(200).bodyText().contains(appointment.get("code").asString());
		MvcTestResult cancelled = post("/api/v1/hall/appointments/" + id + "/cancel", "{}", "applicant-hk");
		assertThat(cancelled).hasStatus(200);
		assertThat(json(cancelled).get("status").asString()).isEqualTo("CANCELLED");
	}

	@Test
	void enterprisesBookRoomsAndPeopleDoNot() {
		LocalDate day = LocalDate.now().plusDays(900 + (long) (Math.random() * 5000));
		String body = "{\"date\": \"" + day + "\", \"from\": \"14:00\", \"to\": \"15:30\", \"purpose\": \"Supplier negotiation\", \"attendees\": 6}";
		assertThat(post("/api/v1/hall/rooms/NEG-1/bookings", body, "applicant-hk")).hasStatus(403);
		MvcTestResult booked = post("/api/v1/hall/rooms/NEG-1/bookings", body, "enterprise-hk");
		assertThat(booked).hasStatus(201);
		assertThat(json(booked).get("status").asString()).isEqualTo("APPROVED");
		assertThat(post("/api/v1/hall/rooms/NEG-1/bookings", body, "enterprise-mainland")).hasStatus(409);
		long id = json(booked).get("id").asLong();
		assertThat(get("/api/v1/hall/room-bookings/" + id, "enterprise-mainland")).hasStatus(404);
		assertThat(json(get("/api/v1/hall/rooms/NEG-1/bookings?date=" + day, null)).size()).isEqualTo(1);
		assertThat(post("/api/v1/hall/room-bookings/" + id + "/cancel", "{}", "enterprise-hk")).hasStatus(200);
		MvcTestResult invalid = post("/api/v1/hall/rooms/NEG-1/bookings",
				"{\"date\": \"" + day + "\", \"from\": \"15:00\", \"to\": \"14:00\", \"purpose\": \"\", \"attendees\": 0}", "enterprise-hk");
		assertThat(invalid).hasStatus(422);
		assertThat(json(invalid).get("errors").valueStream().map(e -> e.get("field").asString()).toList())
			.contains("to", "purpose", "attendees");
	}

	@Test
	void theKioskWorksWithPlainFormsAndNoSignIn() {
		assertThat(mvc.get().uri("/hall/kiosk").exchange()).hasStatus(200).bodyText().contains("name=\"category\"");
		MvcTestResult taken = mvc.post().uri("/hall/kiosk/tickets").param("category", "D").param("phone", "").with(csrf()).exchange();
		assertThat(taken).hasStatus3xxRedirection();
		String location = taken.getResponse().getRedirectedUrl();
		assertThat(location).matches("/hall/tickets/[0-9a-f]{24}");
		assertThat(mvc.get().uri(location).exchange()).hasStatus(200).bodyText().containsPattern("D\\d{3}");
		MvcTestResult invalid = mvc.post().uri("/hall/kiosk/tickets").param("category", "D").param("phone", "nope").with(csrf()).exchange();
		assertThat(invalid).hasStatus(200).bodyText().contains("aria-invalid=\"true\"");
		MvcTestResult wrongCode = mvc.post().uri("/hall/kiosk/check-in").param("code", "ZZZZ2222").with(csrf()).exchange();
		assertThat(wrongCode).hasStatus(200).bodyText().contains("field__error");
		assertThat(mvc.get().uri("/hall/board").exchange()).hasStatus(200).bodyText().contains("sse-connect");
		for (String page : List.of("/hall/events", "/hall/rooms", "/hall/rooms/NEG-1")) {
			assertThat(mvc.get().uri(page).exchange()).as(page).hasStatus(200);
		}
	}

	@Test
	void pagesForSignedInUsersRenderInEachLanguage() {
		for (String lang : List.of("zh-Hant", "zh-Hans", "en")) {
			for (Map.Entry<String, String> page : Map.of("/hall/appointments", "applicant-hk", "/hall/appointments/new?item=CUS-045",
					"applicant-hk", "/hall/counter", "clerk", "/hall/manager", "hall-manager", "/hall/rooms/NEG-2", "enterprise-hk",
					"/hall/kiosk", "clerk").entrySet()) {
				assertThat(get(page.getKey() + (page.getKey().contains("?") ? "&" : "?") + "lang=" + lang, page.getValue()))
					.as(page.getKey() + " in " + lang)
					.hasStatus(200)
					.bodyText()
					.as("no message key is missing")
					.doesNotContain("??");
			}
		}
	}

}
