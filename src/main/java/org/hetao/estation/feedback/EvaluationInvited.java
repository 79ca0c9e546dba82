package org.hetao.estation.feedback;

import java.time.Instant;

/** A finished service may now be rated by its applicant; the notification module invites them. */
public record EvaluationInvited(long serviceId, long applicantAccountId, ServiceKind kind, String receiptNumber,
		String itemCode, String departmentCode, String windowNumber, Instant at) {
}
