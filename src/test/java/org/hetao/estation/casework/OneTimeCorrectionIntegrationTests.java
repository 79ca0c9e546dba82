package org.hetao.estation.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.Problem;
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
 * One-time correction (一次性告知, 行政許可法 Art. 32; #19): the first notice of a task names everything; a later
 * one may name only materials or answers the resubmission changed, and only with a reason — else 409
 * {@code casework.error.correctionNotOneTime}; every notice is kept and shown.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OneTimeCorrectionIntegrationTests {

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

	@Autowired
	CaseReading reading;

	@Autowired
	TaskHandling handling;

	@Autowired
	ApplicantActions applicantActions;

	EstationUser account(String username) {
		return accounts.findByUsername(username).orElseThrow();
	}

	long doc(EstationUser owner) {
		return documents.upload(owner.id(), "scan.pdf", CaseworkIntegrationTests.PDF, "file").id();
	}

	JsonNode body(MvcTestResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	record Submitted(String receipt, long caseId, long nameTask) {
	}

	Submitted submit(EstationUser enterprise) throws Exception {
		Map<String, String> answers = new HashMap<>(CaseworkIntegrationTests.ANSWERS);
		answers.put("shared.companyName", "Once Ltd " + UUID.randomUUID().toString().substring(0, 6));
		MvcTestResult submitted = mvc.post()
			.uri("/api/v1/applications")
			.with(user(enterprise))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("matterCode", "HK-STARTUP-SETTLE", "answers", answers, "materials",
					Map.of("ATTESTED_DOCUMENT", doc(enterprise), "HK_BR_CERTIFICATE", doc(enterprise), "AGENT_AUTHORISATION",
							doc(enterprise)))))
			.exchange();
		assertThat(submitted).hasStatus(201);
		String receipt = body(submitted).get("receiptNumber").asString();
		JsonNode c = body(mvc.get().uri("/api/v1/applications/" + receipt).with(user(enterprise)).exchange());
		return new Submitted(receipt, body(submitted).get("caseId").asLong(),
				CaseworkIntegrationTests.task(c, "GOV-001").get("id").asLong());
	}

	MvcTestResult notice(long taskId, String body) {
		return mvc.post()
			.uri("/api/v1/tasks/" + taskId + "/request-correction")
			.with(user(account("clerk")))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	MvcTestResult resubmit(EstationUser enterprise, String receipt, String body) {
		return mvc.post()
			.uri("/api/v1/applications/" + receipt + "/resubmit")
			.with(user(enterprise))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	@Test
	void aSecondNoticeNamesOnlyWhatTheResubmissionChangedAndOnlyWithAReason() throws Exception {
		EstationUser enterprise = account("enterprise-hk");
		Submitted s = submit(enterprise);
		assertThat(notice(s.nameTask(), "{\"missingMaterials\": [\"AGENT_AUTHORISATION\"], \"fields\": [\"backupName\"], \"note\": \"Signed by every investor\"}"))
			.hasStatusOk();
		// the applicant supplies a new authorisation and a backup name, and keeps the proposed name
		long newAuthorisation = doc(enterprise);
		assertThat(resubmit(enterprise, s.receipt(), "{\"answers\": {\"item.GOV-001.backupName\": \"港深科創\", \"item.GOV-001.proposedName\": \"港深創科\"}, \"materials\": {\"AGENT_AUTHORISATION\": "
				+ newAuthorisation + "}}")).hasStatusOk();

		// unchanged answer, unchanged material, a free-text point, or no reason: refused, 409
		for (String refused : List.of(
				"{\"fields\": [\"proposedName\"], \"reason\": \"The name is taken\"}",
				"{\"note\": \"Please also bring the original\", \"reason\": \"Forgot\"}",
				"{\"missingMaterials\": [\"AGENT_AUTHORISATION\"]}",
				"{\"missingMaterials\": [\"AGENT_AUTHORISATION\"], \"fields\": [\"proposedName\"], \"reason\": \"Both\"}")) {
			MvcTestResult result = notice(s.nameTask(), refused);
			assertThat(result).as(refused).hasStatus(409);
			JsonNode problem = body(result);
			assertThat(problem.get("code").asString()).isEqualTo("casework.error.correctionNotOneTime");
			assertThat(problem.get("detail").asString()).contains("asked for once, in full");
		}
		assertThat(jdbc.sql("select count(*) from casework_correction_notice where task_id = :t").param("t", s.nameTask())
			.query(Long.class).single()).isEqualTo(1);

		// what changed, with a reason: accepted; the first notice stays, answered, with what changed
		assertThat(notice(s.nameTask(), "{\"missingMaterials\": [\"AGENT_AUTHORISATION\"], \"fields\": [\"backupName\"], \"reason\": \"The resubmitted authorisation has no signature\"}"))
			.hasStatusOk();
		List<CorrectionNotice> history = reading.notices(account("clerk"), reading.view(account("clerk"), s.caseId()));
		assertThat(history).extracting(CorrectionNotice::sequence).containsExactly(1, 2);
		assertThat(history.get(0).answered()).isTrue();
		assertThat(history.get(0).changedMaterials()).containsExactly("AGENT_AUTHORISATION");
		assertThat(history.get(0).changedFields()).containsExactly("backupName");
		assertThat(history.get(0).deficiencies()).contains(Deficiency.material("AGENT_AUTHORISATION"), Deficiency.field("backupName"));
		assertThat(history.get(0).reason()).isNull();
		assertThat(history.get(1).reason()).isEqualTo("The resubmitted authorisation has no signature");
		assertThat(history.get(1).answered()).isFalse();

		// both notices shown on the applicant's page and the window's, in the reader's language
		MvcTestResult casePage = mvc.get().uri("/applications/" + s.receipt()).header("Accept-Language", "en").with(user(enterprise)).exchange();
		assertThat(casePage).hasStatusOk().bodyText()
			.contains("Correction notices (all kept)", "Notice 1", "Notice 2", "Signed by every investor",
					"The resubmitted authorisation has no signature", "Changed:");
		MvcTestResult windowPage = mvc.get().uri("/window/cases/" + s.caseId()).header("Accept-Language", "zh-Hant").with(user(account("clerk"))).exchange();
		assertThat(windowPage).hasStatusOk().bodyText().contains("補正通知（全部保留）", "第 1 次補正通知", "第 2 次補正通知");
	}

	@Test
	void theWindowPageSaysWhyASecondNoticeIsRefusedInTheReadersLanguage() throws Exception {
		EstationUser enterprise = account("enterprise-hk");
		Submitted s = submit(enterprise);
		assertThat(notice(s.nameTask(), "{\"missingMaterials\": [\"AGENT_AUTHORISATION\"]}")).hasStatusOk();
		// the applicant sends the same authorisation again: nothing changed
		long same = jdbc.sql("select document_id from casework_task_material where task_id = :t and material_code = 'AGENT_AUTHORISATION'")
			.param("t", s.nameTask()).query(Long.class).single();
		assertThat(resubmit(enterprise, s.receipt(), "{\"answers\": {}, \"materials\": {\"AGENT_AUTHORISATION\": " + same + "}}"))
			.hasStatusOk();
		assertThat(notice(s.nameTask(), "{\"missingMaterials\": [\"AGENT_AUTHORISATION\"], \"reason\": \"Still unsigned\"}"))
			.hasStatus(409);
		MvcTestResult refused = mvc.post()
			.uri("/window/tasks/" + s.nameTask() + "/request-correction")
			.header("Accept-Language", "zh-Hant")
			.param("fields", "proposedName")
			.param("reason", "名稱已被使用")
			.with(user(account("clerk")))
			.with(csrf())
			.exchange();
		assertThat(refused).hasStatus(409).bodyText().contains("補正須一次性告知");
		MvcTestResult english = mvc.post()
			.uri("/work-queue/tasks/" + s.nameTask() + "/request-correction")
			.header("Accept-Language", "en")
			.param("fields", "proposedName")
			.param("reason", "Taken")
			.with(user(account("officer-market-regulation")))
			.with(csrf())
			.exchange();
		assertThat(english).hasStatus(409).bodyText().contains("A correction is asked for once, in full");
	}

	@Test
	void serviceLevel_theFirstNoticeNamesAnythingOfTheItemAndAChangedAnswerMayBeAskedAgain() throws Exception {
		EstationUser enterprise = account("enterprise-hk");
		EstationUser clerk = account("clerk");
		Submitted s = submit(enterprise);
		assertThatThrownBy(() -> handling.requestCorrection(clerk, s.nameTask(), null, List.of(Deficiency.field("noSuchField")),
				CaseChannel.WINDOW))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.messageKey()).isEqualTo("casework.error.unknownField"));
		handling.requestCorrection(clerk, s.nameTask(), null,
				List.of(Deficiency.field("proposedName"), Deficiency.note("The name must be in Chinese")), CaseChannel.WINDOW);
		applicantActions.resubmit(enterprise, s.caseId(), Map.of("item.GOV-001.proposedName", "港深智創"), Map.of(), CaseChannel.ONLINE);
		assertThatThrownBy(() -> handling.requestCorrection(clerk, s.nameTask(), null,
				List.of(Deficiency.field("proposedName")), " ", CaseChannel.WINDOW))
			.isInstanceOfSatisfying(Problem.class, p -> {
				assertThat(p.messageKey()).isEqualTo(TaskHandling.CORRECTION_NOT_ONE_TIME);
				assertThat(p.kind().status()).isEqualTo(409);
			});
		handling.requestCorrection(clerk, s.nameTask(), null, List.of(Deficiency.field("proposedName")),
				"The new name is also taken", CaseChannel.WINDOW);
		List<CorrectionNotice> history = reading.notices(enterprise, reading.view(enterprise, s.caseId()));
		assertThat(history).hasSize(2);
		assertThat(history.get(0).changedFields()).containsExactly("proposedName");
		assertThat(history.get(0).changedMaterials()).isEmpty();
		// nobody else sees the notices of a case
		assertThatThrownBy(() -> reading.notices(account("applicant-hk"), reading.view(enterprise, s.caseId())))
			.isInstanceOf(Problem.class);
	}

}
