package org.hetao.estation.feedback;

import java.time.Instant;

/** A finished service its applicant may rate. */
public record EvaluableService(long id, ServiceKind kind, String reference, long caseId, String receiptNumber,
		long applicantAccountId, String itemCode, String departmentCode, String windowNumber, String serviceChannel,
		Instant finishedAt) {
}
