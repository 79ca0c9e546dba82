package org.hetao.estation.casework;

import java.time.Instant;
import java.util.Map;

/**
 * A department decided a task: approved with the item's outputs, or refused with the reason.
 *
 * @param onTime whether the decision came by the promised deadline
 */
public record TaskDecided(long caseId, String receiptNumber, Long applicantAccountId, long taskId, String itemCode,
		String departmentCode, boolean approved, String reason, Map<String, String> outputs, boolean onTime,
		Instant at) {
}
