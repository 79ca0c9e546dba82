package org.hetao.estation.feedback;

import java.time.Instant;
import java.time.LocalDate;

/** A rectification (整改) with the service and the rating that opened it. */
public record Rectification(long id, long evaluationId, EvaluableService service, Rating rating, String comment,
		String reasons, String departmentCode, String windowNumber, RectificationStatus status, LocalDate deadline,
		String actionTaken, String followUp, String reviewNote, Instant createdAt, Instant submittedAt,
		Instant closedAt, int version) {

	public boolean overdue(LocalDate today) {
		return status != RectificationStatus.CLOSED && today.isAfter(deadline);
	}

}
