package org.hetao.estation.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.hetao.estation.audit.AuditLog;
import org.hetao.estation.casework.Applying;
import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.ApplicantType;
import org.junit.jupiter.api.BeforeEach;
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

@SpringBootTest
@AutoConfigureMockMvc
class ErasureIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Documents documents;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Applying applying;

	@Autowired
	AuditLog audit;

	PersonalDataFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new PersonalDataFixtures(mvc, accounts, documents, json);
	}

	long caseId(String receipt) {
		return jdbc.sql("select id from casework_case where receipt_number = :r").param("r", receipt).query(Long.class).single();
	}

	Map<String, Object> caseRow(String receipt) {
		return jdbc.sql("select applicant_id_number_bidx, applicant_phone, status from casework_case where receipt_number = :r")
			.param("r", receipt)
			.query()
			.singleRow();
	}

	String formData(String receipt) {
		return String.join("", jdbc.sql("select form_data from casework_task where case_id = :c")
			.param("c", caseId(receipt))
			.query(String.class)
			.list());
	}

	static Map<String, JsonNode> byCategory(JsonNode outcomes) {
		Map<String, JsonNode> out = new HashMap<>();
		outcomes.forEach(o -> out.put(o.get("category").asString(), o));
		return out;
	}

	@Test
	void anOpenCaseIsKeptWithItsReasonWithdrawnAndDraftDataGoesAndAnotherApplicantIsUntouched() throws Exception {
		EstationUser me = fixtures.applicant("+852 6777 8888");
		EstationUser other = fixtures.applicant("+852 6999 1111");
		String open = fixtures.submit(me);
		String withdrawn = fixtures.submit(me);
		assertThat(mvc.post().uri("/api/v1/applications/" + withdrawn + "/withdraw").with(user(me))
			.contentType(MediaType.APPLICATION_JSON).content("{}").exchange()).hasStatusOk();
		applying.start(me, null, "HK-STARTUP-SETTLE", ApplicantType.HK_ENTERPRISE, null);
		String othersCase = fixtures.submit(other);
		applying.start(other, null, "HK-STARTUP-SETTLE", ApplicantType.HK_ENTERPRISE, null);
		String othersFormBefore = formData(othersCase);

		MvcTestResult result = mvc.post().uri("/api/v1/me/data/erasure-request").with(user(me))
			.header("Accept-Language", "en").exchange();
		assertThat(result).hasStatusOk();
		Map<String, JsonNode> outcomes = byCategory(fixtures.body(result).get("outcomes"));
		assertThat(outcomes.get("casesOpen").get("result").asString()).isEqualTo("KEPT");
		assertThat(outcomes.get("casesOpen").get("reason").asString()).contains("Still being handled");
		assertThat(outcomes.get("drafts").get("result").asString()).isEqualTo("ERASED");
		assertThat(outcomes.get("drafts").get("count").asInt()).isEqualTo(1);
		assertThat(outcomes.get("casesWithdrawn").get("result").asString()).isEqualTo("ERASED");
		assertThat(outcomes.get("account").get("result").asString()).as("an open case needs a way to reach me").isEqualTo("KEPT");
		assertThat(outcomes.get("account").get("reason").asString()).contains("still open");
		assertThat(outcomes.get("auditLog").get("result").asString()).isEqualTo("KEPT");
		assertThat(outcomes.get("documentsOfCases").get("result").asString()).as("the open case's upload").isEqualTo("KEPT");
		assertThat(outcomes.get("documents").get("count").asInt()).as("the withdrawn case's upload").isEqualTo(1);

		// The open case is whole; the withdrawn one lost its personal data; the drafts are gone.
		assertThat(formData(open)).contains("v1:");
		assertThat(caseRow(withdrawn).get("status")).isEqualTo("WITHDRAWN");
		assertThat(formData(withdrawn)).isEqualTo("{}".repeat(formData(withdrawn).length() / 2));
		assertThat(jdbc.sql("select count(*) from casework_draft where owner_account_id = :a and case_id is null")
			.param("a", me.id()).query(Long.class).single()).isZero();
		assertThat(accounts.contact(me.id()).orElseThrow().phone()).isEqualTo("+852 6777 8888");

		// The other applicant: untouched.
		assertThat(formData(othersCase)).isEqualTo(othersFormBefore).contains("v1:");
		assertThat(jdbc.sql("select count(*) from casework_draft where owner_account_id = :a and case_id is null")
			.param("a", other.id()).query(Long.class).single()).isEqualTo(1);
		assertThat(accounts.contact(other.id()).orElseThrow().phone()).isEqualTo("+852 6999 1111");
		assertThat(accounts.findById(other.id()).orElseThrow().isEnabled()).isTrue();

		audit.flush();
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'privacy.ErasureCompleted' and target = :t")
			.param("t", "subject:account:" + me.id()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void withNothingOpenTheAccountIsAnonymisedAndClosedAndThePageSaysWhatWentInTheApplicantsLanguage() throws Exception {
		EstationUser me = fixtures.applicant("+852 6123 0000");
		long doc = documents.upload(me.id(), "id-card.pdf", PersonalDataFixtures.PDF, "file").id();

		MvcTestResult unconfirmed = mvc.post().uri("/account/data/erasure").with(user(me)).with(csrf())
			.header("Accept-Language", "en").exchange();
		assertThat(unconfirmed).hasStatus(400);
		assertThat(unconfirmed.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Tick the box");
		assertThat(accounts.findById(me.id()).orElseThrow().isEnabled()).as("nothing erased without confirmation").isTrue();
		assertThat(documents.find(doc)).isPresent();

		MvcTestResult done = mvc.post().uri("/account/data/erasure").param("confirm", "yes").with(user(me)).with(csrf())
			.header("Accept-Language", "zh-Hans").exchange();
		assertThat(done).hasStatusOk();
		String html = done.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("data-category=\"account\"").contains("已删除").contains("审计日志");

		var row = jdbc.sql("select username, phone, email, enabled from account where id = :id").param("id", me.id()).query().singleRow();
		assertThat(row.get("username")).isEqualTo("erased-" + me.id());
		assertThat(row.get("phone")).isNull();
		assertThat(row.get("email")).isNull();
		assertThat(row.get("enabled")).isEqualTo(false);
		assertThat(documents.find(doc)).as("a document no case needs is erased").isEmpty();
	}

	@Test
	void erasureIsForApplicantsAndNeedsTheCsrfToken() {
		EstationUser me = fixtures.applicant(null);
		assertThat(mvc.post().uri("/account/data/erasure").param("confirm", "yes").with(user(me)).exchange()).hasStatus(403);
		assertThat(accounts.findById(me.id()).orElseThrow().isEnabled()).isTrue();
		EstationUser clerk = accounts.findByUsername("clerk").orElseThrow();
		assertThat(mvc.post().uri("/api/v1/me/data/erasure-request").with(user(clerk)).exchange()).hasStatus(403);
	}

}
