package org.hetao.estation.casework;

import java.time.Instant;

/** A task that waited for its prerequisites started by itself, with the outputs mapped into its form. */
public record TaskStarted(long caseId, String receiptNumber, Long applicantAccountId, long taskId, String itemCode,
		String departmentCode, Instant at) {
}
