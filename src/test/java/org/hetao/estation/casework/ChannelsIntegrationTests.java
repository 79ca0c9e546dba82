package org.hetao.estation.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.hetao.estation.documents.Documents;
import org.hetao.estation.hall.SelfServiceKiosks;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Channels enforced (#19): an item is applied for only through the channels its catalogue entry offers — online
 * (and the API), at a window for a walk-in, at a registered cross-border self-service kiosk; a matter's items not
 * offered where the matter is applied for are marked to be completed in person.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ChannelsIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	EstationUser account(String username) {
		return accounts.findByUsername(username).orElseThrow();
	}

	long cases() {
		return jdbc.sql("select count(*) from casework_case").query(Long.class).single();
	}

	JsonNode body(MvcTestResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	/** The hall manager registers a kiosk; returns its cookie. */
	Cookie kiosk(String where) {
		MvcTestResult registered = mvc.post()
			.uri("/hall/manager/kiosks")
			.param("name", where)
			.with(user(account("hall-manager")))
			.with(csrf())
			.exchange();
		assertThat(registered).hasStatus3xxRedirection();
		Cookie cookie = registered.getResponse().getCookie(SelfServiceKiosks.COOKIE);
		assertThat(cookie).isNotNull();
		assertThat(cookie.isHttpOnly()).isTrue();
		return new Cookie(cookie.getName(), cookie.getValue());
	}

	@Test
	void aWindowOnlyItemAppliedForThroughTheApiIsA422ProblemNamingTheChannelRuleAndStoresNothing() throws Exception {
		EstationUser enterprise = account("enterprise-hk");
		long before = cases();
		MvcTestResult refused = mvc.post()
			.uri("/api/v1/applications")
			.with(user(enterprise))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemCode\": \"ACC-005\", \"answers\": {}, \"materials\": {}}")
			.exchange();
		assertThat(refused).hasStatus(422);
		JsonNode problem = body(refused);
		assertThat(problem.get("code").asString()).isEqualTo("casework.error.channelNotOffered");
		assertThat(problem.get("detail").asString()).contains("cannot be applied for through this channel");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void aPersonAskingToApplyOnlineForAWindowOnlyItemIsToldWhatIsPossibleInTheirLanguage() {
		EstationUser enterprise = account("enterprise-hk");
		MvcTestResult en = mvc.get().uri("/applications/new?item=ACC-005").header("Accept-Language", "en").with(user(enterprise)).exchange();
		assertThat(en).hasStatus(422);
		assertThat(en).bodyText()
			.contains("This item cannot be applied for here", "Book a visit to a window of the hall",
					"/hall/appointments/new?item=ACC-005", "At any comprehensive window")
			.doesNotContain("casework.", "WINDOW<");
		MvcTestResult zhHant = mvc.get().uri("/applications/new?item=ACC-005").header("Accept-Language", "zh-Hant").with(user(enterprise)).exchange();
		assertThat(zhHant).hasStatus(422).bodyText().contains("此事項不能在這裏申請", "預約到大廳窗口辦理");
		MvcTestResult zhHans = mvc.get().uri("/applications/new?item=ACC-005").header("Accept-Language", "zh-Hans").with(user(enterprise)).exchange();
		assertThat(zhHans).hasStatus(422).bodyText().contains("此事项不能在这里申请", "预约到大厅窗口办理");
		// nor can the draft be started by posting the form
		MvcTestResult post = mvc.post().uri("/applications/new").param("item", "ACC-005").header("Accept-Language", "en")
			.with(user(enterprise)).with(csrf()).exchange();
		assertThat(post).hasStatus(422).bodyText().contains("Book a visit to a window of the hall");
		assertThat(jdbc.sql("select count(*) from casework_draft where item_code = 'ACC-005'").query(Long.class).single()).isZero();
	}

	@Test
	void anItemNotOfferedOnlineSaysWhereTheKiosksAreAndOffersAVisitToAWindow() {
		String where = "e-Station Building 1/F by the lifts " + UUID.randomUUID().toString().substring(0, 6);
		kiosk(where);
		MvcTestResult page = mvc.get().uri("/applications/new?item=LEG-001").header("Accept-Language", "en")
			.with(user(account("applicant-hk"))).exchange();
		assertThat(page).hasStatus(422).bodyText()
			.contains("Apply at a cross-border self-service kiosk", "/hall/kiosk/cross-border", where,
					"Book a visit to a window of the hall", "/hall/appointments/new?item=LEG-001")
			.doesNotContain("casework.");
	}

	@Test
	void aMattersItemsNotOfferedOnlineAreMarkedToCompleteInPersonAndTheWindowsAcceptanceCompletesThem() throws Exception {
		EstationUser enterprise = account("enterprise-hk");
		MvcTestResult plan = mvc.get().uri("/applications/new?matter=HK-STARTUP-SETTLE").header("Accept-Language", "en")
			.with(user(enterprise)).exchange();
		assertThat(plan).hasStatusOk().bodyText()
			.contains("Some items of this matter are not offered", "To complete in person at a window of the hall",
					"Here, with the others");

		Map<String, String> answers = new java.util.HashMap<>(CaseworkIntegrationTests.ANSWERS);
		answers.put("shared.companyName", "Channels Ltd");
		Map<String, Long> materials = Map.of("ATTESTED_DOCUMENT", doc(enterprise), "HK_BR_CERTIFICATE", doc(enterprise),
				"AGENT_AUTHORISATION", doc(enterprise));
		MvcTestResult submitted = mvc.post()
			.uri("/api/v1/applications")
			.with(user(enterprise))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("matterCode", "HK-STARTUP-SETTLE", "answers", answers, "materials", materials)))
			.exchange();
		assertThat(submitted).hasStatus(201);
		String receipt = body(submitted).get("receiptNumber").asString();
		JsonNode c = body(mvc.get().uri("/api/v1/applications/" + receipt).with(user(enterprise)).exchange());
		// the attested documents are handled at a window or a kiosk: the window comes first (the paper original is seen)
		assertThat(CaseworkIntegrationTests.task(c, "LEG-001").get("completeAt").asString()).isEqualTo("WINDOW");
		assertThat(CaseworkIntegrationTests.task(c, "FIN-001").get("completeAt").asString()).isEqualTo("WINDOW");
		JsonNode offered = CaseworkIntegrationTests.task(c, "GOV-001").get("completeAt");
		assertThat(offered == null || offered.isNull()).isTrue();

		long caseId = body(submitted).get("caseId").asLong();
		MvcTestResult window = mvc.get().uri("/window/cases/" + caseId).header("Accept-Language", "en")
			.with(user(account("clerk"))).exchange();
		assertThat(window).hasStatusOk().bodyText().contains("Still to do: To complete in person at a window of the hall");

		// an item offered at a kiosk is completed there: not from home, and not one the kiosk does not offer (the bank's)
		long attestation = CaseworkIntegrationTests.task(c, "LEG-001").get("id").asLong();
		long bank = CaseworkIntegrationTests.task(c, "FIN-001").get("id").asLong();
		assertThat(mvc.post().uri("/applications/" + receipt + "/tasks/" + attestation + "/complete-here").with(user(enterprise))
			.with(csrf()).exchange()).hasStatus(422);
		Cookie kiosk = kiosk("Hall, 1/F");
		MvcTestResult atHome = mvc.get().uri("/applications/" + receipt).header("Accept-Language", "en").with(user(enterprise)).exchange();
		assertThat(atHome).hasStatusOk().bodyText().doesNotContain("Complete it here");
		MvcTestResult atKiosk = mvc.get().uri("/applications/" + receipt).cookie(kiosk).header("Accept-Language", "en").with(user(enterprise)).exchange();
		long name = CaseworkIntegrationTests.task(c, "GOV-001").get("id").asLong();
		// both items the kiosk offers can be completed there; the online one has nothing to complete
		assertThat(atKiosk).hasStatusOk().bodyText().contains("/tasks/" + attestation + "/complete-here", "/tasks/" + bank + "/complete-here")
			.doesNotContain("/tasks/" + name + "/complete-here");
		assertThat(mvc.post().uri("/applications/" + receipt + "/tasks/" + name + "/complete-here").cookie(kiosk).with(user(enterprise))
			.with(csrf()).exchange()).hasStatus(422);
		assertThat(mvc.post().uri("/applications/" + receipt + "/tasks/" + attestation + "/complete-here").cookie(kiosk)
			.with(user(account("applicant-hk"))).with(csrf()).exchange()).hasStatus(404);
		assertThat(mvc.post().uri("/applications/" + receipt + "/tasks/" + attestation + "/complete-here").cookie(kiosk).with(user(enterprise))
			.with(csrf()).exchange()).hasStatus3xxRedirection();
		assertThat(jdbc.sql("select complete_at from casework_task where id = :id").param("id", attestation)
			.query(String.class).optional()).isEmpty();
		assertThat(jdbc.sql("select count(*) from casework_timeline where case_id = :c and action = 'COMPLETE_IN_PERSON' and channel = 'KIOSK'")
			.param("c", caseId).query(Long.class).single()).isEqualTo(1);

		// the window's acceptance, with the applicant there, completes the item marked for the window
		MvcTestResult accepted = mvc.post().uri("/api/v1/tasks/" + bank + "/accept").with(user(account("clerk")))
			.contentType(MediaType.APPLICATION_JSON).content("{}").exchange();
		assertThat(accepted).as("the bank account waits for the seal").hasStatus(409);
		assertThat(mvc.post().uri("/api/v1/tasks/" + name + "/accept").with(user(account("clerk")))
			.contentType(MediaType.APPLICATION_JSON).content("{}").exchange()).hasStatusOk();
		// the item completed at the kiosk is then accepted at the window as any other
		assertThat(mvc.post().uri("/api/v1/tasks/" + attestation + "/accept").with(user(account("clerk")))
			.contentType(MediaType.APPLICATION_JSON).content("{}").exchange()).hasStatusOk();
	}

	@Test
	void theWindowDoesNotTakeAWalkInApplicationForAnOnlineOnlyItem() {
		MvcTestResult refused = mvc.post()
			.uri("/window/walk-in")
			.header("Accept-Language", "en")
			.param("walkInName", "Lee Siu Ming")
			.param("walkInIdType", "HKID")
			.param("walkInIdNumber", "A123456(3)")
			.param("walkInPhone", "+852 9876 5432")
			.param("applicantType", "HK_ENTERPRISE")
			.param("kind", "ITEM")
			.param("code", "GOV-018")
			.with(user(account("clerk")))
			.with(csrf())
			.exchange();
		assertThat(refused).hasStatus(422).bodyText().contains("cannot be applied for through this channel");
		assertThat(jdbc.sql("select count(*) from casework_draft where item_code = 'GOV-018' and walk_in is not null")
			.query(Long.class).single()).isZero();
	}

	@Test
	void theCrossBorderKioskOffersItsItemsOnlyAndOnlyOnARegisteredDevice() {
		MvcTestResult notAKiosk = mvc.get().uri("/hall/kiosk/cross-border").header("Accept-Language", "en").exchange();
		assertThat(notAKiosk).hasStatusOk().bodyText().contains("This device is not a cross-border self-service kiosk")
			.doesNotContain("/applications/new?item=GOV-001");
		MvcTestResult byAnApplicant = mvc.post().uri("/hall/manager/kiosks").param("name", "my kitchen")
			.with(user(account("applicant-hk"))).with(csrf()).exchange();
		assertThat(byAnApplicant).hasStatus(403);
		assertThat(byAnApplicant.getResponse().getCookie(SelfServiceKiosks.COOKIE)).isNull();

		Cookie kiosk = kiosk("Hall entrance");
		MvcTestResult listed = mvc.get().uri("/hall/kiosk/cross-border").cookie(kiosk).header("Accept-Language", "en").exchange();
		assertThat(listed).hasStatusOk().bodyText()
			.contains("/applications/new?item=GOV-001", "/applications/new?item=LEG-001")
			.doesNotContain("item=ACC-005", "item=PSB-001");

		EstationUser hk = account("applicant-hk");
		// an item not offered online: applied for at the kiosk, not from home
		assertThat(mvc.get().uri("/applications/new?item=LEG-001").cookie(kiosk).header("Accept-Language", "en").with(user(hk)).exchange())
			.hasStatusOk().bodyText().contains("Cross-border self-service");
		MvcTestResult started = mvc.post().uri("/applications/new").param("item", "LEG-001").cookie(kiosk)
			.with(user(hk)).with(csrf()).exchange();
		assertThat(started).hasStatus3xxRedirection();
		String draft = started.getResponse().getRedirectedUrl();
		long draftId = Long.parseLong(draft.substring(draft.lastIndexOf('/') + 1));
		assertThat(jdbc.sql("select channel from casework_draft where id = :id").param("id", draftId).query(String.class).single())
			.isEqualTo("KIOSK");
		MvcTestResult fromHome = mvc.post().uri(draft + "/submit").header("Accept-Language", "en").with(user(hk)).with(csrf()).exchange();
		assertThat(fromHome).hasStatus(422);
		assertThat(jdbc.sql("select case_id from casework_draft where id = :id").param("id", draftId).query(Long.class).optional()).isEmpty();
		// an item not offered at the kiosk is refused there, though it is offered online
		EstationUser enterprise = account("enterprise-hk");
		assertThat(mvc.get().uri("/applications/new?item=PSB-001").cookie(kiosk).with(user(enterprise)).exchange()).hasStatus(422);
		assertThat(mvc.get().uri("/applications/new?item=PSB-001").with(user(enterprise)).exchange()).hasStatusOk();
		// the API from the kiosk applies through the kiosk's channel too
		MvcTestResult api = mvc.post().uri("/api/v1/applications").cookie(kiosk).with(user(enterprise))
			.header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemCode\": \"PSB-001\", \"answers\": {}, \"materials\": {}}").exchange();
		assertThat(api).hasStatus(422);
		assertThat(jdbc.sql("select (select count(*) from audit_log where action = 'hall.KioskRegistered') + (select count(*) from audit_pending where action = 'hall.KioskRegistered')").query(Long.class).single()).isPositive();
		// a forged cookie is no kiosk
		assertThat(mvc.get().uri("/applications/new?item=LEG-001").cookie(new Cookie(SelfServiceKiosks.COOKIE, "forged"))
			.with(user(hk)).exchange()).hasStatus(422);
	}

	@Test
	void aRetiredKioskIsNoKioskAndTheItemGuideSaysWhereAnItemNotOfferedOnlineIsDone() {
		String where = "Retired kiosk " + UUID.randomUUID().toString().substring(0, 6);
		Cookie kiosk = kiosk(where);
		EstationUser hk = account("applicant-hk");
		assertThat(mvc.get().uri("/applications/new?item=LEG-001").cookie(kiosk).with(user(hk)).exchange()).hasStatusOk();
		MvcTestResult manager = mvc.get().uri("/hall/manager").header("Accept-Language", "en").with(user(account("hall-manager"))).exchange();
		assertThat(manager).hasStatusOk().bodyText().contains(where, "Take out of service");
		long id = jdbc.sql("select id from hall_kiosk_device where name = :n").param("n", where).query(Long.class).single();
		assertThat(mvc.post().uri("/hall/manager/kiosks/" + id + "/revoke").with(user(account("hall-manager"))).with(csrf()).exchange())
			.hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/applications/new?item=LEG-001").cookie(kiosk).with(user(hk)).exchange()).hasStatus(422);
		assertThat(mvc.get().uri("/hall/kiosk/cross-border").cookie(kiosk).header("Accept-Language", "en").exchange())
			.bodyText().contains("This device is not a cross-border self-service kiosk").doesNotContain(where);

		MvcTestResult guide = mvc.get().uri("/catalog/items/LEG-001").header("Accept-Language", "en").exchange();
		assertThat(guide).hasStatusOk().bodyText()
			.contains("/hall/kiosk/cross-border", "/hall/appointments/new?item=LEG-001")
			.doesNotContain("/applications/new?item=LEG-001");
	}

	long doc(EstationUser owner) {
		return documents.upload(owner.id(), "scan.pdf", CaseworkIntegrationTests.PDF, "file").id();
	}

}
