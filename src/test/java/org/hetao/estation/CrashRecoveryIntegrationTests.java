package org.hetao.estation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.hetao.estation.casework.CaseStatus;
import org.hetao.estation.casework.TaskStatus;
import org.hetao.estation.support.AppProcess;
import org.hetao.estation.support.FaultFigures;
import org.hetao.estation.support.PgDatabases;
import org.hetao.estation.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import tools.jackson.databind.JsonNode;

/**
 * Crash: the application runs as a separate process on its own PostgreSQL database; client threads signed in
 * through the real form submit applications (HK-STARTUP-SETTLE, 7 tasks each) through
 * {@code POST /api/v1/applications} with idempotency keys; the process is killed with SIGKILL mid-load and
 * started again on the same database. Every receipt handed out before the kill is there exactly once with all
 * its tasks, nothing is half-written, and requests whose response was lost are retried with their key
 * without creating duplicates. Figures go to {@code target/fault-figures.json}.
 */
@EnabledIfSystemProperty(named = "estation.test.database", matches = "postgres")
class CrashRecoveryIntegrationTests {

	static final String MATTER = "HK-STARTUP-SETTLE";

	static final int TASKS_PER_CASE = 7;

	static final int CLIENTS = 4;

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
			Map.entry("item.TAX-001.accountingStandard", "SBE"));

	static final List<AppProcess> apps = new ArrayList<>();

	static String database;

	@AfterAll
	static void cleanUp() {
		apps.forEach(AppProcess::close);
		if (database != null) {
			PgDatabases.drop(database);
		}
	}

	record Receipt(String key, String receiptNumber, long caseId) {
	}

	static Map<String, Object> application(String company, long[] documents) {
		Map<String, String> answers = new HashMap<>(ANSWERS);
		answers.put("shared.companyName", company);
		return Map.of("matterCode", MATTER, "answers", answers, "materials", Map.of("ATTESTED_DOCUMENT", documents[0],
				"HK_BR_CERTIFICATE", documents[1], "AGENT_AUTHORISATION", documents[2]));
	}

	@Test
	void everySubmissionWithAReceiptSurvivesASigkillExactlyOnceAndNothingIsHalfWritten() throws Exception {
		database = PgDatabases.create("estation_fault");
		String url = PgDatabases.url(PgDatabases.hostAndPort(), database);
		// The first process writes its events and applies none (estation.events.worker=false, as a node that leaves
		// derived work to others): every submission's notifications, figures and invitations are still in the event
		// log when it is killed, as if each kill fell between a commit and its processing.
		AppProcess first = AppProcess.start("crash-before", url, "--estation.events.worker=false");
		apps.add(first);

		// Each client signs in like a browser and uploads its three materials once.
		List<WebSession> clients = new ArrayList<>();
		List<long[]> documents = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			WebSession client = new WebSession().signIn(first.baseUrl(), "enterprise-hk", AppProcess.PASSWORD);
			clients.add(client);
			documents.add(new long[] { client.uploadPdf(first.baseUrl()), client.uploadPdf(first.baseUrl()),
					client.uploadPdf(first.baseUrl()) });
		}

		Map<String, Receipt> receipts = new ConcurrentHashMap<>();
		Map<String, Map<String, Object>> lost = new ConcurrentHashMap<>(); // sent, no answer (killed mid-flight)
		Map<String, Map<String, Object>> notSent = new ConcurrentHashMap<>();
		Map<String, Integer> refused = new ConcurrentHashMap<>();
		AtomicInteger attempted = new AtomicInteger();
		AtomicBoolean stop = new AtomicBoolean();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			WebSession client = clients.get(i);
			long[] docs = documents.get(i);
			int n = i;
			Thread t = new Thread(() -> {
				int seq = 0;
				while (!stop.get()) {
					String key = UUID.randomUUID().toString();
					Map<String, Object> body = application("Crash " + n + "-" + (seq++) + " Ltd", docs);
					attempted.incrementAndGet();
					try {
						WebSession.Response r = client.postJson(first.baseUrl(), "/api/v1/applications", body,
								"Idempotency-Key", key);
						if (r.status() == 201) {
							JsonNode json = r.json();
							receipts.put(key, new Receipt(key, json.get("receiptNumber").asString(), json.get("caseId").asLong()));
						}
						else {
							refused.merge(r.status() + "", 1, Integer::sum);
							if (r.status() >= 500) {
								lost.put(key, body); // the outcome is unknown to the client: retry it later
							}
						}
					}
					catch (java.net.ConnectException ex) {
						notSent.put(key, body); // the process was already gone: the request never left
						return;
					}
					catch (Exception ex) {
						lost.put(key, body);
						if (!first.isAlive()) {
							return;
						}
					}
				}
			}, "crash-client-" + i);
			t.start();
			threads.add(t);
		}
		long start = System.nanoTime();
		while ((receipts.size() < 5 || System.nanoTime() - start < 2_500_000_000L) && System.nanoTime() - start < 120_000_000_000L) {
			AppProcess.sleep(50);
		}
		int exit = first.kill();
		long killedAfterMs = (System.nanoTime() - start) / 1_000_000;
		stop.set(true);
		for (Thread t : threads) {
			t.join(120_000);
		}
		assertThat(exit).as("SIGKILL gives exit code 128 + 9").isEqualTo(137);
		assertThat(receipts).as("receipts handed out before the kill").hasSizeGreaterThanOrEqualTo(5);

		long eventsPendingAtKill;
		try (Connection db = PgDatabases.connect(database)) {
			eventsPendingAtKill = count(db, "select count(*) from event_log");
		}
		AppProcess second = AppProcess.start("crash-after", url);
		apps.add(second);

		Map<String, Object> figures = new LinkedHashMap<>();
		try (Connection db = PgDatabases.connect(database)) {
			// Every receipt is there once, with the case id the client was told, and complete.
			int found = 0;
			for (Receipt r : receipts.values()) {
				List<Long> ids = longs(db, "select id from casework_case where receipt_number = ?", r.receiptNumber());
				assertThat(ids).as("case of receipt " + r.receiptNumber()).containsExactly(r.caseId());
				assertThat(longs(db, "select id from casework_case where idempotency_key = ?", r.key())).containsExactly(r.caseId());
				found++;
			}
			long duplicateReceipts = count(db, "select count(*) from (select receipt_number from casework_case "
					+ "group by receipt_number having count(*) > 1) d");
			long duplicateKeys = count(db, "select count(*) from (select submitted_by, idempotency_key from casework_case "
					+ "group by submitted_by, idempotency_key having count(*) > 1) d");
			// Nothing half-written: every case (including those committed but never answered) has all its tasks,
			// its timeline and a consistent status; nothing belongs to a case that does not exist.
			long incompleteCases = count(db, "select count(*) from casework_case c where (select count(*) from casework_task t "
					+ "where t.case_id = c.id) <> " + TASKS_PER_CASE);
			long casesWithoutTimeline = count(db, "select count(*) from casework_case c where not exists "
					+ "(select 1 from casework_timeline l where l.case_id = c.id)");
			long orphanTasks = count(db, "select count(*) from casework_task t where not exists "
					+ "(select 1 from casework_case c where c.id = t.case_id)");
			long orphanTimeline = count(db, "select count(*) from casework_timeline l where not exists "
					+ "(select 1 from casework_case c where c.id = l.case_id)");
			long orphanMaterials = count(db, "select count(*) from casework_task_material m where not exists "
					+ "(select 1 from casework_task t where t.id = m.task_id)");
			long tasksWithoutMaterials = count(db, "select count(*) from casework_task t where not exists "
					+ "(select 1 from casework_task_material m where m.task_id = t.id) and t.item_code in ('LEG-001')");
			Set<String> caseStatuses = EnumSet.allOf(CaseStatus.class).stream().map(Enum::name).collect(Collectors.toSet());
			Set<String> taskStatuses = EnumSet.allOf(TaskStatus.class).stream().map(Enum::name).collect(Collectors.toSet());
			assertThat(strings(db, "select distinct status from casework_case")).isSubsetOf(caseStatuses);
			assertThat(strings(db, "select distinct status from casework_task")).isSubsetOf(taskStatuses);
			long halfSubmittedDrafts = count(db, "select count(*) from casework_draft d where d.case_id is not null and not exists "
					+ "(select 1 from casework_case c where c.id = d.case_id)");
			long casesBefore = count(db, "select count(*) from casework_case");

			// The requests whose answer was lost: the client retries each with its key on the new process.
			WebSession client = new WebSession().signIn(second.baseUrl(), "enterprise-hk", AppProcess.PASSWORD);
			int lostButStored = 0;
			int lostResubmittedNew = 0;
			for (Map.Entry<String, Map<String, Object>> e : lost.entrySet()) {
				boolean stored = !longs(db, "select id from casework_case where idempotency_key = ?", e.getKey()).isEmpty();
				WebSession.Response retry = client.postJson(second.baseUrl(), "/api/v1/applications", e.getValue(),
						"Idempotency-Key", e.getKey());
				assertThat(retry.status()).as("retry of " + e.getKey() + ": " + retry.body()).isEqualTo(stored ? 200 : 201);
				assertThat(longs(db, "select id from casework_case where idempotency_key = ?", e.getKey())).hasSize(1);
				if (stored) {
					lostButStored++;
				}
				else {
					lostResubmittedNew++;
				}
			}
			for (Map.Entry<String, Map<String, Object>> e : notSent.entrySet()) {
				assertThat(longs(db, "select id from casework_case where idempotency_key = ?", e.getKey())).isEmpty();
			}
			// And a retry of a request that did get its receipt answers with that same receipt.
			Receipt some = receipts.values().iterator().next();
			WebSession.Response again = client.postJson(second.baseUrl(), "/api/v1/applications",
					application("Crash again Ltd", new long[] { 1, 2, 3 }), "Idempotency-Key", some.key());
			assertThat(again.status()).isEqualTo(200);
			assertThat(again.json().get("receiptNumber").asString()).isEqualTo(some.receiptNumber());
			// The API of the new process shows each case with all its tasks.
			for (Receipt r : receipts.values().stream().limit(10).toList()) {
				WebSession.Response view = client.get(second.baseUrl(), "/api/v1/applications/" + r.receiptNumber());
				assertThat(view.status()).isEqualTo(200);
				assertThat(view.json().get("tasks").size()).isEqualTo(TASKS_PER_CASE);
			}
			long duplicatesAfterRetry = count(db, "select count(*) from (select submitted_by, idempotency_key from casework_case "
					+ "group by submitted_by, idempotency_key having count(*) > 1) d");

			// Derived work: the restarted node applies the events the dead one left, each once. Every case has its
			// supervision rows (one per task), its feedback record, one receipt notice in the applicant's inbox and
			// one audit record of its submission.
			long waitUntil = System.nanoTime() + 60_000_000_000L;
			while (count(db, "select count(*) from event_log") > 0 && System.nanoTime() < waitUntil) {
				AppProcess.sleep(100);
			}
			long eventsLeft = count(db, "select count(*) from event_log");
			long allCases = count(db, "select count(*) from casework_case");
			long casesWithoutFigures = count(db, "select count(*) from casework_case c where (select count(*) from "
					+ "supervision_task s where s.case_id = c.id) <> " + TASKS_PER_CASE);
			long casesWithoutFeedback = count(db, "select count(*) from casework_case c where (select count(*) from "
					+ "feedback_case f where f.case_id = c.id) <> 1");
			long casesWithoutOneNotice = count(db, "select count(*) from casework_case c where (select count(*) from "
					+ "notification n where n.subject_ref = c.receipt_number and n.template = 'receipt' "
					+ "and n.channel = 'INBOX') <> 1");
			long casesWithoutOneAudit = count(db, "select count(*) from casework_case c where (select count(*) from "
					+ "(select target, action from audit_pending union all select target, action from audit_log) a "
					+ "where a.action = 'casework.CaseSubmitted' and a.target = concat('receiptNumber:', c.receipt_number)) <> 1");
			figures.put("eventsPendingAtKill", eventsPendingAtKill);
			figures.put("eventsLeftAfterRestart", eventsLeft);
			figures.put("casesMissingDerivedRecords", casesWithoutFigures + casesWithoutFeedback + casesWithoutOneNotice
					+ casesWithoutOneAudit);
			assertThat(eventsPendingAtKill).as("events the dead node left unapplied").isPositive();
			assertThat(eventsLeft).as("events still unapplied 60 s after the restart").isZero();
			assertThat(allCases).isPositive();
			assertThat(casesWithoutFigures).as("cases without one supervision row per task").isZero();
			assertThat(casesWithoutFeedback).as("cases without their feedback record").isZero();
			assertThat(casesWithoutOneNotice).as("cases without exactly one receipt notice").isZero();
			assertThat(casesWithoutOneAudit).as("cases without exactly one audit record of the submission").isZero();

			figures.put("clients", CLIENTS);
			figures.put("killedAfterMs", killedAfterMs);
			figures.put("exitCode", exit);
			figures.put("submitted", attempted.get() - notSent.size());
			figures.put("refusedAfterKill", notSent.size());
			figures.put("receipts", receipts.size());
			figures.put("foundAfterRestart", found);
			figures.put("killedMidFlight", lost.size());
			figures.put("midFlightStoredBeforeKill", lostButStored);
			figures.put("midFlightNotStored", lostResubmittedNew);
			figures.put("refusedBeforeKill", refused);
			figures.put("casesAfterRestart", casesBefore);
			figures.put("duplicates", duplicateReceipts + duplicateKeys + duplicatesAfterRetry);
			figures.put("incompleteCases", incompleteCases);
			figures.put("orphans", orphanTasks + orphanTimeline + orphanMaterials + halfSubmittedDrafts);
			FaultFigures.write("crash", figures);

			assertThat(found).isEqualTo(receipts.size());
			assertThat(duplicateReceipts).isZero();
			assertThat(duplicateKeys).isZero();
			assertThat(duplicatesAfterRetry).isZero();
			assertThat(incompleteCases).isZero();
			assertThat(casesWithoutTimeline).isZero();
			assertThat(orphanTasks + orphanTimeline + orphanMaterials + halfSubmittedDrafts).isZero();
			assertThat(tasksWithoutMaterials).isZero();
			// Every case in the database is one the clients sent: a receipt, or a request killed mid-flight.
			assertThat(casesBefore).isEqualTo(receipts.size() + lostButStored);
		}
	}

	static List<Long> longs(Connection db, String sql, Object... params) throws SQLException {
		try (PreparedStatement s = db.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				s.setObject(i + 1, params[i]);
			}
			try (ResultSet rs = s.executeQuery()) {
				List<Long> out = new ArrayList<>();
				while (rs.next()) {
					out.add(rs.getLong(1));
				}
				return out;
			}
		}
	}

	static List<String> strings(Connection db, String sql, Object... params) throws SQLException {
		try (PreparedStatement s = db.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				s.setObject(i + 1, params[i]);
			}
			try (ResultSet rs = s.executeQuery()) {
				List<String> out = new ArrayList<>();
				while (rs.next()) {
					out.add(rs.getString(1));
				}
				return out;
			}
		}
	}

	static long count(Connection db, String sql, Object... params) throws SQLException {
		return longs(db, sql, params).get(0);
	}

}
