package org.hetao.estation.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.hetao.estation.catalog.Channel;
import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.calendar.WorkingDayClock;
import org.hetao.estation.casework.Actor;
import org.hetao.estation.casework.Applicant;
import org.hetao.estation.casework.CaseChannel;
import org.hetao.estation.casework.CaseSubmitted;
import org.hetao.estation.casework.Deficiency;
import org.hetao.estation.casework.MatterPromise;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.casework.TaskClock;
import org.hetao.estation.casework.TaskClockChanged;
import org.hetao.estation.casework.TaskStatus;
import org.hetao.estation.casework.internal.Case;
import org.hetao.estation.casework.internal.ItemTask;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.shared.Zone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Supervision's figures equal casework's: a case with a Hong Kong task (ACC-010, 5 HK working days) and a
 * Mainland one (FIN-026, 5 Mainland working days), both accepted, both paused for a correction across the
 * National Day holidays (a week off in the Mainland, one day in Hong Kong), resumed, the Hong Kong one extended
 * by 2 working days and the Mainland one decided. Casework's own clock events feed supervision; every day for two months, supervision's due date,
 * state (overdue, due soon), days used and left equal casework's, and the time taken is the task's own
 * jurisdiction's working days.
 */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class SupervisionFollowsCaseworkIntegrationTests {

	/** The window offers the items these cases are of: its acceptance completes them in person. */
	static final Set<Channel> AT_WINDOW = Set.of(Channel.WINDOW);

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Supervision supervision;

	@Autowired
	WorkingCalendars calendars;

	static final LocalDate ACCEPTED = LocalDate.of(2026, 9, 23);

	static final LocalDate CORRECTION = LocalDate.of(2026, 9, 25);

	static final LocalDate RESUBMITTED = LocalDate.of(2026, 10, 9);

	static final LocalDate DECIDED = LocalDate.of(2026, 10, 15);

	Case.Step step(Actor actor, LocalDate day) {
		return new Case.Step(actor, CaseChannel.WINDOW, day.atTime(10, 0).atZone(Zone.ID).toInstant(), day, calendars);
	}

	static ItemTask.State task(long id, String item, String department, Jurisdiction jurisdiction) {
		return new ItemTask.State(id, item, department, List.of(), TaskStatus.SUBMITTED, Map.of(), Map.of(), Set.of(),
				List.of(), null, Map.of(), null, TaskClock.notStarted(jurisdiction, 5, null), null, false, 0);
	}

	@Test
	void supervisionCountsEachTaskAsCaseworkDoesInItsOwnJurisdiction() {
		long caseId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
		long hkTask = caseId + 1;
		long cnTask = caseId + 2;
		String receipt = "HT20260923-" + ThreadLocalRandom.current().nextInt(100000, 999999);
		Applicant applicant = new Applicant(null, "Chan Tai Man", ApplicantType.HK_RESIDENT, null, null, "+852 9123 4567");
		Instant submitted = ACCEPTED.atTime(9, 0).atZone(Zone.ID).toInstant();
		Case c = new Case(caseId, receipt, applicant, null, CaseChannel.WINDOW, submitted, List.of(),
				List.of(task(hkTask, "ACC-010", "accounting", Jurisdiction.HK), task(cnTask, "FIN-026", "bank", Jurisdiction.CN)),
				List.of());
		Actor clerk = Actor.clerk(2, "clerk");
		c.accept(hkTask, AT_WINDOW, step(clerk, ACCEPTED));
		c.accept(cnTask, AT_WINDOW, step(clerk, ACCEPTED));
		c.requestCorrection(hkTask, List.of(Deficiency.note("Audit report unsigned")), step(Actor.officer(3, "o", "accounting"), CORRECTION));
		c.requestCorrection(cnTask, List.of(Deficiency.note("Board resolution unsigned")), step(Actor.officer(4, "o", "bank"), CORRECTION));
		c.resubmit(step(Actor.applicant(null, "Chan"), RESUBMITTED));
		c.extend(hkTask, 2, "Audit firm abroad", 15, step(Actor.officer(3, "o", "accounting"), RESUBMITTED.plusDays(3)));
		c.startReview(cnTask, step(Actor.officer(4, "o", "bank"), DECIDED));
		c.approve(cnTask, Map.of(), List.of(), step(Actor.officer(4, "o", "bank"), DECIDED));

		List<Object> events = new ArrayList<>();
		events.add(new CaseSubmitted(caseId, receipt, null, null, List.of("ACC-010", "FIN-026"), CaseChannel.WINDOW, submitted));
		events.addAll(c.events());
		assertThat(events).filteredOn(TaskClockChanged.class::isInstance)
			.extracting(e -> ((TaskClockChanged) e).change())
			.as("casework tells every change of both clocks")
			.containsExactly(TaskClockChanged.Change.ACCEPTED, TaskClockChanged.Change.ACCEPTED, TaskClockChanged.Change.PAUSED,
					TaskClockChanged.Change.PAUSED, TaskClockChanged.Change.RESUMED, TaskClockChanged.Change.RESUMED,
					TaskClockChanged.Change.EXTENDED, TaskClockChanged.Change.STOPPED);
		tx.executeWithoutResult(s -> events.forEach(publisher::publishEvent));

		List<TaskRecord> records = supervision.caseTasks(receipt);
		assertThat(records).hasSize(2);
		for (TaskRecord record : records) {
			ItemTask task = c.tasks().stream().filter(t -> t.itemCode().equals(record.itemCode())).findFirst().orElseThrow();
			WorkingDayClock clock = task.clock().running();
			assertThat(record.deadline()).as("due date of %s", record.itemCode()).isEqualTo(task.deadline());
			assertThat(record.deadlineProvisional()).isEqualTo(task.deadlineProvisional());
			assertThat(record.clock()).isEqualTo(clock);
			for (LocalDate day = ACCEPTED; day.isBefore(ACCEPTED.plusDays(60)); day = day.plusDays(1)) {
				WorkingDayClock.Status casework = task.clock().at(day, calendars);
				assertThat(record.status(day, calendars)).as("%s on %s", record.itemCode(), day).isEqualTo(casework);
				boolean open = task.status().isUndecided();
				assertThat(record.overdue(day, calendars)).as("overdue %s on %s", record.itemCode(), day)
					.isEqualTo(open && casework.state() == WorkingDayClock.State.OVERDUE);
				assertThat(record.dueSoon(day, calendars)).as("due soon %s on %s", record.itemCode(), day)
					.isEqualTo(open && casework.state() == WorkingDayClock.State.DUE_SOON);
			}
		}

		TaskRecord cn = records.stream().filter(r -> r.itemCode().equals("FIN-026")).findFirst().orElseThrow();
		TaskRecord hk = records.stream().filter(r -> r.itemCode().equals("ACC-010")).findFirst().orElseThrow();
		ItemTask cnCase = c.tasks().get(1);
		// time taken: the working days the Mainland task's clock used, its correction pause left out
		int used = cnCase.clock().at(DECIDED, calendars).elapsedWorkingDays();
		assertThat(cn.takenDays()).isEqualTo(used)
			.isEqualTo(calendars.workingDaysBetween(Jurisdiction.CN, ACCEPTED, CORRECTION)
					+ calendars.workingDaysBetween(Jurisdiction.CN, RESUBMITTED, DECIDED));
		assertThat(cn.onTime()).isEqualTo(cnCase.clock().at(DECIDED, calendars).state() != WorkingDayClock.State.OVERDUE);
		// the Hong Kong task is counted in Hong Kong working days: its pause over National Day holds other working
		// days than the Mainland's reckoning of the same dates
		int hkPaused = calendars.workingDaysBetween(Jurisdiction.HK, CORRECTION, RESUBMITTED);
		int cnPaused = calendars.workingDaysBetween(Jurisdiction.CN, CORRECTION, RESUBMITTED);
		assertThat(hkPaused).isNotEqualTo(cnPaused);
		assertThat(hk.deadline()).as("5 promised, 2 more by the extension")
			.isEqualTo(calendars.addWorkingDays(Jurisdiction.HK, ACCEPTED, 5 + 2 + hkPaused).date());
		assertThat(hk.promisedDays()).isEqualTo(7);
		assertThat(hk.status(RESUBMITTED, calendars).pausedWorkingDays()).isEqualTo(hkPaused);
		// still running long after its deadline: on the dashboard's overdue list, as on its officer's queue
		LocalDate today = supervision.today();
		assertThat(hk.overdue(today, calendars)).isTrue();
		assertThat(supervision.running(Supervision.Show.OVERDUE, Integer.MAX_VALUE)).extracting(TaskRecord::receiptNumber)
			.contains(receipt);
		assertThat(supervision.overdue(cn)).as("decided").isFalse();

		// the matter's promise: the same date on the dashboard as on the case, and broken (still running past it)
		MatterPromise promise = c.promise(calendars).orElseThrow();
		assertThat(promise.date()).isEqualTo(hk.deadline().isAfter(cn.deadline()) ? hk.deadline() : cn.deadline());
		Supervision.Promises promises = supervision.promises(today.minusDays(30), today);
		assertThat(promises.attention()).filteredOn(p -> p.receiptNumber().equals(receipt))
			.singleElement()
			.satisfies(p -> {
				assertThat(p.promised()).isEqualTo(promise.date());
				assertThat(p.standing()).isEqualTo(MatterPromise.Standing.BROKEN)
					.isEqualTo(promise.standing(c.tasks(), today, calendars));
			});
		assertThat(promises.brokenRunning()).isPositive();
		EstationUser supervisor = accounts.findByUsername("supervisor").orElseThrow();
		Map<String, String> labels = Map.of("en", "The matters&#39; promises", "zh-Hant", "整件事項的承諾", "zh-Hans", "整件事项的承诺");
		labels.forEach((language, label) -> assertThat(mvc.get().uri("/supervision?lang=" + language).with(user(supervisor)))
			.hasStatusOk()
			.bodyText()
			.contains(label, receipt));
	}

	@Autowired
	org.springframework.test.web.servlet.assertj.MockMvcTester mvc;

	@Autowired
	org.hetao.estation.identity.Accounts accounts;


	@Autowired
	Escalations escalations;

	@Autowired
	org.hetao.estation.notification.Notifications notifications;

	/**
	 * A Mainland task accepted on 12 October 2026 (5 working days: due 19 October) and never decided: the
	 * supervisors are told it is overdue once per working day, in their language, even when two nodes run the job
	 * at the same moment; nothing on a rest day; its officers are not (they were reminded before it fell due).
	 */
	@Test
	void overdueWorkIsEscalatedToTheSupervisorsOnceEachWorkingDay() throws Exception {
		long caseId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
		long taskId = caseId + 1;
		String receipt = "HT20261012-" + ThreadLocalRandom.current().nextInt(100000, 999999);
		LocalDate accepted = LocalDate.of(2026, 10, 12);
		Applicant applicant = new Applicant(null, "Chan Tai Man", ApplicantType.HK_RESIDENT, null, null, "+852 9123 4567");
		Instant submitted = accepted.atTime(9, 0).atZone(Zone.ID).toInstant();
		Case c = new Case(caseId, receipt, applicant, null, CaseChannel.WINDOW, submitted, List.of(),
				List.of(task(taskId, "FIN-026", "bank", Jurisdiction.CN)), List.of());
		c.accept(taskId, AT_WINDOW, step(Actor.clerk(2, "clerk"), accepted));
		List<Object> events = new ArrayList<>();
		events.add(new CaseSubmitted(caseId, receipt, null, null, List.of("FIN-026"), CaseChannel.WINDOW, submitted));
		events.addAll(c.events());
		tx.executeWithoutResult(s -> events.forEach(publisher::publishEvent));
		TaskRecord record = supervision.caseTasks(receipt).get(0);
		assertThat(record.deadline()).isEqualTo(LocalDate.of(2026, 10, 19));

		EstationUser supervisor = accounts.findByUsername("supervisor").orElseThrow();
		EstationUser officer = accounts.findByUsername("officer-bank").orElseThrow();
		LocalDate monday = LocalDate.of(2026, 11, 2);
		// two nodes at once
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var a = pool.submit(() -> escalations.escalate(monday));
			var b = pool.submit(() -> escalations.escalate(monday));
			a.get();
			b.get();
		}
		finally {
			pool.shutdown();
		}
		escalations.escalate(monday); // a restart: the same day again
		assertThat(told(supervisor, receipt)).singleElement().satisfies(n -> {
			assertThat(n.subject()).as("the supervisor reads Traditional Chinese").startsWith("【河套e站通】已逾期：" + receipt);
			assertThat(n.body()).contains("2026-10-19", "14 天");
		});
		escalations.escalate(LocalDate.of(2026, 11, 7)); // a Saturday
		assertThat(told(supervisor, receipt)).hasSize(1);
		escalations.escalate(LocalDate.of(2026, 11, 9));
		assertThat(told(supervisor, receipt)).as("again the next working day").hasSize(2);
		assertThat(notifications.of(officer.id())).noneMatch(n -> receipt.equals(linkReceipt(n)));
		assertThat(escalations.latest(List.of(taskId))).containsEntry(taskId,
				new org.hetao.estation.casework.DeadlineReminders.Reminder(
						org.hetao.estation.casework.DeadlineReminders.Kind.OVERDUE, LocalDate.of(2026, 11, 9)));
	}

	/**
	 * A Hong Kong task accepted on 28 December 2026 with 5 working days runs into 2027, a year not loaded: its
	 * deadline is provisional in supervision as in casework, and the drill-down says so in each language.
	 */
	@Test
	void aDeadlinePastTheLastOfficialYearIsMarkedProvisional() {
		long caseId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
		long taskId = caseId + 1;
		String receipt = "HT20261228-" + ThreadLocalRandom.current().nextInt(100000, 999999);
		LocalDate accepted = LocalDate.of(2026, 12, 28);
		Applicant applicant = new Applicant(null, "Chan Tai Man", ApplicantType.HK_RESIDENT, null, null, "+852 9123 4567");
		Instant submitted = accepted.atTime(9, 0).atZone(Zone.ID).toInstant();
		Case c = new Case(caseId, receipt, applicant, null, CaseChannel.WINDOW, submitted, List.of(),
				List.of(task(taskId, "ACC-010", "accounting", Jurisdiction.HK)), List.of());
		c.accept(taskId, AT_WINDOW, step(Actor.clerk(2, "clerk"), accepted));
		assertThat(c.tasks().get(0).deadlineProvisional()).isTrue();
		List<Object> events = new ArrayList<>();
		events.add(new CaseSubmitted(caseId, receipt, null, null, List.of("ACC-010"), CaseChannel.WINDOW, submitted));
		events.addAll(c.events());
		tx.executeWithoutResult(s -> events.forEach(publisher::publishEvent));
		TaskRecord record = supervision.caseTasks(receipt).get(0);
		assertThat(record.deadline()).isEqualTo(c.tasks().get(0).deadline());
		assertThat(record.deadline().getYear()).isEqualTo(2027);
		assertThat(record.deadlineProvisional()).isTrue();
		assertThat(c.promise(calendars).orElseThrow().provisional()).isTrue();
		EstationUser supervisor = accounts.findByUsername("supervisor").orElseThrow();
		Map.of("en", "(provisional: that year", "zh-Hant", "（暫定：該年度", "zh-Hans", "（暂定：该年度")
			.forEach((language, text) -> assertThat(mvc.get().uri("/supervision/cases/" + receipt + "?lang=" + language)
				.with(user(supervisor))).hasStatusOk().bodyText().contains(text));
	}

	List<org.hetao.estation.notification.Notification> told(EstationUser who, String receipt) {
		return notifications.of(who.id())
			.stream()
			.filter(n -> n.channel() == org.hetao.estation.notification.NotificationChannel.INBOX)
			.filter(n -> "taskOverdue".equals(n.template()) && receipt.equals(linkReceipt(n)))
			.toList();
	}

	static String linkReceipt(org.hetao.estation.notification.Notification n) {
		return n.link() == null ? null : n.link().substring(n.link().lastIndexOf('/') + 1);
	}

}
