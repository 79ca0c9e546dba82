package org.hetao.estation.supervision;

import static org.hetao.estation.shared.Timestamps.ts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hetao.estation.casework.CaseSubmitted;
import org.hetao.estation.casework.CaseWithdrawn;
import org.hetao.estation.casework.CorrectionRequested;
import org.hetao.estation.casework.MatterPromised;
import org.hetao.estation.casework.TaskAccepted;
import org.hetao.estation.casework.TaskClockChanged;
import org.hetao.estation.calendar.WorkingDayClock;
import org.hetao.estation.casework.TaskDecided;
import org.hetao.estation.casework.TaskNotAccepted;
import org.hetao.estation.casework.TaskStarted;
import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.hall.TicketServed;
import org.hetao.estation.shared.AfterCommit;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps the read model in step with casework and the hall, after each event's transaction commits
 * ({@link AfterCommit}: from the event log, in order, exactly once; so the figures never count a change that was
 * rolled back, and trail the change by moments), and counts submissions and decisions for Micrometer.
 */
@Component
class SupervisionEvents {

	private final SupervisionStore store;

	private final Catalog catalog;

	private final MeterRegistry meters;

	private final NamedParameterJdbcTemplate batch;

	SupervisionEvents(SupervisionStore store, Catalog catalog, MeterRegistry meters,
			NamedParameterJdbcTemplate batch) {
		this.store = store;
		this.batch = batch;
		this.catalog = catalog;
		this.meters = meters;
	}

	/**
	 * One row per item of each new case: for a batch of cases, the existing rows read in one statement and the new
	 * ones inserted in one batch.
	 */
	@AfterCommit
	void onSubmitted(List<CaseSubmitted> submitted) {
		Set<String> existing = new HashSet<>();
		store.jdbc.sql("select case_id, item_code from supervision_task where case_id in (:c)")
			.param("c", submitted.stream().map(CaseSubmitted::caseId).toList())
			.query(rs -> {
				existing.add(rs.getLong(1) + "/" + rs.getString(2));
			});
		List<SqlParameterSource> rows = new ArrayList<>();
		Map<String, Integer> byChannel = new HashMap<>();
		for (CaseSubmitted e : submitted) {
			for (String code : e.itemCodes()) {
				if (!existing.add(e.caseId() + "/" + code)) {
					continue;
				}
				ServiceItem item = catalog.item(code).orElse(null);
				rows.add(new MapSqlParameterSource().addValue("c", e.caseId())
					.addValue("r", e.receiptNumber())
					.addValue("i", code)
					.addValue("d", item == null ? null : item.departmentCode())
					.addValue("dom", item == null || item.domain() == null ? null : item.domain().name())
					.addValue("ch", e.channel().name())
					.addValue("at", ts(e.at()))
					.addValue("p", item == null ? null : item.promisedLimitDays()));
				byChannel.merge(e.channel().name(), 1, Integer::sum);
			}
		}
		if (rows.isEmpty()) {
			return;
		}
		batch.batchUpdate("""
				insert into supervision_task (case_id, receipt_number, item_code, department_code, domain, channel,
				                              submitted_at, promised_days, corrections)
				values (:c, :r, :i, :d, :dom, :ch, :at, :p, 0)
				""", rows.toArray(SqlParameterSource[]::new));
		byChannel.forEach((channel, count) -> meters.counter("estation.cases.submitted", "channel", channel).increment(count));
	}

	@AfterCommit
	void on(TaskAccepted e) {
		store.jdbc.sql("""
				update supervision_task set task_id = :t, accepted_at = :at, department_code = coalesce(:dept, department_code)
				where case_id = :c and item_code = :i
				""")
			.param("t", e.taskId())
			.param("at", ts(e.at()))
			.param("dept", e.departmentCode())
			.param("c", e.caseId())
			.param("i", e.itemCode())
			.update();
	}

	/**
	 * Every change of a task's clock (accepted, paused for a correction, resumed, stopped by the decision): the
	 * clock as casework holds it, its deadline, and when stopped the working days it used (the time taken).
	 */
	@AfterCommit
	void on(TaskClockChanged e) {
		store.jdbc.sql("""
				update supervision_task set task_id = :t, department_code = coalesce(:dept, department_code),
				       jurisdiction = :j, clock_started = :s, clock_pauses = :p, due_soon_days = :ds, promised_days = :pd,
				       deadline = :d, deadline_provisional = :prov,
				       taken_days = case when :stopped = 1 then :taken else taken_days end
				where case_id = :c and item_code = :i
				""")
			.param("t", e.taskId())
			.param("dept", e.departmentCode())
			.param("j", e.jurisdiction().name())
			.param("s", e.started())
			.param("p", WorkingDayClock.formatPauses(e.pauses()))
			.param("ds", e.dueSoonWorkingDays())
			.param("pd", e.promisedWorkingDays())
			.param("d", e.deadline())
			.param("prov", e.provisional())
			.param("stopped", e.change() == TaskClockChanged.Change.STOPPED ? 1 : 0)
			.param("taken", e.elapsedWorkingDays())
			.param("c", e.caseId())
			.param("i", e.itemCode())
			.update();
	}

	/** The matter's promise: the last one told is kept. */
	@AfterCommit
	void on(MatterPromised e) {
		int updated = store.jdbc.sql("""
				update supervision_promise set promised_on = :d, provisional = :p, jurisdiction = :j, told_at = :at
				where case_id = :c
				""")
			.param("d", e.promisedCompletionDate())
			.param("p", e.provisional())
			.param("j", e.jurisdiction().name())
			.param("at", ts(e.at()))
			.param("c", e.caseId())
			.update();
		if (updated == 0) {
			store.jdbc.sql("""
					insert into supervision_promise (case_id, receipt_number, promised_on, provisional, jurisdiction, told_at)
					values (:c, :r, :d, :p, :j, :at)
					""")
				.param("c", e.caseId())
				.param("r", e.receiptNumber())
				.param("d", e.promisedCompletionDate())
				.param("p", e.provisional())
				.param("j", e.jurisdiction().name())
				.param("at", ts(e.at()))
				.update();
		}
	}

	@AfterCommit
	void on(TaskStarted e) {
		store.jdbc.sql("update supervision_task set task_id = :t where case_id = :c and item_code = :i")
			.param("t", e.taskId())
			.param("c", e.caseId())
			.param("i", e.itemCode())
			.update();
	}

	@AfterCommit
	void on(CorrectionRequested e) {
		store.jdbc.sql("update supervision_task set task_id = :t, corrections = corrections + 1 where case_id = :c and item_code = :i")
			.param("t", e.taskId())
			.param("c", e.caseId())
			.param("i", e.itemCode())
			.update();
	}

	@AfterCommit
	void on(TaskNotAccepted e) {
		store.jdbc.sql("update supervision_task set task_id = :t, ended = 'NOT_ACCEPTED' where case_id = :c and item_code = :i")
			.param("t", e.taskId())
			.param("c", e.caseId())
			.param("i", e.itemCode())
			.update();
	}

	@AfterCommit
	void on(TaskDecided e) {
		store.jdbc.sql("""
				update supervision_task set task_id = :t, decided_at = :at, approved = :a, on_time = :o
				where case_id = :c and item_code = :i
				""")
			.param("t", e.taskId())
			.param("at", ts(e.at()))
			.param("a", e.approved())
			.param("o", e.onTime())
			.param("c", e.caseId())
			.param("i", e.itemCode())
			.update();
		meters.counter("estation.tasks.decided", "outcome", e.approved() ? "approved" : "refused").increment();
	}

	@AfterCommit
	void on(CaseWithdrawn e) {
		store.jdbc.sql("update supervision_task set ended = 'WITHDRAWN' where case_id = :c and decided_at is null and ended is null")
			.param("c", e.caseId())
			.update();
	}

	@AfterCommit
	void on(TicketServed e) {
		int exists = store.jdbc.sql("select count(*) from supervision_ticket where ticket_id = :t").param("t", e.ticketId()).query(Integer.class).single();
		if (exists > 0) {
			return;
		}
		store.jdbc.sql("""
				insert into supervision_ticket (ticket_id, display_number, category, window_number, service_started_at, finished_at)
				values (:t, :n, :c, :w, :s, :f)
				""")
			.param("t", e.ticketId())
			.param("n", e.displayNumber())
			.param("c", e.category())
			.param("w", e.windowNumber())
			.param("s", ts(e.serviceStartedAt()))
			.param("f", ts(e.finishedAt()))
			.update();
	}

}
