package org.hetao.estation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hetao.estation.casework.CaseChannel;
import org.hetao.estation.casework.CaseSubmitted;
import org.hetao.estation.casework.DeliveryMethod;
import org.hetao.estation.casework.TaskDelivered;
import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The route walk: every handler mapping the application has at runtime is classified here (public with a
 * reason, or the principals allowed), and called by each principal with ids that belong to applicant A.
 * Everyone not allowed is refused (401/403/404 or the sign-in page); the allowed get through, and the owner
 * gets 200 on every page and API that shows one of A's things. A route added later without a classification
 * fails {@link #everyRouteIsClassified()}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessControlIntegrationTests {

	/** The principals of the walk. OFFICER_X is of the department that owns A's task and consultation. */
	enum P {
		ANONYMOUS, APPLICANT_A, APPLICANT_B, CLERK, OFFICER_X, OFFICER_Y, SUPERVISOR, HALL_MANAGER, PARK_OPERATOR, ADMIN
	}

	static final Set<P> ALL = EnumSet.allOf(P.class);

	static final Set<P> SIGNED_IN = EnumSet.complementOf(EnumSet.of(P.ANONYMOUS));

	static final Set<P> APPLICANTS = EnumSet.of(P.APPLICANT_A, P.APPLICANT_B);

	static final Set<P> OFFICERS = EnumSet.of(P.OFFICER_X, P.OFFICER_Y);

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final String MATTER = "HK-STARTUP-SETTLE";

	static final Map<String, String> ANSWERS = Map.ofEntries(Map.entry("shared.legalRepName", "陳大文"),
			Map.entry("shared.legalRepIdNumber", "A123456(3)"), Map.entry("shared.contactPhone", "+852 9123 4567"),
			Map.entry("shared.registeredAddress", "深圳市福田區河套"), Map.entry("item.LEG-001.documentType", "COMPANY"),
			Map.entry("item.LEG-001.usePurpose", "設立登記"), Map.entry("item.LEG-001.documentCount", "2"), Map.entry("item.GOV-001.proposedName", "港深創科"),
			Map.entry("item.GOV-001.industry", "IT"), Map.entry("item.GOV-001.investorName", "港深創科有限公司"),
			Map.entry("item.GOV-002.registeredCapital", "1000000"), Map.entry("item.GOV-002.investmentAmount", "1000000"),
			Map.entry("item.GOV-002.businessScope", "軟件開發"), Map.entry("item.GOV-002.investorName", "港深創科有限公司"),
			Map.entry("item.PSB-001.sealTypes", "STANDARD"), Map.entry("item.FIN-001.bankName", "BOC"),
			Map.entry("item.FIN-001.accountCurrency", "CNY"), Map.entry("item.TAX-001.financeOfficerName", "李會計"),
			Map.entry("item.TAX-001.financeOfficerPhone", "+852 9876 5432"), Map.entry("item.TAX-001.taxpayerType", "SMALL"),
			Map.entry("item.TAX-001.accountingStandard", "SBE"), Map.entry("shared.companyName", "Route Walk Ltd"));

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Accounts accounts;

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	org.hetao.estation.feedback.Evaluations evaluations;

	final Map<P, EstationUser> principals = new HashMap<>();

	/** A's things. */
	String receipt;

	long caseId;

	long taskId;

	long draftId;

	long documentId;

	String ticketToken;

	long ticketId;

	long appointmentId;

	long roomBookingId;

	long eventId;

	long serviceId;

	long notificationId;

	long consultationId;

	long settlementId;

	long rectificationId;

	/** "METHOD pattern" → how it is guarded and which URI the walk calls. */
	final Map<String, Rule> rules = new LinkedHashMap<>();

	/**
	 * @param allowed who gets through; everyone else must be refused
	 * @param owner who must get a 200 (GET only), {@code null} when the route shows nobody's thing in particular
	 * @param reason why a route is public
	 */
	record Rule(String method, String uri, Set<P> allowed, P owner, String reason) {
	}

	EstationUser account(String username) {
		return accounts.findByUsername(username).orElseThrow();
	}

	JsonNode body(MvcTestResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	MvcTestResult postJson(P who, String uri, String body) {
		var request = mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body);
		if (who != P.ANONYMOUS) {
			request = request.with(user(principals.get(who)));
		}
		return request.exchange();
	}

	@BeforeEach
	void principalsAndTheirThings() throws Exception {
		principals.put(P.APPLICANT_A, account("enterprise-hk"));
		principals.put(P.APPLICANT_B, account("enterprise-mainland"));
		principals.put(P.CLERK, account("clerk"));
		principals.put(P.OFFICER_X, account("officer-legal-services"));
		principals.put(P.OFFICER_Y, account("officer-customs"));
		principals.put(P.SUPERVISOR, account("supervisor"));
		principals.put(P.HALL_MANAGER, account("hall-manager"));
		principals.put(P.PARK_OPERATOR, account("park-operator"));
		principals.put(P.ADMIN, account("admin"));
		EstationUser a = principals.get(P.APPLICANT_A);

		// a case (its first task is legal services'), a draft, a document
		Map<String, Object> materials = Map.of("ATTESTED_DOCUMENT", documents.upload(a.id(), "a.pdf", PDF, "file").id(),
				"HK_BR_CERTIFICATE", documents.upload(a.id(), "b.pdf", PDF, "file").id(), "AGENT_AUTHORISATION",
				documents.upload(a.id(), "c.pdf", PDF, "file").id());
		MvcTestResult submitted = mvc.post()
			.uri("/api/v1/applications")
			.with(user(a))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("matterCode", MATTER, "answers", ANSWERS, "materials", materials)))
			.exchange();
		assertThat(submitted).hasStatus(201);
		receipt = body(submitted).get("receiptNumber").asString();
		caseId = body(submitted).get("caseId").asLong();
		taskId = jdbc.sql("select id from casework_task where case_id = :c and item_code = 'LEG-001'")
			.param("c", caseId)
			.query(Long.class)
			.single();
		documentId = (Long) materials.get("ATTESTED_DOCUMENT");
		MvcTestResult draft = mvc.post().uri("/applications/new").param("matter", MATTER).with(user(a)).with(csrf()).exchange();
		String location = draft.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/applications/drafts/");
		draftId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		// the hall: a ticket, an appointment, a room booking, an event
		MvcTestResult ticket = postJson(P.ANONYMOUS, "/api/v1/hall/tickets", "{\"category\": \"D\"}");
		assertThat(ticket).hasStatus(201);
		ticketToken = body(ticket).get("token").asString();
		ticketId = jdbc.sql("select id from hall_ticket where token = :t").param("t", ticketToken).query(Long.class).single();
		appointmentId = appointment();
		LocalDate day = LocalDate.now().plusDays(900 + ThreadLocalRandom.current().nextInt(5000));
		MvcTestResult booked = postJson(P.APPLICANT_A, "/api/v1/hall/rooms/NEG-1/bookings", "{\"date\": \"" + day
				+ "\", \"from\": \"09:00\", \"to\": \"10:00\", \"purpose\": \"Route walk\", \"attendees\": 3}");
		assertThat(booked).hasStatus(201);
		roomBookingId = body(booked).get("id").asLong();
		eventId = jdbc.sql("select min(id) from hall_event").query(Long.class).single();

		// a delivered service A can rate, rated badly so that legal services has a rectification
		String deliveredReceipt = "HT20261127-" + ThreadLocalRandom.current().nextInt(100000, 999999);
		long fakeCase = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
		tx.executeWithoutResult(s -> {
			events.publishEvent(new CaseSubmitted(fakeCase, deliveredReceipt, a.id(), null, List.of("LEG-001"),
					CaseChannel.ONLINE, Instant.now()));
			events.publishEvent(new TaskDelivered(fakeCase, deliveredReceipt, a.id(), fakeCase + 1, "LEG-001",
					DeliveryMethod.ELECTRONIC, Instant.now()));
		});
		serviceId = jdbc.sql("select id from feedback_service where receipt_number = :r")
			.param("r", deliveredReceipt)
			.query(Long.class)
			.single();
		assertThat(mvc.post()
			.uri("/evaluations/{id}", serviceId)
			.param("rating", "VERY_DISSATISFIED")
			.param("reasons", "SLOW")
			.param("comment", "route walk")
			.with(user(a))
			.with(csrf())).hasStatus3xxRedirection();
		rectificationId = jdbc
			.sql("select r.id from feedback_rectification r join feedback_evaluation e on e.id = r.evaluation_id where e.service_id = :s")
			.param("s", serviceId)
			.query(Long.class)
			.single();
		notificationId = jdbc.sql("select max(id) from notification where account_id = :a and channel = 'INBOX'")
			.param("a", a.id())
			.query(Long.class)
			.single();

		// a consultation about legal services' item, a settlement application
		MvcTestResult asked = postJson(P.APPLICANT_A, "/api/v1/consultations",
				"{\"subjectType\":\"ITEM\",\"subjectCode\":\"LEG-001\",\"question\":\"Route walk question?\"}");
		assertThat(asked).hasStatus(201);
		consultationId = body(asked).get("id").asLong();
		String company = "路線測試 " + UUID.randomUUID().toString().substring(0, 6);
		MvcTestResult settlement = mvc.post()
			.uri("/api/v1/park/settlement-applications")
			.multipart()
			.file(new MockMultipartFile("application", "", "application/json", ("{\"companyName\":\"" + company
					+ "\",\"description\":\"生物醫藥\",\"base\":\"BIOMEDICINE_PARK_II\",\"areaWanted\":500,\"useWanted\":\"WET_LAB\",\"moveInDate\":\""
					+ LocalDate.now().plusDays(60)
					+ "\",\"teamSize\":20,\"hkTeamMembers\":4,\"background\":\"HONG_KONG\",\"hkFacts\":\"港大\",\"fields\":[\"BIOMEDICINE\"],\"contact\":\"陳先生 +852 9123 4567\"}")
				.getBytes(StandardCharsets.UTF_8)))
			.file(new MockMultipartFile("businessPlan", "plan.pdf", "application/pdf", PDF))
			.with(user(a))
			.exchange();
		assertThat(settlement).hasStatus(201);
		settlementId = jdbc.sql("select id from park_settlement where company_name = :c")
			.param("c", company)
			.query(Long.class)
			.single();
		classify();
	}

	long appointment() throws Exception {
		for (int i = 1; i < 60; i++) {
			LocalDate day = LocalDate.now().plusDays(i);
			MvcTestResult slots = mvc.get().uri("/api/v1/hall/slots?item=CUS-045&date=" + day).exchange();
			if (slots.getResponse().getStatus() != 200) {
				continue;
			}
			for (JsonNode slot : body(slots)) {
				if (slot.get("remaining").asInt() > 0) {
					MvcTestResult booked = postJson(P.APPLICANT_A, "/api/v1/hall/appointments",
							"{\"item\": \"CUS-045\", \"slotId\": " + slot.get("id").asLong() + "}");
					if (booked.getResponse().getStatus() == 201) {
						return body(booked).get("id").asLong();
					}
				}
			}
		}
		throw new AssertionError("no free appointment slot in the next two months");
	}

	// ------------------------------------------------------------------ the classification

	void pub(String route, String uri, String reason) {
		add(route, uri, ALL, null, reason);
	}

	void only(String route, String uri, Set<P> allowed) {
		add(route, uri, allowed, null, null);
	}

	/** A's thing: A (and the staff listed) get through, A gets a 200 on a GET. */
	void owned(String route, String uri, Set<P> alsoAllowed) {
		Set<P> allowed = EnumSet.of(P.APPLICANT_A);
		allowed.addAll(alsoAllowed);
		add(route, uri, allowed, P.APPLICANT_A, null);
	}

	void add(String route, String uri, Set<P> allowed, P owner, String reason) {
		String method = route.substring(0, route.indexOf(' '));
		assertThat(rules.put(route, new Rule(method, uri, allowed, owner, reason))).as("classified twice: " + route).isNull();
	}

	static Set<P> of(P... ps) {
		return ps.length == 0 ? EnumSet.noneOf(P.class) : EnumSet.of(ps[0], ps);
	}

	static Set<P> plus(Set<P> set, P... more) {
		Set<P> all = EnumSet.copyOf(set);
		all.addAll(List.of(more));
		return all;
	}

	void classify() {
		String r = receipt;
		Set<P> none = of();
		Set<P> staffOfWindow = of(P.CLERK, P.HALL_MANAGER);
		// portal and static
		pub("GET /", "/", "the home page");
		pub("GET /language", "/language?lang=en", "choosing a language before signing in");
		pub("GET /contact", "/contact", "how to reach the service centre");
		pub("GET /privacy", "/privacy", "the privacy notice");
		pub("GET /accessibility", "/accessibility", "the accessibility statement");
		pub("GET /terms", "/terms", "the terms of use");
		pub("GET /design", "/design", "the design system (public in demo mode, as here; staff only otherwise)");
		pub("ANY /error", "/error", "the error page (called directly it reports an unknown failure: 500)");
		pub("ANY /error#json", "/error", "the error body for APIs (likewise)");
		pub("GET /v3/api-docs", "/v3/api-docs", "the published API description");
		only("GET /v3/api-docs.yaml", "/v3/api-docs.yaml", SIGNED_IN);
		pub("GET /v3/api-docs/swagger-config", "/v3/api-docs/swagger-config", "the API browser");
		pub("GET /swagger-ui.html", "/swagger-ui.html", "the API browser");
		// identity
		pub("GET /login", "/login", "signing in");
		pub("GET /register", "/register", "registering");
		pub("POST /register", "/register", "registering");
		pub("POST /api/v1/identity-documents/validate", "/api/v1/identity-documents/validate",
				"checks a number's format, stores nothing");
		only("GET /account", "/account", SIGNED_IN);
		only("POST /account/language", "/account/language", SIGNED_IN);
		only("POST /account/applicant-type", "/account/applicant-type", SIGNED_IN);
		only("POST /account/sign-out-everywhere", "/account/sign-out-everywhere", SIGNED_IN);
		// catalogue
		pub("GET /catalog", "/catalog", "the public catalogue");
		pub("GET /catalog/items/{code}", "/catalog/items/LEG-001", "the public catalogue");
		pub("GET /catalog/matters/{code}", "/catalog/matters/" + MATTER, "the public catalogue");
		for (String p : List.of("/themes", "/domains", "/departments", "/items", "/matters")) {
			pub("GET /api/v1/catalog" + p, "/api/v1/catalog" + p, "the public catalogue");
		}
		pub("GET /api/v1/catalog/items/{code}", "/api/v1/catalog/items/LEG-001", "the public catalogue");
		pub("GET /api/v1/catalog/matters/{code}", "/api/v1/catalog/matters/" + MATTER, "the public catalogue");
		only("GET /admin/catalog", "/admin/catalog", of(P.ADMIN));
		only("GET /admin/catalog/export", "/admin/catalog/export", of(P.ADMIN));
		only("POST /admin/catalog/import", "/admin/catalog/import", of(P.ADMIN));
		only("GET /api/v1/admin/catalog/export", "/api/v1/admin/catalog/export", of(P.ADMIN));
		only("POST /api/v1/admin/catalog/import", "/api/v1/admin/catalog/import", of(P.ADMIN));
		only("POST /api/v1/admin/catalog/import#json", "/api/v1/admin/catalog/import", of(P.ADMIN));
		// calendars
		pub("GET /calendars", "/calendars", "public working-day calendars");
		pub("GET /calendars/deadline", "/calendars/deadline", "public deadline calculator");
		pub("GET /api/v1/calendars/{jurisdiction}/days/{date}", "/api/v1/calendars/CN/days/2026-11-27", "public calendars");
		pub("GET /api/v1/calendars/{jurisdiction}/deadline", "/api/v1/calendars/CN/deadline", "public calendars");
		pub("GET /api/v1/calendars/{jurisdiction}/years", "/api/v1/calendars/CN/years", "public calendars");
		pub("GET /api/v1/calendars/coverage", "/api/v1/calendars/coverage", "public calendars");
		only("POST /api/v1/calendars/CN/years/{year}", "/api/v1/calendars/CN/years/2099", of(P.ADMIN));
		only("POST /api/v1/calendars/HK/years/{year}", "/api/v1/calendars/HK/years/2099", of(P.ADMIN));
		only("DELETE /api/v1/calendars/{jurisdiction}/years/{year}", "/api/v1/calendars/CN/years/2099", of(P.ADMIN));
		only("GET /admin/calendars", "/admin/calendars", of(P.ADMIN, P.SUPERVISOR, P.PARK_OPERATOR, P.HALL_MANAGER));
		only("POST /admin/calendars/cn", "/admin/calendars/cn", of(P.ADMIN));
		only("POST /admin/calendars/hk", "/admin/calendars/hk", of(P.ADMIN));
		only("POST /admin/calendars/{jurisdiction}/{year}/remove", "/admin/calendars/CN/2099/remove", of(P.ADMIN));
		// casework: the applicant's pages
		Set<P> appOrClerk = plus(APPLICANTS, P.CLERK, P.HALL_MANAGER);
		only("GET /applications", "/applications", appOrClerk);
		only("GET /applications/new", "/applications/new?matter=" + MATTER, APPLICANTS);
		only("POST /applications/new", "/applications/new?matter=" + MATTER, APPLICANTS);
		String d = "/applications/drafts/" + draftId;
		owned("GET /applications/drafts/{id}", d, none);
		owned("GET /applications/drafts/{id}/shared", d + "/shared", none);
		owned("POST /applications/drafts/{id}/shared", d + "/shared", none);
		owned("GET /applications/drafts/{id}/items/{code}", d + "/items/LEG-001", none);
		owned("POST /applications/drafts/{id}/items/{code}", d + "/items/LEG-001", none);
		owned("GET /applications/drafts/{id}/materials", d + "/materials", none);
		owned("POST /applications/drafts/{id}/materials", d + "/materials", none);
		owned("GET /applications/drafts/{id}/check", d + "/check", none);
		owned("POST /applications/drafts/{id}/submit", d + "/submit", none);
		owned("POST /applications/drafts/{id}/discard", d + "/discard", none);
		owned("GET /applications/{receipt:HT[0-9]{8}-[0-9]{6}}", "/applications/" + r, staffOfWindow);
		owned("POST /applications/{receipt:HT[0-9]{8}-[0-9]{6}}/withdraw", "/applications/" + r + "/withdraw", none);
		owned("POST /applications/{receipt:HT[0-9]{8}-[0-9]{6}}/tasks/{taskId}/complete-here",
				"/applications/" + r + "/tasks/" + taskId + "/complete-here", none);
		owned("GET /applications/{receipt:HT[0-9]{8}-[0-9]{6}}/correct", "/applications/" + r + "/correct", none);
		owned("POST /applications/{receipt:HT[0-9]{8}-[0-9]{6}}/correct", "/applications/" + r + "/correct", none);
		// casework: the API
		only("POST /api/v1/applications", "/api/v1/applications", plus(APPLICANTS, P.CLERK, P.HALL_MANAGER, P.OFFICER_X,
				P.OFFICER_Y));
		only("GET /api/v1/applications", "/api/v1/applications", plus(APPLICANTS, P.CLERK, P.HALL_MANAGER, P.OFFICER_X,
				P.OFFICER_Y));
		owned("GET /api/v1/applications/{receiptNumber}", "/api/v1/applications/" + r,
				of(P.CLERK, P.HALL_MANAGER, P.OFFICER_X));
		owned("POST /api/v1/applications/{receiptNumber}/resubmit", "/api/v1/applications/" + r + "/resubmit", none);
		owned("POST /api/v1/applications/{receiptNumber}/withdraw", "/api/v1/applications/" + r + "/withdraw", none);
		// fees and payments: the case's fees for whoever may see the case; paying for its applicant only; a payment
		// for its payer and staff (none here: no payment is made in this walk, so everyone meets a 404)
		owned("GET /api/v1/applications/{receiptNumber}/fees", "/api/v1/applications/" + r + "/fees",
				of(P.CLERK, P.HALL_MANAGER, P.OFFICER_X));
		owned("POST /api/v1/applications/{receiptNumber}/payments", "/api/v1/applications/" + r + "/payments", none);
		only("GET /api/v1/payments/{paymentId}", "/api/v1/payments/pay_0000", none);
		only("POST /api/v1/payments/{paymentId}/refunds", "/api/v1/payments/pay_0000/refunds", none);
		for (String path : List.of("/payments/reconciliation", "/payments/reconciliation/export.csv",
				"/payments/reconciliation/export.xlsx")) {
			only("GET " + path, path, of(P.SUPERVISOR, P.ADMIN));
		}
		only("POST /payments/reconciliation", "/payments/reconciliation", of(P.SUPERVISOR, P.ADMIN));
		owned("GET /applications/{receipt:HT[0-9]{8}-[0-9]{6}}/fees", "/applications/" + r + "/fees", of(P.CLERK, P.HALL_MANAGER));
		owned("GET /applications/{receipt:HT[0-9]{8}-[0-9]{6}}/fees/summary", "/applications/" + r + "/fees/summary", of(P.CLERK, P.HALL_MANAGER));
		owned("POST /applications/{receipt:HT[0-9]{8}-[0-9]{6}}/fees/pay", "/applications/" + r + "/fees/pay", none);
		pub("POST /api/v1/payments/providers/{provider}/notifications", "/api/v1/payments/providers/sandbox/notifications",
				"a provider's notification: refused (400) unless the provider signed it");
		// the window takes fees; the deciding department's officer (or a supervisor) waives one; a payment's e-receipt
		// and refund for its payer, staff of the case and the deciding officer (none here: no payment in this walk)
		only("POST /api/v1/applications/{receiptNumber}/window-payments", "/api/v1/applications/" + r + "/window-payments",
				staffOfWindow);
		only("GET /payments/window/{receipt:HT[0-9]{8}-[0-9]{6}}", "/payments/window/" + r, staffOfWindow);
		only("POST /payments/window/{receipt:HT[0-9]{8}-[0-9]{6}}", "/payments/window/" + r, staffOfWindow);
		only("POST /api/v1/applications/{receiptNumber}/fees/{taskId}/waiver",
				"/api/v1/applications/" + r + "/fees/" + taskId + "/waiver", of(P.OFFICER_X, P.SUPERVISOR));
		only("GET /payments/waivers/{receipt:HT[0-9]{8}-[0-9]{6}}/{taskId}", "/payments/waivers/" + r + "/" + taskId,
				of(P.OFFICER_X, P.SUPERVISOR));
		only("POST /payments/waivers/{receipt:HT[0-9]{8}-[0-9]{6}}/{taskId}", "/payments/waivers/" + r + "/" + taskId,
				of(P.OFFICER_X, P.SUPERVISOR));
		only("GET /api/v1/payments/{paymentId}/receipt.pdf", "/api/v1/payments/pay_0000/receipt.pdf", none);
		only("GET /payments/{paymentId}/refund", "/payments/pay_0000/refund", none);
		only("POST /payments/{paymentId}/refund", "/payments/pay_0000/refund", none);
		only("GET /api/v1/supervision/fees", "/api/v1/supervision/fees", of(P.SUPERVISOR, P.ADMIN));
		only("GET /sandbox-pay/settlements/{day}.csv", "/sandbox-pay/settlements/2026-12-07.csv", of(P.SUPERVISOR, P.ADMIN));
		pub("GET /sandbox-pay/{ref}", "/sandbox-pay/sbx_0000", "the sandbox provider's hosted page (a provider's page)");
		pub("POST /sandbox-pay/{ref}", "/sandbox-pay/sbx_0000", "the sandbox provider's hosted page (a provider's page)");
		for (String action : List.of("accept", "reject", "deliver")) {
			only("POST /api/v1/tasks/{id}/" + action, "/api/v1/tasks/" + taskId + "/" + action, staffOfWindow);
		}
		only("POST /api/v1/tasks/{id}/request-correction", "/api/v1/tasks/" + taskId + "/request-correction",
				of(P.CLERK, P.HALL_MANAGER, P.OFFICER_X));
		for (String action : List.of("start-review", "approve", "refuse", "extend")) {
			only("POST /api/v1/tasks/{id}/" + action, "/api/v1/tasks/" + taskId + "/" + action, of(P.OFFICER_X));
		}
		only("GET /api/v1/work-queue", "/api/v1/work-queue", OFFICERS);
		// casework: the window and the work queue
		only("GET /window", "/window", staffOfWindow);
		only("GET /window/cases/{id}", "/window/cases/" + caseId, staffOfWindow);
		for (String action : List.of("accept", "reject", "request-correction", "check-materials", "deliver")) {
			only("POST /window/tasks/{taskId}/" + action, "/window/tasks/" + taskId + "/" + action, staffOfWindow);
		}
		only("POST /window/walk-in", "/window/walk-in", staffOfWindow);
		only("GET /work-queue", "/work-queue", OFFICERS);
		only("GET /work-queue/tasks/{taskId}", "/work-queue/tasks/" + taskId, of(P.OFFICER_X));
		for (String action : List.of("start-review", "approve", "refuse", "request-correction", "extend")) {
			only("POST /work-queue/tasks/{taskId}/" + action, "/work-queue/tasks/" + taskId + "/" + action, of(P.OFFICER_X));
		}
		// documents
		only("GET /documents", "/documents", SIGNED_IN);
		only("POST /documents", "/documents", SIGNED_IN);
		owned("GET /documents/{id}", "/documents/" + documentId, of(P.CLERK, P.HALL_MANAGER, P.OFFICER_X));
		only("GET /api/v1/documents", "/api/v1/documents", SIGNED_IN);
		only("POST /api/v1/documents", "/api/v1/documents", SIGNED_IN);
		// hall: public screens, the kiosk, the ticket by its secret token
		pub("GET /hall/kiosk", "/hall/kiosk", "the kiosk in the hall");
		pub("GET /hall/kiosk/cross-border", "/hall/kiosk/cross-border",
				"the cross-border self-service kiosk (elsewhere: where the kiosks are)");
		only("POST /hall/manager/kiosks", "/hall/manager/kiosks", of(P.HALL_MANAGER));
		only("POST /hall/manager/kiosks/{id}/revoke", "/hall/manager/kiosks/999999/revoke", of(P.HALL_MANAGER));
		pub("POST /hall/kiosk/tickets", "/hall/kiosk/tickets", "the kiosk in the hall (rate-limited)");
		pub("POST /hall/kiosk/check-in", "/hall/kiosk/check-in", "the kiosk in the hall (rate-limited)");
		pub("GET /hall/tickets/{token}", "/hall/tickets/" + ticketToken, "a ticket by its unguessable token");
		pub("GET /hall/board", "/hall/board", "the hall's screen");
		pub("GET /hall/board/stream", "/hall/board/stream", "the hall's screen");
		pub("GET /hall/rooms", "/hall/rooms", "rooms and their free times");
		pub("GET /hall/rooms/{code}", "/hall/rooms/NEG-1", "rooms and their free times");
		pub("GET /hall/events", "/hall/events", "public events");
		pub("GET /hall/events/{id}", "/hall/events/" + eventId, "public events");
		pub("POST /api/v1/hall/tickets", "/api/v1/hall/tickets", "taking a ticket (rate-limited)");
		pub("POST /api/v1/hall/tickets/check-in", "/api/v1/hall/tickets/check-in", "checking in (rate-limited)");
		pub("GET /api/v1/hall/tickets/{token}", "/api/v1/hall/tickets/" + ticketToken, "a ticket by its unguessable token");
		pub("GET /api/v1/hall/board", "/api/v1/hall/board", "the hall's screen");
		pub("GET /api/v1/hall/categories", "/api/v1/hall/categories", "hall configuration");
		pub("GET /api/v1/hall/windows", "/api/v1/hall/windows", "hall configuration");
		pub("GET /api/v1/hall/slots", "/api/v1/hall/slots?item=CUS-045&date=" + LocalDate.now().plusDays(3),
				"free places, no names");
		pub("GET /api/v1/hall/rooms", "/api/v1/hall/rooms", "rooms");
		pub("GET /api/v1/hall/rooms/{code}/bookings", "/api/v1/hall/rooms/NEG-1/bookings?date=" + LocalDate.now(),
				"busy times only, no names");
		pub("GET /api/v1/hall/events", "/api/v1/hall/events", "public events");
		// hall: counter, manager
		Set<P> counter = staffOfWindow;
		only("GET /hall/counter", "/hall/counter", counter);
		only("POST /hall/counter/sign-in", "/hall/counter/sign-in", counter);
		only("POST /hall/counter/sign-out", "/hall/counter/sign-out", counter);
		only("POST /hall/counter/call-next", "/hall/counter/call-next", counter);
		only("POST /hall/counter/tickets/{id}/{action}", "/hall/counter/tickets/" + ticketId + "/start", counter);
		only("GET /api/v1/hall/counter", "/api/v1/hall/counter", counter);
		for (String p : List.of("sign-in", "sign-out", "call-next")) {
			only("POST /api/v1/hall/counter/" + p, "/api/v1/hall/counter/" + p, counter);
		}
		for (String action : List.of("recall", "start", "finish", "no-show", "transfer")) {
			only("POST /api/v1/hall/counter/tickets/{id}/" + action, "/api/v1/hall/counter/tickets/" + ticketId + "/" + action,
					counter);
		}
		only("GET /hall/manager", "/hall/manager", of(P.HALL_MANAGER));
		only("POST /hall/manager/bookings/{id}/{decision:approve|reject}", "/hall/manager/bookings/" + roomBookingId + "/reject",
				of(P.HALL_MANAGER));
		only("GET /api/v1/hall/manager/room-bookings", "/api/v1/hall/manager/room-bookings", of(P.HALL_MANAGER));
		only("POST /api/v1/hall/manager/room-bookings/{id}/approve",
				"/api/v1/hall/manager/room-bookings/" + roomBookingId + "/approve", of(P.HALL_MANAGER));
		only("POST /api/v1/hall/manager/room-bookings/{id}/reject",
				"/api/v1/hall/manager/room-bookings/" + roomBookingId + "/reject", of(P.HALL_MANAGER));
		only("GET /api/v1/hall/manager/statistics", "/api/v1/hall/manager/statistics", of(P.HALL_MANAGER));
		// hall: appointments, rooms, events of the signed-in person
		only("GET /hall/appointments", "/hall/appointments", APPLICANTS);
		only("GET /hall/appointments/new", "/hall/appointments/new?item=CUS-045", APPLICANTS);
		only("POST /hall/appointments", "/hall/appointments", APPLICANTS);
		String ap = "/hall/appointments/" + appointmentId;
		owned("GET /hall/appointments/{id}", ap, none);
		owned("POST /hall/appointments/{id}/cancel", ap + "/cancel", none);
		owned("GET /hall/appointments/{id}/reschedule", ap + "/reschedule", none);
		owned("POST /hall/appointments/{id}/reschedule", ap + "/reschedule", none);
		only("GET /api/v1/hall/appointments", "/api/v1/hall/appointments", SIGNED_IN);
		only("POST /api/v1/hall/appointments", "/api/v1/hall/appointments", APPLICANTS);
		owned("GET /api/v1/hall/appointments/{id}", "/api/v1/hall/appointments/" + appointmentId, none);
		owned("POST /api/v1/hall/appointments/{id}/cancel", "/api/v1/hall/appointments/" + appointmentId + "/cancel", none);
		owned("POST /api/v1/hall/appointments/{id}/reschedule", "/api/v1/hall/appointments/" + appointmentId + "/reschedule",
				none);
		only("POST /hall/rooms/{code}/bookings", "/hall/rooms/NEG-1/bookings", SIGNED_IN);
		owned("POST /hall/rooms/bookings/{id}/cancel", "/hall/rooms/bookings/" + roomBookingId + "/cancel", none);
		only("POST /api/v1/hall/rooms/{code}/bookings", "/api/v1/hall/rooms/NEG-1/bookings", SIGNED_IN);
		only("GET /api/v1/hall/room-bookings", "/api/v1/hall/room-bookings", SIGNED_IN);
		owned("GET /api/v1/hall/room-bookings/{id}", "/api/v1/hall/room-bookings/" + roomBookingId, none);
		owned("POST /api/v1/hall/room-bookings/{id}/cancel", "/api/v1/hall/room-bookings/" + roomBookingId + "/cancel", none);
		only("POST /hall/events/{id}/register", "/hall/events/" + eventId + "/register", SIGNED_IN);
		only("POST /hall/events/{id}/cancel", "/hall/events/" + eventId + "/cancel", SIGNED_IN);
		only("POST /api/v1/hall/events/{id}/registrations", "/api/v1/hall/events/" + eventId + "/registrations", SIGNED_IN);
		only("POST /api/v1/hall/events/{id}/registrations/cancel", "/api/v1/hall/events/" + eventId + "/registrations/cancel",
				SIGNED_IN);
		only("GET /api/v1/hall/events/{id}/attendees", "/api/v1/hall/events/" + eventId + "/attendees", of(P.HALL_MANAGER));
		// notifications
		only("GET /inbox", "/inbox", SIGNED_IN);
		only("GET /inbox/badge", "/inbox/badge", SIGNED_IN);
		owned("GET /inbox/{id}", "/inbox/" + notificationId, none);
		only("GET /account/notifications", "/account/notifications", SIGNED_IN);
		only("POST /account/notifications", "/account/notifications", SIGNED_IN);
		only("GET /admin/notifications", "/admin/notifications", of(P.ADMIN, P.SUPERVISOR));
		only("POST /admin/notifications/{id}/resend", "/admin/notifications/" + notificationId + "/resend",
				of(P.ADMIN, P.SUPERVISOR));
		// feedback
		only("GET /evaluations", "/evaluations", APPLICANTS);
		owned("GET /evaluations/{id}", "/evaluations/" + serviceId, none);
		owned("POST /evaluations/{id}", "/evaluations/" + serviceId, none);
		only("GET /api/v1/evaluations", "/api/v1/evaluations", APPLICANTS);
		owned("POST /api/v1/evaluations/{serviceId}", "/api/v1/evaluations/" + serviceId, none);
		Set<P> rectifiers = of(P.OFFICER_X, P.SUPERVISOR, P.ADMIN, P.HALL_MANAGER);
		only("GET /rectifications", "/rectifications", of(P.OFFICER_X, P.OFFICER_Y, P.SUPERVISOR, P.ADMIN, P.HALL_MANAGER));
		only("GET /rectifications/{id}", "/rectifications/" + rectificationId, of(P.OFFICER_X, P.SUPERVISOR, P.ADMIN));
		only("POST /rectifications/{id}/record", "/rectifications/" + rectificationId + "/record", of(P.OFFICER_X));
		only("POST /rectifications/{id}/review", "/rectifications/" + rectificationId + "/review", of(P.SUPERVISOR, P.ADMIN));
		// policies and consultations
		pub("GET /policies", "/policies", "the public policy library");
		pub("GET /policies/{code:[A-Z]{2,10}-[0-9]{3,5}}", "/policies/POL-013", "the public policy library");
		pub("GET /policies/finder", "/policies/finder", "the anonymous policy finder");
		pub("POST /policies/finder", "/policies/finder", "the anonymous policy finder, stores nothing");
		pub("GET /api/v1/policies", "/api/v1/policies", "the public policy library");
		pub("GET /api/v1/policies/{code}", "/api/v1/policies/POL-013", "the public policy library");
		pub("POST /api/v1/policies/eligibility", "/api/v1/policies/eligibility", "the anonymous finder, stores nothing");
		only("GET /api/v1/policies/profile", "/api/v1/policies/profile", APPLICANTS);
		only("PUT /api/v1/policies/profile", "/api/v1/policies/profile", APPLICANTS);
		only("GET /policies/grants", "/policies/grants", APPLICANTS);
		only("GET /api/v1/policies/grants", "/api/v1/policies/grants", APPLICANTS);
		only("POST /api/v1/policies/{code}/matches", "/api/v1/policies/POL-013/matches", OFFICERS);
		only("POST /api/v1/policies/matches/{id}/notify", "/api/v1/policies/matches/999999999/notify", OFFICERS);
		only("GET /policies/matching", "/policies/matching", OFFICERS);
		only("POST /policies/matching/{code}", "/policies/matching/POL-013", OFFICERS);
		only("GET /policies/matching/runs/{id}", "/policies/matching/runs/999999999", OFFICERS);
		only("POST /policies/matching/runs/{id}/notify", "/policies/matching/runs/999999999/notify", OFFICERS);
		Set<P> askers = plus(APPLICANTS, P.OFFICER_X, P.OFFICER_Y);
		only("GET /consultations", "/consultations", askers);
		// an empty question form; asking itself is for applicants only (POST below)
		only("GET /consultations/new", "/consultations/new?type=ITEM&code=LEG-001", askers);
		only("POST /consultations", "/consultations", APPLICANTS);
		owned("GET /consultations/{id}", "/consultations/" + consultationId, of(P.OFFICER_X));
		only("POST /consultations/{id}/answer", "/consultations/" + consultationId + "/answer", of(P.OFFICER_X));
		only("POST /consultations/{id}/publish", "/consultations/" + consultationId + "/publish", of(P.OFFICER_X));
		only("GET /api/v1/consultations", "/api/v1/consultations", askers);
		only("POST /api/v1/consultations", "/api/v1/consultations", APPLICANTS);
		owned("GET /api/v1/consultations/{id}", "/api/v1/consultations/" + consultationId, of(P.OFFICER_X));
		only("POST /api/v1/consultations/{id}/answer", "/api/v1/consultations/" + consultationId + "/answer", of(P.OFFICER_X));
		only("POST /api/v1/consultations/{id}/publish", "/api/v1/consultations/" + consultationId + "/publish", of(P.OFFICER_X));
		// park
		pub("GET /notices", "/notices", "public notices");
		pub("GET /notices/latest", "/notices/latest", "public notices");
		pub("GET /api/v1/notices", "/api/v1/notices", "public notices");
		only("GET /park/notices", "/park/notices", of(P.PARK_OPERATOR));
		only("POST /park/notices", "/park/notices", of(P.PARK_OPERATOR));
		only("POST /park/notices/{id}/withdraw", "/park/notices/999999999/withdraw", of(P.PARK_OPERATOR));
		Set<P> operators = of(P.PARK_OPERATOR, P.ADMIN);
		only("GET /park/operations", "/park/operations", operators);
		only("GET /park/occupancy", "/park/occupancy", operators);
		only("GET /api/v1/park/occupancy", "/api/v1/park/occupancy", operators);
		only("GET /api/v1/park/units", "/api/v1/park/units", operators);
		for (String step : List.of("screening", "decision", "allocation")) {
			only("POST /park/operations/applications/{id}/" + step, "/park/operations/applications/" + settlementId + "/" + step,
					operators);
		}
		only("GET /park/settlement", "/park/settlement", SIGNED_IN);
		only("GET /park/settlement/new", "/park/settlement/new", APPLICANTS);
		only("POST /park/settlement/new", "/park/settlement/new", APPLICANTS);
		owned("GET /park/settlement/{id}", "/park/settlement/" + settlementId, operators);
		owned("POST /park/settlement/{id}/information", "/park/settlement/" + settlementId + "/information", none);
		owned("GET /park/settlement/{id}/plan", "/park/settlement/" + settlementId + "/plan", operators);
		only("GET /api/v1/park/settlement-applications", "/api/v1/park/settlement-applications", SIGNED_IN);
		// creating one's own (multipart; the service refuses anyone but enterprises: SettlementIntegrationTests)
		only("POST /api/v1/park/settlement-applications", "/api/v1/park/settlement-applications", SIGNED_IN);
		owned("GET /api/v1/park/settlement-applications/{id}", "/api/v1/park/settlement-applications/" + settlementId,
				operators);
		only("POST /api/v1/park/settlement-applications/{id}/allocation",
				"/api/v1/park/settlement-applications/" + settlementId + "/allocation", operators);
		// leisure information
		for (String p : List.of("", "/ports", "/shuttle", "/parking", "/dining", "/facilities")) {
			pub("GET /leisure" + p, "/leisure" + p, "public leisure information (ports, shuttle, places)");
		}
		pub("GET /api/v1/leisure/ports", "/api/v1/leisure/ports", "public leisure information");
		pub("GET /api/v1/leisure/shuttle/next", "/api/v1/leisure/shuttle/next?route=H1", "public leisure information");
		// directory and map
		pub("GET /directory", "/directory", "the public directory");
		pub("GET /directory/{code}", "/directory/sunway-hi-tech", "the public directory");
		pub("GET /map", "/map", "the public map");
		pub("GET /api/v1/directory/organisations", "/api/v1/directory/organisations", "the public directory");
		pub("GET /api/v1/directory/organisations/{code}", "/api/v1/directory/organisations/sunway-hi-tech",
				"the public directory");
		only("GET /directory/manage/new", "/directory/manage/new", of(P.PARK_OPERATOR));
		only("POST /directory/manage/new", "/directory/manage/new", of(P.PARK_OPERATOR));
		only("GET /directory/{code}/edit", "/directory/sunway-hi-tech/edit", of(P.PARK_OPERATOR));
		only("POST /directory/{code}/edit", "/directory/sunway-hi-tech/edit", of(P.PARK_OPERATOR));
		// search
		pub("GET /search", "/search?q=hetao", "public search of public things");
		pub("GET /api/v1/search", "/api/v1/search?q=hetao", "public search of public things");
		pub("GET /api/v1/search/suggest", "/api/v1/search/suggest?q=he", "public search of public things");
		only("POST /api/v1/search/index", "/api/v1/search/index", of(P.ADMIN));
		// supervision, audit
		Set<P> supervisors = of(P.SUPERVISOR, P.ADMIN);
		only("GET /supervision", "/supervision", supervisors);
		only("GET /supervision/cases/{receipt}", "/supervision/cases/" + r, supervisors);
		only("GET /supervision/tasks", "/supervision/tasks?show=OVERDUE", supervisors);
		only("GET /supervision/export.csv", "/supervision/export.csv", supervisors);
		only("GET /supervision/export.xlsx", "/supervision/export.xlsx", supervisors);
		only("GET /api/v1/supervision/figures", "/api/v1/supervision/figures", supervisors);
		only("GET /admin/audit", "/admin/audit", supervisors);
		only("POST /admin/audit/verify", "/admin/audit/verify", supervisors);
		only("GET /api/v1/admin/audit/verify", "/api/v1/admin/audit/verify", supervisors);
		only("POST /admin/audit/checkpoint", "/admin/audit/checkpoint", supervisors);
		only("POST /api/v1/admin/audit/checkpoints", "/api/v1/admin/audit/checkpoints", supervisors);
		// identity: second factor and password reset
		Set<P> staff = EnumSet.complementOf(EnumSet.of(P.ANONYMOUS, P.APPLICANT_A, P.APPLICANT_B));
		only("GET /account/mfa", "/account/mfa", SIGNED_IN);
		only("POST /account/mfa", "/account/mfa", SIGNED_IN);
		only("GET /account/mfa/enrol", "/account/mfa/enrol", staff);
		only("POST /account/mfa/enrol", "/account/mfa/enrol", SIGNED_IN);
		only("POST /account/recovery-codes", "/account/recovery-codes", staff);
		only("GET /account/passkeys", "/account/passkeys", staff);
		only("POST /account/passkeys", "/account/passkeys", staff);
		only("POST /account/passkeys/revoke", "/account/passkeys/revoke?id=none", staff);
		only("GET /admin/second-factor", "/admin/second-factor", of(P.ADMIN));
		only("POST /admin/second-factor/reset", "/admin/second-factor/reset", of(P.ADMIN));
		pub("GET /password-reset", "/password-reset", "asking for a reset link (same answer for any address)");
		pub("POST /password-reset", "/password-reset", "asking for a reset link (same answer for any address)");
		pub("GET /password-reset/{token}", "/password-reset/not-a-token", "a reset link: the token is the credential");
		pub("POST /password-reset/{token}", "/password-reset/not-a-token", "a reset link: the token is the credential");
		pub("GET /login/unlock/{token}", "/login/unlock/not-a-token", "an unlock link: the token is the credential");
		pub("POST /login/unlock/{token}", "/login/unlock/not-a-token", "an unlock link: the token is the credential");
		// personal data: one's own only (no ids in the routes), reveal of A's case
		only("GET /account/data", "/account/data", APPLICANTS);
		only("GET /account/data/export.json", "/account/data/export.json", APPLICANTS);
		only("GET /account/data/export.zip", "/account/data/export.zip", APPLICANTS);
		only("POST /account/data/erasure", "/account/data/erasure", APPLICANTS);
		only("GET /api/v1/me/data", "/api/v1/me/data", APPLICANTS);
		only("POST /api/v1/me/data/erasure-request", "/api/v1/me/data/erasure-request", APPLICANTS);
		owned("POST /cases/{caseId}/reveal", "/cases/" + caseId + "/reveal", of(P.CLERK, P.HALL_MANAGER, P.OFFICER_X));
		only("POST /api/v1/admin/crypto/rotate", "/api/v1/admin/crypto/rotate", of(P.ADMIN));
		// department systems: staff pages; the department's own system signs its requests (no session reaches them)
		Set<P> exchangeStaff = of(P.ADMIN, P.SUPERVISOR, P.OFFICER_X, P.OFFICER_Y);
		only("GET /exchange", "/exchange", exchangeStaff);
		only("GET /exchange/messages/{id}", "/exchange/messages/999999999", exchangeStaff);
		only("POST /exchange/messages/{id}/redeliver", "/exchange/messages/999999999/redeliver", exchangeStaff);
		only("GET /api/v1/exchange/health", "/api/v1/exchange/health", exchangeStaff);
		only("GET /api/v1/exchange/{department}/dead-letters", "/api/v1/exchange/customs/dead-letters", exchangeStaff);
		only("POST /api/v1/exchange/messages/{id}/redeliver", "/api/v1/exchange/messages/999999999/redeliver",
				exchangeStaff);
		only("POST /api/v1/exchange/{department}/tasks/{taskId}/events",
				"/api/v1/exchange/legal-services/tasks/" + taskId + "/events", none);
		only("GET /api/v1/exchange/documents/{documentId}", "/api/v1/exchange/documents/" + documentId
				+ "?department=legal-services&task=" + taskId + "&expires=4102444800&signature=forged", none);
		// e-certificates: public verification; a case's notices for its applicant, clerks and its departments' officers
		pub("GET /verify", "/verify", "the public verification page");
		pub("POST /verify", "/verify", "the public verification page (by number or file)");
		pub("GET /api/v1/certificates/{number}", "/api/v1/certificates/HTC-2026-0000000000A",
				"public verification by number (masked holder only)");
		pub("POST /api/v1/certificates/verify", "/api/v1/certificates/verify", "public verification of a file");
		only("POST /api/v1/certificates/{number}/revocation", "/api/v1/certificates/HTC-2026-0000000000A/revocation",
				OFFICERS);
		only("GET /certificates/{number:HTC-[0-9A-Za-z-]+}", "/certificates/HTC-2026-0000000000A",
				of(P.APPLICANT_A, P.CLERK, P.OFFICER_X));
		only("GET /certificates/{number:HTC-[0-9A-Za-z-]+}.pdf", "/certificates/HTC-2026-0000000000A.pdf",
				of(P.APPLICANT_A, P.CLERK, P.OFFICER_X));
		only("POST /certificates/{number:HTC-[0-9A-Za-z-]+}/revoke", "/certificates/HTC-2026-0000000000A/revoke",
				OFFICERS);
		owned("GET /certificates/documents/{receipt:HT[0-9]{8}-[0-9]{6}}/{kind:[a-z-]+}.pdf",
				"/certificates/documents/" + r + "/receipt.pdf", of(P.CLERK, P.HALL_MANAGER, P.OFFICER_X));
	}

	// ------------------------------------------------------------------ the routes the application has

	/** Every (method, pattern) of every handler; a second mapping of the same route gets "#json"/"#2"… appended. */
	List<String> routes() {
		List<String> routes = new ArrayList<>();
		Set<String> seen = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				for (String method : methods.isEmpty() ? List.of("ANY") : methods.stream().map(Enum::name).toList()) {
					String route = method + " " + pattern;
					if (!seen.add(route)) {
						route = route + (seen.add(route + "#json") ? "#json" : "#" + seen.size());
					}
					routes.add(route);
				}
			}
		}
		return routes;
	}

	@Test
	void everyRouteIsClassified() {
		List<String> routes = routes();
		assertThat(routes).as("routes of the application that this walk does not classify (add them to classify())")
			.allMatch(rules::containsKey);
		assertThat(rules.keySet()).as("classified routes the application does not have").allMatch(routes::contains);
		assertThat(routes).hasSizeGreaterThan(200);
	}

	@Test
	void everyRouteRefusesEveryoneItIsNotForAndTheOwnerGetsTheirThing() {
		List<String> failures = new ArrayList<>();
		int calls = 0;
		for (var entry : rules.entrySet()) {
			Rule rule = entry.getValue();
			for (P who : P.values()) {
				boolean allowed = rule.allowed().contains(who);
				boolean get = rule.method().equals("GET") || rule.method().equals("ANY");
				if (allowed && !get) {
					continue; // do not change A's things as A: refusals are what this walk proves
				}
				if (entry.getKey().equals("GET /hall/board/stream")) {
					continue; // a never-ending public event stream (the tester would wait for it to end)
				}
				MvcTestResult result = call(rule, who);
				calls++;
				int status = result.getResponse().getStatus();
				String location = result.getResponse().getRedirectedUrl();
				boolean toLogin = status == 302 && location != null && location.contains("/login");
				boolean refused = status == 401 || status == 403 || status == 404 || toLogin;
				String line = entry.getKey() + " as " + who + " → " + status + (location == null ? "" : " " + location);
				if (status >= 500 && !entry.getKey().startsWith("ANY /error")) {
					failures.add("SERVER ERROR " + line);
				}
				else if (!allowed && !refused) {
					failures.add("NOT REFUSED " + line);
				}
				else if (allowed && (status == 401 || status == 403 || toLogin)) {
					failures.add("REFUSED THOUGH ALLOWED " + line);
				}
				else if (who == rule.owner() && status != 200) {
					failures.add("OWNER DID NOT GET IT " + line);
				}
			}
		}
		assertThat(failures).as("after " + calls + " calls").isEmpty();
		assertThat(calls).isGreaterThan(1500);
	}

	/**
	 * Well-formed values for the forms' and the API's usual fields, so that a request passes validation and
	 * reaches the check of who may act on the thing: a refusal must come from that check.
	 */
	static final Map<String, String> WELL_FORMED_PARAMS = Map.ofEntries(Map.entry("version", "0"),
			Map.entry("decision", "close"), Map.entry("outcome", "COMPLETE"), Map.entry("answer", "An answer"),
			Map.entry("question", "A question?"), Map.entry("subjectType", "ITEM"), Map.entry("subjectCode", "LEG-001"),
			Map.entry("note", "A note"), Map.entry("actionTaken", "Done"), Map.entry("followUp", "Called"),
			Map.entry("reviewNote", "ok"), Map.entry("reason", "A reason"), Map.entry("rating", "SATISFIED"),
			Map.entry("method", "ELECTRONIC"), Map.entry("text", "A text"),
			Map.entry("field", "applicant.idNumber"));

	static final String WELL_FORMED_BODY = """
			{"version": 0, "slotId": 1, "answer": "An answer", "question": "A question?", "subjectType": "ITEM",
			 "subjectCode": "LEG-001", "reason": "A reason", "method": "ELECTRONIC", "units": [], "rating": "SATISFIED",
			 "reasons": [], "note": "A note"}""";

	MvcTestResult call(Rule rule, P who) {
		String method = rule.method().equals("ANY") ? "GET" : rule.method();
		String uri = rule.uri();
		var request = mvc.method(HttpMethod.valueOf(method)).uri(uri);
		if (!method.equals("GET")) {
			request = request.with(csrf());
			if (uri.startsWith("/api/")) {
				request = request.contentType(MediaType.APPLICATION_JSON).content(WELL_FORMED_BODY);
			}
			else {
				for (var p : WELL_FORMED_PARAMS.entrySet()) {
					request = request.param(p.getKey(), p.getValue());
				}
			}
		}
		if (who != P.ANONYMOUS) {
			request = request.with(user(principals.get(who)));
		}
		return request.header("Accept-Language", "en").exchange();
	}

}
