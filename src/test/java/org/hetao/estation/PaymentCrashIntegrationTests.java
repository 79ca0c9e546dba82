package org.hetao.estation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hetao.estation.support.AppProcess;
import org.hetao.estation.support.FaultFigures;
import org.hetao.estation.support.PgDatabases;
import org.hetao.estation.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Crash of the payment flow: the application runs as a separate process on its own PostgreSQL database with the
 * sandbox provider holding its notifications (its outbox sends only hourly), so every payment the provider decides
 * is decided there and not yet applied here. One payment is made and decided; then clients pay many cases at once
 * and the process is killed with SIGKILL in the middle. Started again on the same database, the provider's outbox
 * delivers what it holds (each notification twice, as the sandbox does): every payment the provider took ends
 * SUCCEEDED exactly once, its fees PAID once, no fee is held by two payments, no case has two payments that went
 * through, and the payer is told once. Figures go to {@code target/fault-figures.json}.
 */
@EnabledIfSystemProperty(named = "estation.test.database", matches = "postgres")
class PaymentCrashIntegrationTests {

	static final int CASES = 12;

	static final int CLIENTS = 4;

	static final String CARD = "4242424242424242";

	static final List<AppProcess> apps = new ArrayList<>();

	static String database;

	@AfterAll
	static void cleanUp() {
		apps.forEach(AppProcess::close);
		if (database != null) {
			PgDatabases.drop(database);
		}
	}

	/** A case of HK-STARTUP-SETTLE (LEG-001 charges HK$250 a document) with its fees made due, as at acceptance. */
	static String aCaseWithDueFees(WebSession client, String baseUrl, long[] documents, int n, Connection db) throws Exception {
		Map<String, String> answers = new HashMap<>(CrashRecoveryIntegrationTests.ANSWERS);
		answers.put("shared.companyName", "Pay crash " + n + " Ltd");
		Map<String, Object> body = Map.of("matterCode", CrashRecoveryIntegrationTests.MATTER, "answers", answers, "materials",
				Map.of("ATTESTED_DOCUMENT", documents[0], "HK_BR_CERTIFICATE", documents[1], "AGENT_AUTHORISATION",
						documents[2]));
		WebSession.Response r = client.postJson(baseUrl, "/api/v1/applications", body, "Idempotency-Key",
				UUID.randomUUID().toString());
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		String receipt = r.json().get("receiptNumber").asString();
		// fees are assessed after the submission commits; the window's acceptance is played by making them due
		long until = System.nanoTime() + 60_000_000_000L;
		while (count(db, "select count(*) from payments_fee_line where receipt_number = ?", receipt) == 0
				&& System.nanoTime() < until) {
			AppProcess.sleep(100);
		}
		try (PreparedStatement s = db.prepareStatement(
				"update payments_fee_line set status = 'DUE', due_at = now() where receipt_number = ? and status = 'NOT_YET_DUE'")) {
			s.setString(1, receipt);
			assertThat(s.executeUpdate()).as("fee lines of " + receipt).isPositive();
		}
		return receipt;
	}

	/** Pays what is due on the case at the sandbox's hosted page with the card that pays; the payment's id. */
	static String payOnline(WebSession client, String baseUrl, String receipt, String key) throws Exception {
		WebSession.Response made = client.postJson(baseUrl, "/api/v1/applications/" + receipt + "/payments", "{}",
				"Idempotency-Key", key);
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		String next = made.json().get("nextUrl").asString();
		WebSession.Response paid = client.postForm(baseUrl, next, "cardNumber=" + CARD);
		assertThat(paid.status()).as("hosted page " + next).isIn(200, 302, 303);
		return made.json().get("paymentId").asString();
	}

	@Test
	void everyPaymentTheProviderTookEndsSucceededExactlyOnceAfterASigkill() throws Exception {
		database = PgDatabases.create("estation_paycrash");
		String url = PgDatabases.url(PgDatabases.hostAndPort(), database);
		// the provider decides at once but sends its notifications only hourly: a kill falls between the two
		AppProcess first = AppProcess.start("paycrash-before", url, "--estation.payments.sandbox.notify-delay=PT1H");
		apps.add(first);
		WebSession client = new WebSession().signIn(first.baseUrl(), "enterprise-hk", AppProcess.PASSWORD);
		long[] documents = { client.uploadPdf(first.baseUrl()), client.uploadPdf(first.baseUrl()),
				client.uploadPdf(first.baseUrl()) };

		Map<String, Object> figures = new LinkedHashMap<>();
		String single;
		String singlePayment;
		List<String> receipts = new ArrayList<>();
		try (Connection db = PgDatabases.connect(database)) {
			single = aCaseWithDueFees(client, first.baseUrl(), documents, 0, db);
			for (int i = 1; i <= CASES; i++) {
				receipts.add(aCaseWithDueFees(client, first.baseUrl(), documents, i, db));
			}
			// one payment decided by the provider, its notification held in the provider's outbox
			singlePayment = payOnline(client, first.baseUrl(), single, UUID.randomUUID().toString());
			assertThat(string(db, "select status from payments_payment where id = ?", singlePayment)).isEqualTo("SUBMITTED");
			assertThat(count(db, "select count(*) from payments_sandbox_outbox where sent_at is null")).isEqualTo(1);
		}

		// many payments at once, each client its share of the cases; killed in the middle
		Map<String, String> answered = new ConcurrentHashMap<>(); // key → payment id
		Map<String, String> lost = new ConcurrentHashMap<>(); // key → receipt: sent, no answer
		AtomicBoolean stop = new AtomicBoolean();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			WebSession session = new WebSession().signIn(first.baseUrl(), "enterprise-hk", AppProcess.PASSWORD);
			List<String> mine = new ArrayList<>();
			for (int i = c; i < receipts.size(); i += CLIENTS) {
				mine.add(receipts.get(i));
			}
			Thread t = new Thread(() -> {
				for (String receipt : mine) {
					if (stop.get()) {
						return;
					}
					String key = UUID.randomUUID().toString();
					try {
						answered.put(key, payOnline(session, first.baseUrl(), receipt, key));
					}
					catch (Throwable gone) {
						lost.put(key, receipt);
						if (!first.isAlive()) {
							return;
						}
					}
				}
			}, "paycrash-client-" + c);
			t.start();
			threads.add(t);
		}
		long start = System.nanoTime();
		while (answered.size() < CASES / 3 && System.nanoTime() - start < 120_000_000_000L) {
			AppProcess.sleep(20);
		}
		int exit = first.kill();
		stop.set(true);
		for (Thread t : threads) {
			t.join(120_000);
		}
		assertThat(exit).as("SIGKILL gives exit code 128 + 9").isEqualTo(137);

		long heldAtKill;
		long decidedAtKill;
		try (Connection db = PgDatabases.connect(database)) {
			heldAtKill = count(db, "select count(*) from payments_sandbox_outbox where sent_at is null");
			decidedAtKill = count(db, "select count(*) from payments_sandbox_session where status = 'SUCCEEDED'");
			assertThat(count(db, "select count(*) from payments_payment where status = 'SUCCEEDED'"))
				.as("no payment applied before the restart").isZero();
		}
		assertThat(heldAtKill).as("notifications the provider held at the kill").isEqualTo(decidedAtKill).isGreaterThan(1);

		// the same database, the provider's outbox sending every second again (and each notification twice)
		AppProcess second = AppProcess.start("paycrash-after", url);
		apps.add(second);
		try (Connection db = PgDatabases.connect(database)) {
			long until = System.nanoTime() + 120_000_000_000L;
			while ((count(db, "select count(*) from payments_sandbox_outbox where sent_at is null") > 0
					|| count(db, "select count(*) from event_log") > 0) && System.nanoTime() < until) {
				AppProcess.sleep(200);
			}
			assertThat(count(db, "select count(*) from payments_sandbox_outbox where sent_at is null")).as("undelivered").isZero();

			// the payment decided before the kill: SUCCEEDED once, its fees PAID, no second payment
			assertThat(string(db, "select status from payments_payment where id = ?", singlePayment)).isEqualTo("SUCCEEDED");
			assertThat(count(db, "select count(*) from payments_payment where receipt_number = ?", single)).isEqualTo(1);
			assertThat(count(db, "select count(*) from payments_fee_line l join payments_payment_line pl on pl.fee_line_id = l.id "
					+ "where pl.payment_id = ? and l.status <> 'PAID'", singlePayment)).isZero();
			assertThat(count(db, "select count(*) from payments_notification where payment_id = ? and outcome = 'SUCCEEDED'",
					singlePayment)).isEqualTo(1);

			// every session the provider took has exactly one payment, SUCCEEDED, applied once
			long succeededSessions = count(db, "select count(*) from payments_sandbox_session where status = 'SUCCEEDED'");
			long withoutOnePayment = count(db, "select count(*) from payments_sandbox_session s where s.status = 'SUCCEEDED' "
					+ "and (select count(*) from payments_payment p where p.provider_ref = s.ref and p.status = 'SUCCEEDED') <> 1");
			long appliedTwice = count(db, "select count(*) from (select payment_id from payments_notification "
					+ "where outcome = 'SUCCEEDED' group by payment_id having count(*) > 1) d");
			long casesPaidTwice = count(db, "select count(*) from (select receipt_number, currency from payments_payment "
					+ "where status = 'SUCCEEDED' group by receipt_number, currency having count(*) > 1) d");
			long linesHeldTwice = count(db, "select count(*) from (select pl.fee_line_id from payments_payment_line pl "
					+ "join payments_payment p on p.id = pl.payment_id where p.status in ('CREATED', 'SUBMITTED', 'SUCCEEDED') "
					+ "group by pl.fee_line_id having count(*) > 1) d");
			long paidLinesOfNoSuccess = count(db, "select count(*) from payments_fee_line l where l.status = 'PAID' and not exists "
					+ "(select 1 from payments_payment_line pl join payments_payment p on p.id = pl.payment_id "
					+ "where pl.fee_line_id = l.id and p.status = 'SUCCEEDED')");
			long unpaidLinesOfSuccess = count(db, "select count(*) from payments_fee_line l join payments_payment_line pl "
					+ "on pl.fee_line_id = l.id join payments_payment p on p.id = pl.payment_id "
					+ "where p.status = 'SUCCEEDED' and l.status <> 'PAID'");
			long notToldOnce = count(db, "select count(*) from payments_payment p where p.status = 'SUCCEEDED' and (select count(*) "
					+ "from notification n where n.template = 'paymentPaid' and n.channel = 'INBOX' "
					+ "and n.subject_ref = p.receipt_number) <> 1");
			// every answer a client got names a payment that exists once
			for (String paymentId : answered.values()) {
				assertThat(count(db, "select count(*) from payments_payment where id = ?", paymentId)).isEqualTo(1);
			}

			figures.put("cases", CASES + 1);
			figures.put("clients", CLIENTS);
			figures.put("exitCode", exit);
			figures.put("answeredBeforeKill", answered.size());
			figures.put("killedMidFlight", lost.size());
			figures.put("providerDecidedAtKill", decidedAtKill);
			figures.put("notificationsHeldAtKill", heldAtKill);
			figures.put("succeededAfterRestart", count(db, "select count(*) from payments_payment where status = 'SUCCEEDED'"));
			figures.put("duplicates", appliedTwice + casesPaidTwice + linesHeldTwice);
			FaultFigures.write("payment-crash", figures);

			assertThat(succeededSessions).isEqualTo(decidedAtKill);
			assertThat(withoutOnePayment).as("provider-succeeded sessions without exactly one SUCCEEDED payment").isZero();
			assertThat(appliedTwice).as("success notifications applied twice").isZero();
			assertThat(casesPaidTwice).as("cases with two payments that went through").isZero();
			assertThat(linesHeldTwice).as("fee lines held by two live payments").isZero();
			assertThat(paidLinesOfNoSuccess + unpaidLinesOfSuccess).as("fee lines and payments that disagree").isZero();
			assertThat(notToldOnce).as("payments whose payer was not told exactly once").isZero();
		}
	}

	static long count(Connection db, String sql, Object... args) throws SQLException {
		return CrashRecoveryIntegrationTests.count(db, sql, args);
	}

	static String string(Connection db, String sql, Object... args) throws SQLException {
		return CrashRecoveryIntegrationTests.strings(db, sql, args).stream().findFirst().orElse(null);
	}

}
