package org.hetao.estation.supervision;

import java.time.Instant;
import java.time.LocalDate;

/** One item of a submitted case as supervision sees it. */
public record TaskRecord(long caseId, String receiptNumber, String itemCode, Long taskId, String departmentCode,
		String domain, String channel, Instant submittedAt, Instant acceptedAt, LocalDate deadline,
		Integer promisedDays, int corrections, Instant decidedAt, Boolean approved, Boolean onTime, Integer takenDays,
		String ended) {

	/** Still running: not decided, not ended otherwise. */
	public boolean open() {
		return decidedAt == null && ended == null;
	}

	public boolean overdue(LocalDate today) {
		return open() && deadline != null && today.isAfter(deadline);
	}

	public boolean decidedLate() {
		return decidedAt != null && Boolean.FALSE.equals(onTime);
	}

}
