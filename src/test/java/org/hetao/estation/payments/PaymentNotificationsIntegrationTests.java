package org.hetao.estation.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hetao.estation.certificates.CaseFixtures;
import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.notification.Notification;
import org.hetao.estation.notification.NotificationChannel;
import org.hetao.estation.notification.Notifications;
import org.hetao.estation.payments.internal.SandboxPayments;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The payer is told, in their own language, by inbox and e-mail: a fee falls due at acceptance, a payment went
 * through, was declined, was refunded (how much, why, when to expect it) — each once, however often its
 * notification or event comes.
 */
@SpringBootTest(properties = "estation.payments.sandbox.notify-delay=PT1H")
@AutoConfigureMockMvc
class PaymentNotificationsIntegrationTests {

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
	Notifications notifications;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	CaseFixtures cases() {
		return new CaseFixtures(mvc, accounts, documents, jdbc, json);
	}

	SandboxDriver driver() {
		return new SandboxDriver(mvc, sandbox, jdbc, json);
	}

	/** An applicant in this language with LEG-001 (HK$500) accepted: its fee is due. */
	record Case(EstationUser applicant, String receipt, long taskId) {
	}

	Case accepted(Language language) throws Exception {
		CaseFixtures cases = cases();
		EstationUser applicant = cases.applicant(language);
		String receipt = cases.submit(applicant, 2);
		long taskId = cases.taskId(applicant, receipt);
		cases.act("clerk", taskId, "accept", null);
		assertThat(driver().awaitFeeStatus(taskId, "DUE")).isEqualTo("DUE");
		return new Case(applicant, receipt, taskId);
	}

	JsonNode pay(Case c) throws Exception {
		return cases().body(mvc.post()
			.uri("/api/v1/applications/" + c.receipt() + "/payments")
			.with(user(c.applicant()))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.exchange());
	}

	/** The messages of a template the account has, once {@code wanted} are there (or after 30 s), then 1 s more. */
	List<Notification> messages(EstationUser who, String template, int wanted) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		List<Notification> found = of(who, template);
		while (found.size() < wanted && System.nanoTime() < until) {
			Thread.sleep(100);
			found = of(who, template);
		}
		// whatever else would come (a second copy) has had time to come
		Thread.sleep(1000);
		return of(who, template);
	}

	/** The messages of a template once the events published so far have had 3 s to be applied. */
	List<Notification> settled(EstationUser who, String template) throws InterruptedException {
		Thread.sleep(3000);
		return of(who, template);
	}

	List<Notification> of(EstationUser who, String template) {
		return notifications.of(who.id()).stream().filter(n -> n.template().equals(template)).toList();
	}

	/** Once on each channel the payer has (every channel by default: inbox, e-mail, SMS). */
	static List<Notification> oncePerChannel(List<Notification> messages) {
		assertThat(messages).extracting(Notification::channel)
			.containsExactlyInAnyOrder(NotificationChannel.INBOX, NotificationChannel.EMAIL, NotificationChannel.SMS);
		return messages;
	}

	static Notification inbox(List<Notification> messages) {
		return messages.stream().filter(n -> n.channel() == NotificationChannel.INBOX).findFirst().orElseThrow();
	}

	@Test
	void theFeeDueAndThePaymentReceivedAreToldOnceInTheTraditionalInterface() throws Exception {
		Case c = accepted(Language.ZH_HANT);
		List<Notification> due = oncePerChannel(messages(c.applicant(), "paymentDue", 3));
		assertThat(inbox(due).language()).isEqualTo("zh-Hant");
		assertThat(inbox(due).subject()).contains(c.receipt(), "港幣 500.00 元");
		assertThat(inbox(due).link()).isEqualTo("/applications/" + c.receipt() + "/fees");

		JsonNode payment = pay(c);
		String ref = SandboxDriver.ref(payment);
		assertThat(sandbox.decide(ref, SandboxPayments.SUCCEEDS)).isEqualTo(SandboxPayments.Decision.SUCCEEDED);
		String body = jdbc.sql("select body from payments_sandbox_outbox where body like :r").param("r", "%" + ref + "%")
			.query(String.class).single();
		// the provider's notification and its duplicate: one message per channel
		assertThat(driver().notify(body, Instant.now())).hasStatusOk();
		assertThat(driver().notify(body, Instant.now())).hasStatusOk();
		List<Notification> paid = oncePerChannel(messages(c.applicant(), "paymentPaid", 3));
		assertThat(inbox(paid).subject()).contains("港幣 500.00 元");
		assertThat(inbox(paid).body()).contains(c.receipt(), "港幣 500.00 元", "電子票據");

		// the same event applied twice (redelivered): still told once
		var again = new PaymentSucceeded(payment.get("paymentId").asString(), c.receipt(), c.applicant().id(), 50000, "HKD",
				Instant.now());
		tx.executeWithoutResult(s -> events.publishEvent(again));
		tx.executeWithoutResult(s -> events.publishEvent(again));
		oncePerChannel(settled(c.applicant(), "paymentPaid"));
		oncePerChannel(settled(c.applicant(), "paymentDue"));
	}

	@Test
	void aDeclineIsToldInEnglishToAnEnglishReader() throws Exception {
		Case c = accepted(Language.EN);
		JsonNode payment = pay(c);
		String ref = SandboxDriver.ref(payment);
		assertThat(sandbox.decide(ref, SandboxPayments.DECLINED)).isEqualTo(SandboxPayments.Decision.DECLINED);
		String body = jdbc.sql("select body from payments_sandbox_outbox where body like :r").param("r", "%" + ref + "%")
			.query(String.class).single();
		assertThat(driver().notify(body, Instant.now())).hasStatusOk();
		assertThat(driver().notify(body, Instant.now())).hasStatusOk();
		List<Notification> failed = oncePerChannel(messages(c.applicant(), "paymentFailed", 3));
		assertThat(inbox(failed).language()).isEqualTo("en");
		assertThat(inbox(failed).subject()).contains("HKD 500.00", c.receipt());
		assertThat(inbox(failed).body()).contains("Nothing was charged");
		assertThat(of(c.applicant(), "paymentPaid")).isEmpty();
	}

	@Test
	void theRefundNoticeSaysHowMuchWhyAndWhenInSimplifiedChinese() throws Exception {
		Case c = accepted(Language.ZH_HANS);
		JsonNode payment = pay(c);
		String paymentId = payment.get("paymentId").asString();
		assertThat(sandbox.decide(SandboxDriver.ref(payment), SandboxPayments.SUCCEEDS)).isEqualTo(SandboxPayments.Decision.SUCCEEDED);
		assertThat(driver().notify(driver().notification(SandboxDriver.ref(payment), "SUCCEEDED", 50000), Instant.now()))
			.hasStatusOk();
		assertThat(mvc.post().uri("/api/v1/applications/" + c.receipt() + "/withdraw").with(user(c.applicant()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"plans changed\"}").exchange()).hasStatusOk();
		assertThat(mvc.post().uri("/api/v1/payments/" + paymentId + "/refunds")
			.with(user(cases().account(CaseFixtures.OFFICER)))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\": 12050, \"reason\": \"申请已撤回\"}")
			.exchange()).hasStatus(201);
		List<Notification> refunded = oncePerChannel(messages(c.applicant(), "paymentRefunded", 3));
		Notification notice = inbox(refunded);
		assertThat(notice.language()).isEqualTo("zh-Hans");
		assertThat(notice.subject()).contains("港币 120.50 元");
		assertThat(notice.body()).contains("港币 120.50 元", "申请已撤回", "7 个工作日");
	}

}
