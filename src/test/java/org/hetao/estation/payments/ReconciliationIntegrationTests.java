package org.hetao.estation.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.hetao.estation.certificates.CaseFixtures;
import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.payments.internal.SandboxPayments;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The day's reconciliation against the sandbox's settlement file, with differences made on purpose: a payment the
 * provider took whose notification never came (only in its file), and a payment whose amount the provider's books
 * record differently. What agrees is counted as matched; the supervisor sees totals and differences and exports
 * them; nobody else sees the page.
 */
@SpringBootTest(properties = "estation.payments.sandbox.notify-delay=PT1H")
@AutoConfigureMockMvc
class ReconciliationIntegrationTests {

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
	SandboxPayments sandbox;

	@Autowired
	Reconciliations reconciliations;

	CaseFixtures cases;

	SandboxDriver driver;

	/** A case of LEG-001 accepted, and a payment made for its fee at the sandbox (its notification not yet sent). */
	JsonNode paidAtTheProvider() throws Exception {
		EstationUser applicant = cases.applicant(Language.EN);
		String receipt = cases.submit(applicant, 1);
		long task = cases.taskId(applicant, receipt);
		cases.act("clerk", task, "accept", null);
		assertThat(driver.awaitFeeStatus(task, "DUE")).isEqualTo("DUE");
		MvcTestResult made = mvc.post().uri("/api/v1/applications/" + receipt + "/payments").with(user(applicant))
			.header("Idempotency-Key", UUID.randomUUID().toString()).exchange();
		assertThat(made).hasStatus(201);
		JsonNode payment = cases.body(made);
		String ref = SandboxDriver.ref(payment);
		assertThat(sandbox.decide(ref, SandboxPayments.SUCCEEDS)).isEqualTo(SandboxPayments.Decision.SUCCEEDED);
		return payment;
	}

	void notified(JsonNode payment) {
		String body = driver.notification(SandboxDriver.ref(payment), "SUCCEEDED", payment.get("amount").asLong());
		assertThat(driver.notify(body, Instant.now())).hasStatusOk();
	}

	@Test
	void theDaysBooksAreReconciledWithTheSettlementFileAndEveryDifferenceShown() throws Exception {
		cases = new CaseFixtures(mvc, accounts, documents, jdbc, json);
		driver = new SandboxDriver(mvc, sandbox, jdbc, json);
		JsonNode agreed = paidAtTheProvider();
		notified(agreed);
		JsonNode lost = paidAtTheProvider(); // the provider took it; its notification never arrived
		JsonNode altered = paidAtTheProvider();
		notified(altered);
		String alteredRef = SandboxDriver.ref(altered);
		jdbc.sql("update payments_sandbox_session set amount_minor = amount_minor - 100 where ref = :r").param("r", alteredRef).update();

		LocalDate today = LocalDate.now(reconciliations.zone());
		Reconciliations.Report report = reconciliations.run(today);
		String lostRef = SandboxDriver.ref(lost);
		assertThat(report.mismatches()).anySatisfy(m -> {
			assertThat(m.providerRef()).isEqualTo(lostRef);
			assertThat(m.kind()).isEqualTo(Reconciliations.Kind.MISSING_ON_PLATFORM);
		}).anySatisfy(m -> {
			assertThat(m.providerRef()).isEqualTo(alteredRef);
			assertThat(m.kind()).isEqualTo(Reconciliations.Kind.AMOUNT_DIFFERS);
			assertThat(m.platform().minor() - m.provider_().minor()).isEqualTo(100);
		});
		String agreedRef = SandboxDriver.ref(agreed);
		assertThat(report.mismatches()).noneMatch(m -> m.providerRef().equals(agreedRef));
		assertThat(report.matched()).isPositive();
		assertThat(report.totals()).anySatisfy(t -> {
			assertThat(t.departmentCode()).isEqualTo("legal-services");
			assertThat(t.paid().currency()).isEqualTo("HKD");
			assertThat(t.paid().minor()).isGreaterThanOrEqualTo(50000);
		});
		// running the day again finds the same, once
		assertThat(reconciliations.run(today).mismatches()).hasSameSizeAs(report.mismatches());

		// the supervisor's page and exports; an officer is refused
		EstationUser supervisor = cases.account("supervisor");
		MvcTestResult page = mvc.get().uri("/payments/reconciliation?date=" + today + "&lang=en").with(user(supervisor)).exchange();
		assertThat(page).hasStatusOk();
		assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(lostRef,
				"In the provider&#39;s file, not in our books", "The amounts differ", "HKD");
		MvcTestResult csv = mvc.get().uri("/payments/reconciliation/export.csv?date=" + today).with(user(supervisor)).exchange();
		assertThat(csv.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(alteredRef);
		MvcTestResult xlsx = mvc.get().uri("/payments/reconciliation/export.xlsx?date=" + today).with(user(supervisor)).exchange();
		assertThat(xlsx.getResponse().getContentAsByteArray()).startsWith((byte) 'P', (byte) 'K');
		assertThat(mvc.post().uri("/payments/reconciliation?date=" + today).with(user(supervisor)).with(csrf()).exchange())
			.hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/payments/reconciliation").with(user(cases.account(CaseFixtures.OFFICER))).exchange())
			.hasStatus(403);
		assertThat(mvc.get().uri("/payments/reconciliation?date=yesterday").with(user(supervisor)).exchange()).hasStatus(400);
	}

}
