package org.hetao.estation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.hetao.estation.search.Search;
import org.hetao.estation.search.SearchRequest;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/** Policy finder, eligibility API, proactive matching and consultations, through the web. */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class PolicyIntegrationTests {

	static final String PASSWORD = "test-Password-2026";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Search search;

	@Autowired
	ApplicationEvents events;

	static String body(MvcTestResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void finderShowsQualifyingPoliciesWithEveryConditionMarked() throws Exception {
		assertThat(mvc.get().uri("/policies/finder").exchange()).hasStatusOk();
		MvcTestResult result = mvc.post().uri("/policies/finder").with(csrf())
			.param("applicantType", "HK_ENTERPRISE").param("registrationPlace", "HETAO_SZ")
			.param("registrationDate", "2025-03-01").param("industry", "AI_ROBOTICS").param("headcount", "8")
			.param("hkBackgroundShare", "80").param("founderAge", "29")
			.header("Accept-Language", "en").exchange();
		assertThat(result).hasStatusOk();
		String html = body(result);
		assertThat(html).contains("data-policy=\"POL-001\" data-verdict=\"QUALIFIES\"", "✓ Met", "Start-up grant for Hong Kong young entrepreneurs");
		// revenue was left blank: a condition on it is unknown and says what to fill in
		assertThat(html).contains("data-status=\"UNKNOWN\"", "Please fill in: Revenue last year");
	}

	@Test
	void finderRejectsBadNumbersFieldByField() throws Exception {
		MvcTestResult result = mvc.post().uri("/policies/finder").with(csrf())
			.param("headcount", "many").param("registrationDate", "2999-01-01").param("industry", "<b>x</b>")
			.header("Accept-Language", "en").exchange();
		assertThat(result).hasStatusOk();
		String html = body(result);
		assertThat(html).contains("Enter a whole number.", "The date cannot be in the future.", "Choose from the list.",
				"aria-invalid=\"true\"").doesNotContain("finder-results");
	}

	@Test
	void eligibilityApiExplainsEachConditionInTheRequestedLanguage() {
		MvcTestResult result = mvc.post().uri("/api/v1/policies/eligibility").contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "zh-Hant")
			.content("{\"applicantType\":\"HK_ENTERPRISE\",\"registrationPlace\":\"HETAO_SZ\",\"registrationDate\":\"2025-03-01\","
					+ "\"hkBackgroundShare\":\"80\",\"founderAge\":\"52\",\"headcount\":\"8\"}")
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.nearly[?(@.code == 'POL-001')].conditions[?(@.id == 'youngFounder')].status")
			.asArray().containsExactly("NOT_MET");
		assertThat(result).bodyJson().extractingPath("$.nearly[?(@.code == 'POL-001')].conditions[?(@.id == 'youngFounder')].explanation")
			.asArray().singleElement().asString().contains("52");

		MvcTestResult invalid = mvc.post().uri("/api/v1/policies/eligibility").contentType(MediaType.APPLICATION_JSON)
			.content("{\"headcount\":\"-3\"}").exchange();
		assertThat(invalid).hasStatus(422);
	}

	@Test
	void officerMatchesEnterpriseProfilesAndNotifiesOnce() {
		MvcTestResult saved = mvc.put().uri("/api/v1/policies/profile").with(httpBasic("enterprise-hk", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"applicantType\":\"HK_ENTERPRISE\",\"registrationPlace\":\"HETAO_SZ\",\"registrationDate\":\"2024-01-01\","
					+ "\"industry\":\"ICT\",\"headcount\":\"30\",\"revenue\":\"3000\",\"rdSpend\":\"400\",\"hkBackgroundShare\":\"100\"}")
			.exchange();
		assertThat(saved).hasStatusOk();

		// another department's officer cannot run it
		assertThat(mvc.post().uri("/api/v1/policies/POL-013/matches").with(httpBasic("officer-tax", PASSWORD)).exchange())
			.hasStatus(404);
		assertThat(mvc.post().uri("/api/v1/policies/POL-013/matches").with(httpBasic("enterprise-hk", PASSWORD)).exchange())
			.hasStatus(403);

		MvcTestResult run = mvc.post().uri("/api/v1/policies/POL-013/matches")
			.with(httpBasic("officer-science-innovation", PASSWORD)).exchange();
		assertThat(run).hasStatus(201);
		assertThat(run).bodyJson().extractingPath("$.qualified").asNumber().satisfies(n -> assertThat(n.intValue()).isPositive());
		int runId = JsonPath.read(bodyQuietly(run), "$.id");

		MvcTestResult notified = mvc.post().uri("/api/v1/policies/matches/{id}/notify", runId)
			.with(httpBasic("officer-science-innovation", PASSWORD)).exchange();
		assertThat(notified).hasStatusOk();
		assertThat(events.stream(EnterprisesNotified.class).filter(e -> e.runId() == runId))
			.singleElement().satisfies(e -> assertThat(e.policyCode()).isEqualTo("POL-013"));
		assertThat(mvc.post().uri("/api/v1/policies/matches/{id}/notify", runId)
			.with(httpBasic("officer-science-innovation", PASSWORD)).exchange()).hasStatus(409);
	}

	@Test
	void consultationGoesToTheOwningDepartmentAndStaysPrivateAndItsFaqIsSearchable() {
		String marker = "Zq" + UUID.randomUUID().toString().substring(0, 6);
		MvcTestResult asked = mvc.post().uri("/api/v1/consultations").with(httpBasic("applicant-hk", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"subjectType\":\"POLICY\",\"subjectCode\":\"POL-013\",\"question\":\"Can a lab " + marker
					+ " apply with a Hong Kong university partner?\"}")
			.exchange();
		assertThat(asked).hasStatus(201);
		int id = JsonPath.read(bodyQuietly(asked), "$.id");

		// the owning department sees it in its queue; nobody else sees it at all
		assertThat(mvc.get().uri("/api/v1/consultations").with(httpBasic("officer-science-innovation", PASSWORD)).exchange())
			.bodyJson().extractingPath("$[*].id").asArray().contains(id);
		assertThat(mvc.get().uri("/api/v1/consultations").with(httpBasic("officer-tax", PASSWORD)).exchange())
			.bodyJson().extractingPath("$[*].id").asArray().doesNotContain(id);
		assertThat(mvc.get().uri("/api/v1/consultations/{id}", id).with(httpBasic("officer-tax", PASSWORD)).exchange())
			.hasStatus(404);
		assertThat(mvc.get().uri("/api/v1/consultations/{id}", id).with(httpBasic("applicant-mainland", PASSWORD)).exchange())
			.hasStatus(404);
		assertThat(mvc.post().uri("/api/v1/consultations/{id}/answer", id).with(httpBasic("officer-tax", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"answer\":\"x\",\"version\":0}").exchange()).hasStatus(404);

		MvcTestResult answered = mvc.post().uri("/api/v1/consultations/{id}/answer", id)
			.with(httpBasic("officer-science-innovation", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"answer\":\"Yes: a joint project with a Hong Kong university is the point of the scheme.\",\"version\":0}")
			.exchange();
		assertThat(answered).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/consultations/{id}", id).with(httpBasic("applicant-hk", PASSWORD)).exchange())
			.bodyJson().extractingPath("$.answer").asString().startsWith("Yes: a joint project");

		assertThat(mvc.post().uri("/api/v1/consultations/{id}/publish", id)
			.with(httpBasic("officer-science-innovation", PASSWORD)).exchange()).hasStatusOk();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				search.search(SearchRequest.of(marker, Language.EN)).hits()).extracting(h -> h.code()).contains("POL-013"));
	}

	@Test
	void anItemsPublishedAnswerIsShownOnTheItemsPageInTheLanguageItWasWrittenIn() throws Exception {
		String marker = "Zi" + UUID.randomUUID().toString().substring(0, 6);
		MvcTestResult asked = mvc.post().uri("/api/v1/consultations").with(httpBasic("applicant-hk", PASSWORD))
			.header("Accept-Language", "zh-HK").contentType(MediaType.APPLICATION_JSON)
			.content("{\"subjectType\":\"ITEM\",\"subjectCode\":\"TAX-001\",\"question\":\"新公司 " + marker
					+ " 可否同日領取發票？\"}")
			.exchange();
		assertThat(asked).hasStatus(201);
		int id = JsonPath.read(bodyQuietly(asked), "$.id");
		assertThat(mvc.post().uri("/api/v1/consultations/{id}/answer", id).with(httpBasic("officer-tax", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"answer\":\"可以：資料齊全即日辦結。\",\"version\":0}").exchange())
			.hasStatusOk();
		// answered, not yet published: not on the page
		String before = body(mvc.get().uri("/catalog/items/TAX-001").header("Accept-Language", "en").exchange());
		assertThat(before).doesNotContain(marker).contains("/consultations/new?item=TAX-001");
		assertThat(mvc.post().uri("/api/v1/consultations/{id}/publish", id).with(httpBasic("officer-tax", PASSWORD)).exchange())
			.hasStatusOk();
		// published: on the item's page for everyone, marked with the language it was written in
		String page = body(mvc.get().uri("/catalog/items/TAX-001").header("Accept-Language", "en").exchange());
		assertThat(page).contains("Questions and answers").contains(marker).contains("可以：資料齊全即日辦結。")
			.containsPattern("<dt lang=\"zh-Hant\">新公司 " + marker);
		assertThat(body(mvc.get().uri("/catalog/items/TAX-002").header("Accept-Language", "en").exchange()))
			.doesNotContain(marker);
	}

	@Test
	void askingNeedsARealSubjectAndAQuestion() {
		assertThat(mvc.post().uri("/api/v1/consultations").with(httpBasic("applicant-hk", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"subjectType\":\"POLICY\",\"subjectCode\":\"POL-999\",\"question\":\"?\"}")
			.exchange()).hasStatus(404);
		assertThat(mvc.post().uri("/api/v1/consultations").with(httpBasic("applicant-hk", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"subjectType\":\"POLICY\",\"subjectCode\":\"POL-001\",\"question\":\" \"}")
			.exchange()).hasStatus(422);
		assertThat(mvc.post().uri("/api/v1/consultations").with(httpBasic("officer-tax", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"subjectType\":\"POLICY\",\"subjectCode\":\"POL-001\",\"question\":\"q\"}")
			.exchange()).hasStatus(403);
	}

	static String bodyQuietly(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
