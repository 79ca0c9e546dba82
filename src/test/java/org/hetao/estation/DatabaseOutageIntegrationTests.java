package org.hetao.estation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.hetao.estation.support.AppProcess;
import org.hetao.estation.support.FaultFigures;
import org.hetao.estation.support.PgDatabases;
import org.hetao.estation.support.TcpProxy;
import org.hetao.estation.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Database outage: the application (a separate process) reaches PostgreSQL through a TCP proxy in this test;
 * cutting the proxy closes every connection and refuses new ones. Meanwhile pages and the API answer 503 with
 * {@code Retry-After} and a clear message, health is DOWN, and a submission is either stored whole or not at
 * all; when the proxy is back the application recovers by itself, with the same session.
 */
@EnabledIfSystemProperty(named = "estation.test.database", matches = "postgres")
class DatabaseOutageIntegrationTests {

	static AppProcess app;

	static TcpProxy proxy;

	static String database;

	@AfterAll
	static void cleanUp() {
		if (app != null) {
			app.close();
		}
		if (proxy != null) {
			proxy.close();
		}
		if (database != null) {
			PgDatabases.drop(database);
		}
	}

	@Test
	void whileTheDatabaseIsAwayEverythingAnswers503AndNothingIsHalfAppliedThenItRecoversByItself() throws Exception {
		database = PgDatabases.create("estation_fault");
		String[] hostPort = PgDatabases.hostAndPort().split(":");
		proxy = new TcpProxy(hostPort[0], Integer.parseInt(hostPort[1]));
		app = AppProcess.start("outage", PgDatabases.url("127.0.0.1:" + proxy.port(), database),
				"--spring.datasource.hikari.connection-timeout=3000");
		String base = app.baseUrl();
		WebSession browser = new WebSession().signIn(base, "enterprise-hk", AppProcess.PASSWORD);
		long[] docs = { browser.uploadPdf(base), browser.uploadPdf(base), browser.uploadPdf(base) };
		assertThat(browser.postJson(base, "/api/v1/applications",
				CrashRecoveryIntegrationTests.application("Before Outage Ltd", docs), "Idempotency-Key",
				UUID.randomUUID().toString()).status()).isEqualTo(201);

		// A client keeps submitting across the start of the outage.
		WebSession submitter = new WebSession().signIn(base, "enterprise-hk", AppProcess.PASSWORD);
		Map<String, Integer> outcomes = new ConcurrentHashMap<>();
		Map<String, Map<String, Object>> bodies = new ConcurrentHashMap<>();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger sent = new AtomicInteger();
		Thread load = new Thread(() -> {
			while (!stop.get()) {
				String key = UUID.randomUUID().toString();
				Map<String, Object> body = CrashRecoveryIntegrationTests.application("Outage " + sent.incrementAndGet() + " Ltd", docs);
				bodies.put(key, body);
				try {
					outcomes.put(key, submitter.postJson(base, "/api/v1/applications", body, "Idempotency-Key", key).status());
				}
				catch (Exception ex) {
					outcomes.put(key, -1);
				}
			}
		}, "outage-load");
		load.start();
		AppProcess.sleep(1500);
		proxy.cut();
		long cutAt = System.nanoTime();

		// The API: a problem detail in the caller's language, Retry-After, fast.
		long t0 = System.nanoTime();
		WebSession.Response api = browser.get(base, "/api/v1/applications");
		long apiMs = (System.nanoTime() - t0) / 1_000_000;
		assertThat(api.status()).as(api.body()).isEqualTo(503);
		assertThat(api.header("Content-Type")).startsWith("application/problem+json");
		assertThat(api.header("Retry-After")).isEqualTo("5");
		// (enterprise-hk prefers Traditional Chinese: signing in chose the language)
		assertThat(api.json().get("detail").asString()).contains("無法連接資料庫");
		assertThat(api.json().get("status").asInt()).isEqualTo(503);

		// A submission during the outage: 503, and not stored.
		String duringKey = UUID.randomUUID().toString();
		Map<String, Object> during = CrashRecoveryIntegrationTests.application("During Outage Ltd", docs);
		WebSession.Response refused = browser.postJson(base, "/api/v1/applications", during, "Idempotency-Key", duringKey);
		assertThat(refused.status()).as(refused.body()).isEqualTo(503);
		assertThat(refused.header("Retry-After")).isNotNull();

		// A page: the friendly page, in the user's language.
		long t1 = System.nanoTime();
		WebSession.Response page = browser.getPage(base, "/applications");
		long pageMs = (System.nanoTime() - t1) / 1_000_000;
		assertThat(page.status()).isEqualTo(503);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.header("Retry-After")).isEqualTo("5");
		assertThat(page.body()).contains("無法連接資料庫").contains("lang=\"zh-Hant\"");
		WebSession.Response english = new WebSession().getPage(base, "/applications");
		assertThat(english.status()).isEqualTo(503);
		assertThat(english.body()).contains("Service unavailable").contains("cannot reach its database");

		assertThat(app.health()).as("health while the database is away").isEqualTo(503);
		stop.set(true);
		load.join(60_000);

		try (Connection db = PgDatabases.connect(database)) {
			assertThat(CrashRecoveryIntegrationTests.longs(db, "select id from casework_case where idempotency_key = ?", duringKey))
				.isEmpty();
		}

		// The database returns: the application follows by itself, the session is still valid.
		proxy.restore();
		long back = System.nanoTime();
		WebSession.Response mine = null;
		while (System.nanoTime() - back < 120_000_000_000L) {
			mine = browser.get(base, "/api/v1/applications");
			if (mine.status() != 503) {
				break;
			}
			AppProcess.sleep(200);
		}
		long recoveryMs = (System.nanoTime() - back) / 1_000_000;
		assertThat(mine.status()).as("the same session works again").isEqualTo(200);
		assertThat(app.health()).isEqualTo(200);
		WebSession.Response retried = browser.postJson(base, "/api/v1/applications", during, "Idempotency-Key", duringKey);
		assertThat(retried.status()).isEqualTo(201);
		assertThat(browser.getPage(base, "/applications").status()).isEqualTo(200);

		try (Connection db = PgDatabases.connect(database)) {
			// Nothing half-applied: every case has all its tasks, each request is stored at most once, and every
			// request answered 201 is there; those answered otherwise are there whole or not at all.
			assertThat(CrashRecoveryIntegrationTests.count(db, "select count(*) from casework_case c where (select count(*) "
					+ "from casework_task t where t.case_id = c.id) <> " + CrashRecoveryIntegrationTests.TASKS_PER_CASE)).isZero();
			int storedDespiteFailure = 0;
			List<String> missing = new ArrayList<>();
			for (Map.Entry<String, Integer> e : outcomes.entrySet()) {
				int rows = CrashRecoveryIntegrationTests.longs(db, "select id from casework_case where idempotency_key = ?",
						e.getKey()).size();
				assertThat(rows).isLessThanOrEqualTo(1);
				if (e.getValue() == 201 && rows != 1) {
					missing.add(e.getKey());
				}
				if (e.getValue() != 201 && rows == 1) {
					storedDespiteFailure++;
				}
			}
			assertThat(missing).isEmpty();
			assertThat(CrashRecoveryIntegrationTests.longs(db, "select id from casework_case where idempotency_key = ?", duringKey))
				.hasSize(1);
			long answered503 = outcomes.values().stream().filter(s -> s == 503).count();
			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("apiAnswer503Ms", apiMs);
			figures.put("pageAnswer503Ms", pageMs);
			figures.put("recoveryAfterDatabaseBackMs", recoveryMs);
			figures.put("outageMs", (back - cutAt) / 1_000_000);
			figures.put("submissionsAcrossOutage", outcomes.size());
			figures.put("answered201", outcomes.values().stream().filter(s -> s == 201).count());
			figures.put("answered503", answered503);
			figures.put("storedDespiteNo201", storedDespiteFailure);
			figures.put("halfApplied", 0);
			FaultFigures.write("outage", figures);
		}
	}

}
