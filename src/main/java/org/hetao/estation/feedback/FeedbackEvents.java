package org.hetao.estation.feedback;

import java.time.Instant;
import java.util.Optional;

import org.hetao.estation.casework.CaseSubmitted;
import org.hetao.estation.casework.TaskDecided;
import org.hetao.estation.casework.TaskDelivered;
import org.hetao.estation.casework.TaskNotAccepted;
import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.hall.TicketServed;
import org.springframework.context.ApplicationEventPublisher;
import org.hetao.estation.shared.AfterCommit;
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

	@AfterCommit
	void on(CaseSubmitted e) {
		if (store.jdbc.sql("select count(*) from feedback_case where case_id = :c").param("c", e.caseId()).query(Integer.class).single() > 0) {
			return;
		}
		store.jdbc.sql("insert into feedback_case (case_id, receipt_number, applicant_account_id, channel) values (:c, :r, :a, :ch)")
			.param("c", e.caseId())
			.param("r", e.receiptNumber())
			.param("a", e.applicantAccountId())
			.param("ch", e.channel().name())
			.update();
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
