package org.hetao.estation.casework;

import java.time.Instant;

/** A task was not accepted (不予受理), with the reason. */
public record TaskNotAccepted(long caseId, String receiptNumber, Long applicantAccountId, long taskId, String itemCode,
		String reason, Instant at) {
}
