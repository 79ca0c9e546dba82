package org.hetao.estation.casework;

import java.time.Instant;
import java.util.List;

/** A one-time complete correction notice (一次性告知) was issued for a task; its clock is paused. */
public record CorrectionRequested(long caseId, String receiptNumber, Long applicantAccountId, long taskId,
		String itemCode, List<Deficiency> deficiencies, Instant at) {
}
