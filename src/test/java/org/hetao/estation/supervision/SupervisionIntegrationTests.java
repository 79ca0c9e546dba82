package org.hetao.estation.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hetao.estation.casework.CaseChannel;
import org.hetao.estation.casework.CaseSubmitted;
import org.hetao.estation.casework.CorrectionRequested;
import org.hetao.estation.casework.Deficiency;
import org.hetao.estation.casework.DeliveryMethod;
import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.calendar.WorkingDayClock;
import org.hetao.estation.casework.TaskAccepted;
import org.hetao.estation.casework.TaskClockChanged;
import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.casework.TaskDecided;
import org.hetao.estation.casework.TaskDelivered;
import org.hetao.estation.casework.TaskNotAccepted;
import org.hetao.estation.feedback.EvaluationChannel;
import org.hetao.estation.feedback.Evaluations;
import org.hetao.estation.feedback.Rating;
import org.hetao.estation.feedback.Reason;
import org.hetao.estation.feedback.Satisfaction;
import org.hetao.estation.hall.TicketServed;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard's figures against a known data set: four cases in the week of 2 March 2026 (a week without
 * holidays), fed through the same events casework and the hall publish.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SupervisionIntegrationTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final LocalDate FROM = LocalDate.of(2026, 3, 2);

	static final LocalDate TO = LocalDate.of(2026, 3, 6);

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Supervision supervision;

	@Autowired
	Evaluations evaluations;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	EstationUser supervisor;

	static Instant at(int day, int hour) {
		return LocalDateTime.of(2026, 3, day, hour, 0).atZone(ZONE).toInstant();
	}

	static long id() {
		return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
	}

	void publish(Object... list) {
		tx.executeWithoutResult(s -> {
			for (Object e : list) {
				events.publishEvent(e);
			}
		});
	}

	EstationUser person(Role role) {
		String name = "s-" + UUID.randomUUID().toString().substring(0, 8);
		long id = accounts.create(new Accounts.NewAccount(name, "{noop}x", "Person " + name, null, null, Language.EN,
				role == Role.APPLICANT ? ApplicantType.HK_RESIDENT : null, null, Set.of(role)));
		return accounts.findById(id).orElseThrow();
	}

	@BeforeEach
	void knownDataSet() {
		// The same database serves every run (PostgreSQL keeps it): start the week, the period before it and the week
		// before that from nothing.
		OffsetDateTime start = FROM.minusDays(9).atStartOfDay(ZONE).toOffsetDateTime();
		OffsetDateTime end = TO.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime();
		jdbc.sql("delete from supervision_task where submitted_at >= :s and submitted_at < :e").param("s", start).param("e", end).update();
		jdbc.sql("delete from supervision_ticket where finished_at >= :s and finished_at < :e").param("s", start).param("e", end).update();
		jdbc.sql("delete from feedback_rectification where evaluation_id in (select id from feedback_evaluation where created_at >= :s and created_at < :e)")
			.param("s", start).param("e", end).update();
		jdbc.sql("delete from feedback_evaluation where created_at >= :s and created_at < :e").param("s", start).param("e", end).update();

		supervisor = person(Role.SUPERVISOR);
		EstationUser applicant = person(Role.APPLICANT);
		long a = applicant.id();
		String r = "HT2026030" + ThreadLocalRandom.current().nextInt(10, 99) + "-";
		int n = ThreadLocalRandom.current().nextInt(100000, 900000);
		String r0 = r + (n - 1), r1 = r + n, r2 = r + (n + 1), r3 = r + (n + 2), r4 = r + (n + 3);
		long c0 = id(), c1 = id(), c2 = id(), c3 = id(), c4 = id(), t0 = id(), t1 = id(), t2 = id(), t3 = id(), t4 = id();
		// 0, in the period before (25 Feb to 1 March): accepted Thursday (deadline Friday), approved Friday, on time.
		publish(new CaseSubmitted(c0, r0, a, null, List.of("GOV-002"), CaseChannel.ONLINE, LocalDateTime.of(2026, 2, 26, 10, 0).atZone(ZONE).toInstant()),
				new TaskAccepted(c0, r0, a, t0, "GOV-002", "market-regulation", LocalDate.of(2026, 2, 27), LocalDateTime.of(2026, 2, 26, 11, 0).atZone(ZONE).toInstant()),
				clock(c0, r0, t0, "GOV-002", "market-regulation", LocalDate.of(2026, 2, 26), LocalDate.of(2026, 2, 27), 1, 1),
				new TaskDecided(c0, r0, a, t0, "GOV-002", "market-regulation", true, null, Map.of(), true, LocalDateTime.of(2026, 2, 27, 15, 0).atZone(ZONE).toInstant()),
				new TaskDelivered(c0, r0, a, t0, "GOV-002", DeliveryMethod.ELECTRONIC, LocalDateTime.of(2026, 2, 27, 16, 0).atZone(ZONE).toInstant()));
		// 1: online, accepted Monday (deadline Tuesday), approved Tuesday: on time, 1 working day of 1.
		publish(new CaseSubmitted(c1, r1, a, null, List.of("GOV-002"), CaseChannel.ONLINE, at(2, 10)),
				new TaskAccepted(c1, r1, a, t1, "GOV-002", "market-regulation", LocalDate.of(2026, 3, 3), at(2, 11)),
				clock(c1, r1, t1, "GOV-002", "market-regulation", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3), 1, 1),
				new TaskDecided(c1, r1, a, t1, "GOV-002", "market-regulation", true, null, Map.of(), true, at(3, 15)),
				new TaskDelivered(c1, r1, a, t1, "GOV-002", DeliveryMethod.ELECTRONIC, at(3, 16)));
		// 2: at the window, a correction, accepted Tuesday (deadline Wednesday), never decided: overdue now.
		publish(new CaseSubmitted(c2, r2, a, null, List.of("GOV-002"), CaseChannel.WINDOW, at(2, 14)),
				new CorrectionRequested(c2, r2, a, t2, "GOV-002", List.of(Deficiency.material("ARTICLES_OF_ASSOCIATION")), at(2, 15)),
				new TaskAccepted(c2, r2, a, t2, "GOV-002", "market-regulation", LocalDate.of(2026, 3, 4), at(3, 9)),
				clock(c2, r2, t2, "GOV-002", "market-regulation", LocalDate.of(2026, 3, 3), null, 1, 0));
		// 3: online tax item, accepted Tuesday (deadline Wednesday), refused Thursday: late, 2 days of 1.
		publish(new CaseSubmitted(c3, r3, a, null, List.of("TAX-001"), CaseChannel.ONLINE, at(3, 10)),
				new TaskAccepted(c3, r3, a, t3, "TAX-001", "tax", LocalDate.of(2026, 3, 4), at(3, 11)),
				clock(c3, r3, t3, "TAX-001", "tax", LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 5), 1, 2),
				new TaskDecided(c3, r3, a, t3, "TAX-001", "tax", false, "incomplete", Map.of(), false, at(5, 10)));
		// 4: through the API, not accepted.
		publish(new CaseSubmitted(c4, r4, a, null, List.of("TAX-001"), CaseChannel.API, at(4, 9)),
				new TaskNotAccepted(c4, r4, a, t4, "TAX-001", "not our item", at(4, 10)));
		// A counter service at window 5: ten minutes.
		publish(new TicketServed(id(), "B001", "B", "5", 1L, List.of(r2), at(3, 8).minusSeconds(600), at(3, 8)));

		// Two evaluations, given in the week: case 1 very satisfied, case 3 dissatisfied.
		for (var s : evaluations.servicesOf(a)) {
			if (s.service().receiptNumber().equals(r1)) {
				evaluations.rate(a, s.service().id(), EvaluationChannel.WEB, new Evaluations.Rate(Rating.VERY_SATISFIED, List.of(Reason.FAST), null));
			}
			if (s.service().receiptNumber().equals(r0)) {
				evaluations.rate(a, s.service().id(), EvaluationChannel.WEB, new Evaluations.Rate(Rating.SATISFIED, List.of(Reason.FAST), null));
			}
			if (s.service().receiptNumber().equals(r3)) {
				evaluations.rate(a, s.service().id(), EvaluationChannel.WEB, new Evaluations.Rate(Rating.DISSATISFIED, List.of(Reason.SLOW), null));
			}
		}
		jdbc.sql("update feedback_evaluation set created_at = :t where service_id in (select id from feedback_service where applicant_account_id = :a)")
			.param("t", at(5, 12).atZone(ZONE).toOffsetDateTime())
			.param("a", a)
			.update();
		jdbc.sql("update feedback_evaluation set created_at = :t where service_id in (select id from feedback_service where receipt_number = :r)")
			.param("t", LocalDateTime.of(2026, 2, 27, 12, 0).atZone(ZONE).toOffsetDateTime())
			.param("r", r0)
			.update();
		this.overdueReceipt = r2;
	}

	String overdueReceipt;

	/**
	 * The clock casework tells of a Mainland task accepted on {@code accepted}: stopped (decided) on {@code decided}
	 * having used {@code used} working days, or still running when {@code decided} is null.
	 */
	TaskClockChanged clock(long caseId, String receipt, long taskId, String item, String department, LocalDate accepted,
			LocalDate decided, int promised, int used) {
		WorkingDayClock clock = WorkingDayClock.start(Jurisdiction.CN, accepted, promised);
		if (decided != null) {
			clock = clock.pause(decided);
		}
		return TaskClockChanged.of(caseId, receipt, taskId, item, department,
				decided == null ? TaskClockChanged.Change.ACCEPTED : TaskClockChanged.Change.STOPPED, clock,
				decided == null ? accepted : decided, calendars, (decided == null ? accepted : decided).atTime(12, 0).atZone(ZONE).toInstant());
	}

	@Autowired
	WorkingCalendars calendars;

	@Test
	void figuresMatchTheKnownDataSet() {
		Supervision.Dashboard d = supervision.dashboard(FROM, TO);
		assertThat(d.total()).isEqualTo(new Figures.Row("*", 4, 2, 2, 50, 1.5, 1.0, 25));
		assertThat(d.by().get(Figures.Dimension.DEPARTMENT)).containsExactly(
				new Figures.Row("market-regulation", 2, 1, 1, 100, 1.0, 1.0, 50),
				new Figures.Row("tax", 2, 1, 1, 0, 2.0, 1.0, 0));
		assertThat(d.by().get(Figures.Dimension.CHANNEL)).extracting(Figures.Row::key, Figures.Row::received)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("API", 1), org.assertj.core.groups.Tuple.tuple("ONLINE", 2),
					org.assertj.core.groups.Tuple.tuple("WINDOW", 1));
		assertThat(d.by().get(Figures.Dimension.DOMAIN)).extracting(Figures.Row::key)
			.containsExactly("GOVERNMENT_AFFAIRS", "TAXATION");
		assertThat(d.by().get(Figures.Dimension.ITEM)).extracting(Figures.Row::key, Figures.Row::correctionPercent)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("GOV-002", 50), org.assertj.core.groups.Tuple.tuple("TAX-001", 0));
		assertThat(d.overdue()).extracting(TaskRecord::receiptNumber).contains(overdueReceipt);
		assertThat(d.windows()).singleElement().satisfies(w -> {
			assertThat(w.window()).isEqualTo("5");
			assertThat(w.served()).isEqualTo(1);
			assertThat(w.averageServiceMinutes()).isEqualTo(10.0);
		});
		assertThat(d.satisfaction().get(Satisfaction.Dimension.DEPARTMENT)).containsExactly(
				new Satisfaction.Figure("market-regulation", 1, 0, 0, 100, 5.0),
				new Satisfaction.Figure("tax", 1, 0, 1, 0, 2.0));
		assertThat(d.satisfaction().get(Satisfaction.Dimension.CHANNEL)).singleElement()
			.satisfies(f -> assertThat(f.evaluations()).isEqualTo(2));

		// At a glance: the period beside the one before it (25 Feb to 1 March), and the weekly trend.
		Supervision.Glance g = d.glance();
		assertThat(g.previousFrom()).isEqualTo(LocalDate.of(2026, 2, 25));
		assertThat(g.previousTo()).isEqualTo(LocalDate.of(2026, 3, 1));
		assertThat(g.previous()).isEqualTo(new Figures.Row("*", 1, 1, 0, 100, 1.0, 1.0, 0));
		assertThat(g.satisfaction()).isEqualTo(new Satisfaction.Figure("*", 2, 0, 1, 50, 3.5));
		assertThat(g.previousSatisfaction()).isEqualTo(new Satisfaction.Figure("*", 1, 0, 0, 100, 4.0));
		assertThat(g.weeks()).hasSize(8);
		assertThat(g.weeks().get(7)).isEqualTo(new Supervision.Week(LocalDate.of(2026, 2, 28), TO, 2, 50));
		assertThat(g.weeks().get(6)).isEqualTo(new Supervision.Week(LocalDate.of(2026, 2, 21), LocalDate.of(2026, 2, 27), 1, 100));
		assertThat(g.ratings()).extracting(Satisfaction.Breakdown::key).containsExactly("market-regulation", "tax");
		assertThat(g.ratings().get(0).counts()).containsEntry(Rating.VERY_SATISFIED, 1).containsEntry(Rating.DISSATISFIED, 0);
		assertThat(g.ratings().get(1).counts()).containsEntry(Rating.DISSATISFIED, 1).containsEntry(Rating.VERY_SATISFIED, 0);
		// what runs now, whatever else the database holds, counted the way a person would
		LocalDate today = supervision.today();
		// (a task paused for a correction before its deadline is not overdue while it waits, though its deadline passed)
		assertThat(g.overdueNow()).isPositive().isLessThanOrEqualTo(running("deadline < :d", today))
			.isEqualTo(supervision.running(Supervision.Show.OVERDUE, Integer.MAX_VALUE).size());
		assertThat(g.openNow()).isEqualTo(running("1 = 1", today)).isGreaterThanOrEqualTo(g.overdueNow() + g.dueSoonNow());
		assertThat(g.dueSoonNow()).isLessThanOrEqualTo(running("deadline >= :d", today))
			.isEqualTo(supervision.running(Supervision.Show.DUE_SOON, Integer.MAX_VALUE).size());
		// a group with nothing in the period stays out of the period's tables
		assertThat(d.by().get(Figures.Dimension.DEPARTMENT)).hasSize(2);
	}

	int running(String condition, LocalDate today) {
		return running(condition, today, today);
	}

	int running(String condition, LocalDate today, LocalDate soon) {
		return jdbc.sql("select count(*) from supervision_task where decided_at is null and ended is null and " + condition)
			.param("d", today)
			.param("s", soon)
			.query(Integer.class)
			.single();
	}

	/** The tiles' text in each language, the figures of the data set, and no code where a person reads. */
	@Test
	void theTilesSayTheFiguresInEachLanguage() throws Exception {
		Supervision.Glance g = supervision.dashboard(FROM, TO).glance();
		Map<String, List<String>> expected = Map.of(
				"en", List.of("50 percentage points lower than the period before", "4 received in the period, 1 in the period before",
						"2 of those received in the period went overdue, 0 in the period before", "0.5 working days slower than the period before",
						"Average working days to decide (promised: 1)", "Ratings that were satisfied or basically satisfied (2 ratings)",
						"Very satisfied", "Shenzhen Administration for Market Regulation", "Overdue by"),
				"zh-Hant", List.of("比上一期間低 50 個百分點", "期內收件 4 件，上一期間 1 件", "期內收件中逾期 2 件，上一期間 0 件",
						"比上一期間慢 0.5 個工作日", "好評率：滿意或基本滿意的評價（共 2 個）", "非常不滿意", "已逾期"),
				"zh-Hans", List.of("比上一期间低 50 个百分点", "期内收件 4 件，上一期间 1 件", "比上一期间慢 0.5 个工作日",
						"好评率：满意或基本满意的评价（共 2 个）", "非常不满意", "已逾期"));
		for (var e : expected.entrySet()) {
			String page = mvc.get().uri("/supervision?from=2026-03-02&to=2026-03-06&lang=" + e.getKey())
				.header("Accept-Language", e.getKey())
				.with(user(supervisor))
				.exchange()
				.getResponse()
				.getContentAsString();
			assertThat(page).as(e.getKey())
				.contains("data-figure=\"onTime\">50%<", "data-figure=\"satisfaction\">50%<", "data-figure=\"days\">1.5<",
						"data-figure=\"overdue\">" + g.overdueNow() + "<", "data-figure=\"open\">" + g.openNow() + "<",
						"data-figure=\"dueSoon\">" + g.dueSoonNow() + "<")
				.contains("href=\"/supervision/tasks?show=OVERDUE\"")
				.contains(e.getValue().stream().map(org.springframework.web.util.HtmlUtils::htmlEscape).toList().toArray(String[]::new));
			String text = page.replaceAll("(?s)<script.*?</script>", "").replaceAll("(?s)<[^>]*>", " ");
			assertThat(text).as("what a person reads in %s", e.getKey())
				.doesNotContain("market-regulation", "VERY_SATISFIED", "DISSATISFIED", "DUE_SOON", "OVERDUE", "GOVERNMENT_AFFAIRS",
						"supervision.", "feedback.", "??", "{0}", "{1}");
			// the charts' text alternatives carry the same numbers: the tax department got one dissatisfied rating
			assertThat(page).containsPattern("(?s)id=\"chart-ratings-data\".*?data-value=\"0\">0</td>\\s*<td data-value=\"0\">0</td>\\s*<td data-value=\"0\">0</td>\\s*<td data-value=\"1\">1</td>");
		}

		String overdue = mvc.get().uri("/supervision/tasks?show=OVERDUE&lang=en").with(user(supervisor)).exchange()
			.getResponse().getContentAsString();
		assertThat(overdue).contains(overdueReceipt, "Overdue items not yet decided", "Shenzhen Administration for Market Regulation").doesNotContain(">market-regulation<");
		assertThat(mvc.get().uri("/supervision/tasks?show=NOPE").with(user(supervisor))).hasStatus(400);
	}

	@Test
	void thePageTheApiAndTheExportsShowTheSameFigures() throws Exception {
		assertThat(mvc.get().uri("/supervision?from=2026-03-02&to=2026-03-06").with(user(supervisor))).hasStatusOk()
			.bodyText()
			.contains("data-figure=\"onTime\">50%<", "data-figure=\"days\">1.5<")
			.contains("<tr data-key=\"tax\">")
			.contains("id=\"chart-workload-data\"", "id=\"chart-trend-data\"", "id=\"chart-ratings-data\"");

		assertThat(mvc.get().uri("/api/v1/supervision/figures?from=2026-03-02&to=2026-03-06").with(user(supervisor)))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.total.received")
			.isEqualTo(4);
		assertThat(mvc.get().uri("/api/v1/supervision/figures?from=2026-03-06&to=2026-03-02").with(user(supervisor)))
			.hasStatus(400);

		MvcTestResult csv = mvc.get().uri("/supervision/export.csv?from=2026-03-02&to=2026-03-06").header("Accept-Language", "en").with(user(supervisor)).exchange();
		assertThat(csv).hasStatusOk().hasContentType("text/csv;charset=UTF-8");
		String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFDimension,Code,Name,Received,Completed,Overdue,On-time rate");
		assertThat(text).contains("Total,*,Total,4,2,2,50,1.5,1.0,25\r\n");
		assertThat(text).contains("Department,tax,");
		assertThat(text).containsPattern("Department,market-regulation,[^\\r]*,2,1,1,100,1.0,1.0,50\r\n");

		MvcTestResult xlsx = mvc.get().uri("/supervision/export.xlsx?from=2026-03-02&to=2026-03-06").header("Accept-Language", "en").with(user(supervisor)).exchange();
		assertThat(xlsx).hasStatusOk();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Received");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Total");
			assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(4.0);
			assertThat(sheet.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(50.0);
		}

		assertThat(mvc.get().uri("/supervision/cases/{r}", overdueReceipt).with(user(supervisor))).hasStatusOk()
			.bodyText()
			.contains("GOV-002");
	}

	@Test
	void onlySupervisorsSeeTheDashboardAndMetrics() {
		EstationUser applicant = person(Role.APPLICANT);
		assertThat(mvc.get().uri("/supervision").with(user(applicant))).hasStatus(403);
		assertThat(mvc.get().uri("/supervision/export.csv").with(user(applicant))).hasStatus(403);
		assertThat(mvc.get().uri("/actuator/prometheus").with(user(supervisor))).hasStatusOk()
			.bodyText()
			.contains("estation_cases_submitted_total", "estation_tasks_decided_total", "estation_tasks_overdue",
					"estation_notifications_failures_total");
	}

	@Test
	void csvCellsAreQuotedAndFormulasNeutralised() {
		assertThat(org.hetao.estation.shared.TableExports.cell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
		assertThat(org.hetao.estation.shared.TableExports.cell("a,b")).isEqualTo("\"a,b\"");
		assertThat(org.hetao.estation.shared.TableExports.cell(-3)).isEqualTo("-3");
	}

}
