package org.hetao.estation.casework;

import java.time.Instant;

/** A task's result was handed over. */
public record TaskDelivered(long caseId, String receiptNumber, Long applicantAccountId, long taskId, String itemCode,
		DeliveryMethod method, Instant at) {
}
