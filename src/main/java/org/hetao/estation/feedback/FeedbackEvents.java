package org.hetao.estation.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hetao.estation.casework.CaseSubmitted;
import org.hetao.estation.casework.TaskDecided;
import org.hetao.estation.casework.TaskDelivered;
import org.hetao.estation.casework.TaskNotAccepted;
import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.hall.TicketServed;
import org.hetao.estation.shared.AfterCommit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Records what may be rated, after the transaction of the event commits ({@link AfterCommit}): a task that reached its end (delivered, refused,
 * not accepted) and a counter service in the hall for each case handled at it. Each new one invites the
 * applicant ({@link EvaluationInvited}).
 */
@Component
class FeedbackEvents {

	private final FeedbackStore store;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	FeedbackEvents(FeedbackStore store, Catalog catalog, ApplicationEventPublisher events) {
		this.store = store;
		this.catalog = catalog;
		this.events = events;
	}

	record KnownCase(long caseId, String receipt, Long applicant, String channel) {
	}

	/** A batch's new cases: the ones already known read in one statement, the others inserted in one batch. */
	@AfterCommit
	void onSubmitted(List<CaseSubmitted> submitted) {
		Set<Long> known = new HashSet<>(store.jdbc.sql("select case_id from feedback_case where case_id in (:c)")
			.param("c", submitted.stream().map(CaseSubmitted::caseId).toList())
			.query(Long.class)
			.list());
		List<SqlParameterSource> rows = new ArrayList<>();
		for (CaseSubmitted e : submitted) {
			if (known.add(e.caseId())) {
				rows.add(new MapSqlParameterSource().addValue("c", e.caseId())
					.addValue("r", e.receiptNumber())
					.addValue("a", e.applicantAccountId())
					.addValue("ch", e.channel().name()));
			}
		}
		if (!rows.isEmpty()) {
			store.named.batchUpdate(
					"insert into feedback_case (case_id, receipt_number, applicant_account_id, channel) values (:c, :r, :a, :ch)",
					rows.toArray(SqlParameterSource[]::new));
		}
	}

	@AfterCommit
	void on(TaskDelivered e) {
		task(e.caseId(), e.receiptNumber(), e.applicantAccountId(), e.taskId(), e.itemCode(), e.at());
	}

	@AfterCommit
	void on(TaskDecided e) {
		if (!e.approved()) {
			task(e.caseId(), e.receiptNumber(), e.applicantAccountId(), e.taskId(), e.itemCode(), e.at());
		}
	}

	@AfterCommit
	void on(TaskNotAccepted e) {
		task(e.caseId(), e.receiptNumber(), e.applicantAccountId(), e.taskId(), e.itemCode(), e.at());
	}

	@AfterCommit
	void on(TicketServed e) {
		for (String receipt : e.caseReceiptNumbers()) {
			Optional<KnownCase> known = byReceipt(receipt);
			if (known.isEmpty() || known.get().applicant() == null) {
				continue;
			}
			KnownCase c = known.get();
			String department = store.jdbc.sql("select department_code from feedback_service where case_id = :c and department_code is not null order by id fetch first 1 rows only")
				.param("c", c.caseId())
				.query(String.class)
				.optional()
				.orElse(null);
			store.insertService(ServiceKind.COUNTER, "ticket:" + e.ticketId() + ":case:" + c.caseId(), c.caseId(),
					receipt, c.applicant(), null, department, e.windowNumber(), "WINDOW", e.finishedAt())
				.ifPresent(id -> events.publishEvent(new EvaluationInvited(id, c.applicant(), ServiceKind.COUNTER,
						receipt, null, department, e.windowNumber(), e.finishedAt())));
		}
	}

	private void task(long caseId, String receipt, Long applicant, long taskId, String itemCode, Instant at) {
		if (applicant == null) {
			return;
		}
		String department = catalog.item(itemCode).map(ServiceItem::departmentCode).orElse(null);
		String channel = byReceipt(receipt).map(KnownCase::channel).orElse("ONLINE");
		store.insertService(ServiceKind.TASK, "task:" + taskId, caseId, receipt, applicant, itemCode, department, null,
				channel, at)
			.ifPresent(id -> events.publishEvent(new EvaluationInvited(id, applicant, ServiceKind.TASK, receipt,
					itemCode, department, null, at)));
	}

	private Optional<KnownCase> byReceipt(String receipt) {
		return store.jdbc.sql("select case_id, receipt_number, applicant_account_id, channel from feedback_case where receipt_number = :r")
			.param("r", receipt)
			.query((rs, i) -> {
				long a = rs.getLong(3);
				return new KnownCase(rs.getLong(1), rs.getString(2), rs.wasNull() ? null : a, rs.getString(4));
			})
			.optional();
	}

}
