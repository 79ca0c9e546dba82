package org.hetao.estation.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.hetao.estation.certificates.CaseFixtures;
import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.Money;
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
 * Supervision's fee figures (#20) are what the fee lines add up to: collected (paid), outstanding (due), not yet
 * due, per currency and per department, on the API and the dashboard — after a fee paid at the window, one due
 * and one not yet due.
 */
@SpringBootTest(properties = "estation.payments.sandbox.notify-delay=PT1H")
@AutoConfigureMockMvc
class FeeFiguresIntegrationTests {

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

	/** currency → status → sum, straight from the fee lines (of one department, or all when null). */
	Map<String, Map<String, Long>> lines(String department) {
		Map<String, Map<String, Long>> sums = new TreeMap<>();
		var query = department == null
				? jdbc.sql("select currency, status, sum(amount_minor) as total from payments_fee_line group by currency, status")
				: jdbc.sql("""
						select currency, status, sum(amount_minor) as total from payments_fee_line
						where department_code = :d group by currency, status""").param("d", department);
		query.query(rs -> {
				sums.computeIfAbsent(rs.getString("currency"), c -> new TreeMap<>()).put(rs.getString("status"), rs.getLong("total"));
			});
		return sums;
	}

	static long of(Map<String, Map<String, Long>> sums, String currency, String status) {
		return sums.getOrDefault(currency, Map.of()).getOrDefault(status, 0L);
	}

	void await(long taskId, String status) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < until && jdbc.sql("select count(*) from payments_fee_line where task_id = :t and status = :s")
			.param("t", taskId).param("s", status).query(Long.class).single() == 0) {
			Thread.sleep(50);
		}
	}

	@Test
	void theFiguresAreWhatTheFeeLinesAddUpTo() throws Exception {
		CaseFixtures cases = new CaseFixtures(mvc, accounts, documents, jdbc, json);
		EstationUser applicant = cases.applicant(Language.EN);
		long paid = cases.taskId(applicant, cases.submit(applicant, 3));
		cases.act("clerk", paid, "accept", null);
		cases.paidAtTheWindow(paid);
		long due = cases.taskId(applicant, cases.submit(applicant, 1));
		cases.act("clerk", due, "accept", null);
		cases.awaitDue(due);
		long notYet = cases.taskId(applicant, cases.submit(applicant, 2));
		await(notYet, "NOT_YET_DUE");

		EstationUser supervisor = cases.account("supervisor");
		JsonNode figures = null;
		Map<String, Map<String, Long>> all = null;
		Map<String, Map<String, Long>> legal = null;
		// other tests' fees may still be being assessed: compare with lines that stood still around the reading
		for (int attempt = 0; attempt < 20; attempt++) {
			all = lines(null);
			legal = lines(CaseFixtures.OFFICER.substring("officer-".length()));
			MvcTestResult result = mvc.get().uri("/api/v1/supervision/fees").with(user(supervisor)).exchange();
			assertThat(result).hasStatusOk();
			figures = cases.body(result);
			if (all.equals(lines(null))) {
				break;
			}
			Thread.sleep(200);
		}
		assertThat(of(all, "HKD", "PAID")).as("at least the fee paid at the window").isGreaterThanOrEqualTo(75000);
		assertThat(of(all, "HKD", "DUE")).isGreaterThanOrEqualTo(25000);
		assertThat(of(all, "HKD", "NOT_YET_DUE")).isGreaterThanOrEqualTo(50000);

		assertThat(figures.get("byCurrency")).hasSize(all.size());
		for (JsonNode f : figures.get("byCurrency")) {
			String currency = f.get("currency").asString();
			assertThat(f.get("department") == null || f.get("department").isNull()).as("all departments").isTrue();
			assertThat(f.get("collected").asLong()).as(currency).isEqualTo(of(all, currency, "PAID"));
			assertThat(f.get("outstanding").asLong()).as(currency).isEqualTo(of(all, currency, "DUE"));
			assertThat(f.get("notYetDue").asLong()).as(currency).isEqualTo(of(all, currency, "NOT_YET_DUE"));
		}
		JsonNode legalHkd = null;
		for (JsonNode f : figures.get("byDepartment")) {
			if (f.get("department").asString().equals("legal-services") && f.get("currency").asString().equals("HKD")) {
				legalHkd = f;
			}
		}
		assertThat(legalHkd).isNotNull();
		assertThat(legalHkd.get("collected").asLong()).isEqualTo(of(legal, "HKD", "PAID"));
		assertThat(legalHkd.get("outstanding").asLong()).isEqualTo(of(legal, "HKD", "DUE"));

		// the dashboard shows the same, as people read money
		MvcTestResult page = mvc.get().uri("/supervision").header("Accept-Language", "en").with(user(supervisor)).exchange();
		assertThat(page).hasStatusOk();
		String html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("Fees collected", "Fees outstanding", "data-figure=\"fees-collected-HKD\"",
				Money.of(of(lines(null), "HKD", "PAID"), "HKD").format(java.util.Locale.ENGLISH));
		// only supervision sees it
		assertThat(mvc.get().uri("/api/v1/supervision/fees").with(user(applicant)).exchange()).hasStatus(403);
	}

}
