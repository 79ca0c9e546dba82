package org.hetao.estation.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hetao.estation.certificates.CaseFixtures;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;

/**
 * The pay point and waivers (#20). LEG-001 (HK$250 a document, to be paid before the decision): approving it
 * unpaid is 409 naming the fee, in the reader's language, on the API and on the officer's page; paid at the
 * window or waived, it passes; refusing it unpaid is never held back. TRF-012 (¥10, to be paid before delivery):
 * approved unpaid, but not handed over until the window takes the fee. A waiver needs the deciding department's
 * officer (or a supervisor) and a reason, is audited with who and why, and is refused once the fee is paid.
 */
@SpringBootTest(properties = "estation.payments.sandbox.notify-delay=PT1H")
class PayPointIntegrationTests extends PaymentsTestSupport {

	EstationUser applicant;

	String receipt;

	long taskId;

	@BeforeEach
	void aCharged() throws Exception {
		applicant = cases.applicant(Language.EN);
		receipt = cases.submit(applicant, 2);
		taskId = cases.taskId(applicant, receipt);
	}

	MvcTestResult act(String who, long task, String action, String body, String language) {
		return mvc.post()
			.uri("/api/v1/tasks/" + task + "/" + action)
			.with(user(cases.account(who)))
			.header("Accept-Language", language)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body == null ? "{}" : body)
			.exchange();
	}

	MvcTestResult approve(long task, String language) {
		return act(CaseFixtures.OFFICER, task, "approve", "{\"outputs\": {\"notarialCertificateNumber\": \"N-" + task + "\"}}",
				language);
	}

	MvcTestResult waive(EstationUser who, long task, String reason) {
		return mvc.post()
			.uri("/api/v1/applications/" + receipt + "/fees/" + task + "/waiver")
			.with(user(who))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(reason == null ? "{}" : json.writeValueAsString(Map.of("reason", reason)))
			.exchange();
	}

	String taskStatus(long task) {
		return jdbc.sql("select status from casework_task where id = :t").param("t", task).query(String.class).single();
	}

	void acceptedAndUnderReview() {
		cases.act("clerk", taskId, "accept", null);
		assertThat(driver.awaitFeeStatus(taskId, "DUE")).isEqualTo("DUE");
		cases.act(CaseFixtures.OFFICER, taskId, "start-review", null);
	}

	@Test
	void anUnpaidFeeHoldsTheDecisionUntilTheWindowTakesIt() throws Exception {
		acceptedAndUnderReview();
		MvcTestResult held = approve(taskId, "en");
		assertThat(held).hasStatus(409);
		assertThat(held.getResponse().getContentType()).startsWith("application/problem+json");
		JsonNode problem = cases.body(held);
		assertThat(problem.get("code").asString()).isEqualTo("casework.error.feeUnpaid");
		assertThat(problem.get("detail").asString()).contains("Check and transmission of documents", "HKD 500.00");
		MvcTestResult inChinese = approve(taskId, "zh-HK");
		assertThat(cases.body(inChinese).get("detail").asString()).contains("中國委託公證人公證文書審核轉遞", "港幣 500.00 元");
		assertThat(taskStatus(taskId)).isEqualTo("UNDER_REVIEW");

		// on the officer's page: a message next to the forms, not an error page
		MvcTestResult page = mvc.post()
			.uri("/work-queue/tasks/" + taskId + "/approve")
			.header("Accept-Language", "en")
			.param("outputs.notarialCertificateNumber", "N-1")
			.with(user(cases.account(CaseFixtures.OFFICER)))
			.with(csrf())
			.exchange();
		assertThat(page).hasStatus3xxRedirection();
		assertThat(page.getMvcResult().getFlashMap().get("actionError")).isEqualTo("casework.error.feeUnpaid");
		MvcTestResult shown = mvc.get()
			.uri("/work-queue/tasks/" + taskId)
			.header("Accept-Language", "en")
			.cookie(page.getResponse().getCookies())
			.with(user(cases.account(CaseFixtures.OFFICER)))
			.exchange();
		assertThat(shown).hasStatusOk();
		assertThat(shown.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("role=\"alert\"", "HKD 500.00",
				"is unpaid");

		cases.paidAtTheWindow(taskId);
		assertThat(approve(taskId, "en")).hasStatusOk();
		assertThat(taskStatus(taskId)).isEqualTo("APPROVED");
	}

	@Test
	void refusingIsNeverHeldBackByAnUnpaidFee() {
		acceptedAndUnderReview();
		assertThat(act(CaseFixtures.OFFICER, taskId, "refuse", "{\"reason\": \"文書不符要求\"}", "en")).hasStatusOk();
		assertThat(taskStatus(taskId)).isEqualTo("REFUSED");
	}

	@Test
	void theDecidingDepartmentWaivesWithAReasonAuditedAndThenTheDecisionPasses() throws Exception {
		EstationUser officer = cases.account(CaseFixtures.OFFICER);
		// not yet due can be waived too; but not without a reason, nor with one too long
		assertThat(driver.awaitFeeStatus(taskId, "NOT_YET_DUE")).isEqualTo("NOT_YET_DUE");
		MvcTestResult noReason = waive(officer, taskId, "  ");
		assertThat(noReason).hasStatus(422);
		assertThat(cases.body(noReason).get("errors").get(0).get("field").asString()).isEqualTo("reason");
		assertThat(waive(officer, taskId, null)).hasStatus(422);
		assertThat(waive(officer, taskId, "x".repeat(501))).hasStatus(422);
		// who may not: the applicant and the window (403), an officer who may not see the case (404)
		assertThat(waive(applicant, taskId, "please")).hasStatus(403);
		assertThat(waive(cases.account("clerk"), taskId, "hardship")).hasStatus(403);
		assertThat(waive(cases.account("officer-tax"), taskId, "hardship")).hasStatus(404);
		assertThat(driver.feeStatus(taskId)).isEqualTo("NOT_YET_DUE");

		MvcTestResult waived = waive(officer, taskId, "申請人為綜援受助人，按規定豁免");
		assertThat(waived).hasStatusOk();
		assertThat(cases.body(waived).get("status").asString()).isEqualTo("WAIVED");
		assertThat(cases.body(waived).get("taskId").asLong()).isEqualTo(taskId);
		assertThat(jdbc.sql("select waive_reason from payments_fee_line where task_id = :t").param("t", taskId)
			.query(String.class).single()).isEqualTo("申請人為綜援受助人，按規定豁免");
		List<String> audited = jdbc.sql("""
				select details from (select action, target, details from audit_pending
				                     union all select action, target, details from audit_log) a
				where a.action = 'payments.FeeWaived' and a.target = :t""")
			.param("t", "receiptNumber:" + receipt)
			.query(String.class)
			.list();
		assertThat(audited).singleElement().satisfies(d -> assertThat(d).contains(CaseFixtures.OFFICER, "綜援受助人"));
		// once waived, not again; and the window accepting it does not make it due
		assertThat(waive(officer, taskId, "again")).hasStatus(409);
		cases.act("clerk", taskId, "accept", null);
		cases.act(CaseFixtures.OFFICER, taskId, "start-review", null);
		assertThat(approve(taskId, "en")).hasStatusOk();
		assertThat(driver.feeStatus(taskId)).isEqualTo("WAIVED");
	}

	@Test
	void theOfficersTaskPageWaivesWithAReason() throws Exception {
		assertThat(driver.awaitFeeStatus(taskId, "NOT_YET_DUE")).isEqualTo("NOT_YET_DUE");
		EstationUser officer = cases.account(CaseFixtures.OFFICER);
		MvcTestResult fragment = mvc.get()
			.uri("/payments/waivers/" + receipt + "/" + taskId)
			.header("HX-Request", "true")
			.header("Accept-Language", "en")
			.with(user(officer))
			.exchange();
		assertThat(fragment).hasStatusOk();
		assertThat(fragment.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("waiver-form", "HKD 500.00",
				"name=\"reason\"");
		var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
		MvcTestResult noReason = mvc.post().uri("/payments/waivers/" + receipt + "/" + taskId).param("reason", " ")
			.header("Accept-Language", "en").with(user(officer)).with(csrf).exchange();
		assertThat(noReason).hasStatus(422);
		assertThat(noReason.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("aria-invalid=\"true\"",
				"Enter the reason for the waiver");
		MvcTestResult waived = mvc.post().uri("/payments/waivers/" + receipt + "/" + taskId).param("reason", "長者免費")
			.with(user(officer)).with(csrf).exchange();
		assertThat(waived).hasStatus3xxRedirection();
		assertThat(waived.getResponse().getRedirectedUrl()).isEqualTo("/work-queue/tasks/" + taskId);
		assertThat(driver.feeStatus(taskId)).isEqualTo("WAIVED");
	}

	@Test
	void aPaidFeeIsNotWaivedAndASupervisorMayWaive() throws Exception {
		cases.act("clerk", taskId, "accept", null);
		cases.paidAtTheWindow(taskId);
		MvcTestResult paid = waive(cases.account(CaseFixtures.OFFICER), taskId, "too late");
		assertThat(paid).hasStatus(409);
		assertThat(cases.body(paid).get("code").asString()).isEqualTo("payments.error.notWaivable");
		assertThat(driver.feeStatus(taskId)).isEqualTo("PAID");

		String other = cases.submit(applicant, 1);
		long otherTask = cases.taskId(applicant, other);
		assertThat(driver.awaitFeeStatus(otherTask, "NOT_YET_DUE")).isEqualTo("NOT_YET_DUE");
		receipt = other;
		assertThat(waive(cases.account("supervisor"), otherTask, "督查決定豁免")).hasStatusOk();
		assertThat(driver.feeStatus(otherTask)).isEqualTo("WAIVED");
	}

	// ------------------------------------------------------------------ paid before delivery

	String trafficCase(EstationUser owner) throws Exception {
		long hkid = documents.upload(owner.id(), "hkid.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "file").id();
		long mtp = documents.upload(owner.id(), "mtp.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "file").id();
		String body = json.writeValueAsString(Map.of("itemCode", "TRF-012", "answers",
				Map.of("item.TRF-012.fullName", "陳大文", "item.TRF-012.idDocumentNumber", "A123456(7)",
						"item.TRF-012.vehiclePlate", "粵Z·A1234港", "item.TRF-012.contactPhone", "+852 9123 4567"),
				"materials", Map.of("HKID_COPY", hkid, "MTP_COPY", mtp)));
		MvcTestResult submitted = mvc.post()
			.uri("/api/v1/applications")
			.with(user(owner))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		assertThat(submitted).as(submitted.getResponse().getContentAsString(StandardCharsets.UTF_8)).hasStatus(201);
		return cases.body(submitted).get("receiptNumber").asString();
	}

	@Test
	void aFeeToBePaidBeforeDeliveryLetsTheDecisionPassButHoldsTheHandOver() throws Exception {
		receipt = trafficCase(applicant);
		long task = cases.taskId(applicant, receipt);
		cases.act("clerk", task, "accept", null);
		assertThat(driver.awaitFeeStatus(task, "DUE")).isEqualTo("DUE");
		cases.act("officer-traffic-police", task, "start-review", null);
		assertThat(act("officer-traffic-police", task, "approve", "{\"outputs\": {}}", "en")).hasStatusOk();

		MvcTestResult held = act("clerk", task, "deliver", "{\"method\": \"COUNTER_PICKUP\"}", "en");
		assertThat(held).hasStatus(409);
		assertThat(cases.body(held).get("code").asString()).isEqualTo("casework.error.feeUnpaid");
		assertThat(cases.body(held).get("detail").asString()).contains("Replacement of vehicle plates or licence", "CNY 10.00");
		assertThat(taskStatus(task)).isEqualTo("APPROVED");

		assertThat(mvc.post()
			.uri("/api/v1/applications/" + receipt + "/window-payments")
			.with(user(cases.account("clerk")))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"method\": \"FPS\", \"reference\": \"FRN-1\"}")
			.exchange()).hasStatus(201);
		assertThat(act("clerk", task, "deliver", "{\"method\": \"COUNTER_PICKUP\"}", "en")).hasStatusOk();
		assertThat(taskStatus(task)).isEqualTo("DELIVERED");
	}

}
