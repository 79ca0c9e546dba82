package org.hetao.estation.payments;

import java.time.Instant;

/** An officer of the deciding department, or a supervisor, waived a task's fee, with the reason. */
public record FeeWaived(String receiptNumber, long taskId, String itemCode, String departmentCode, long amountMinor,
		String currency, String reason, String by, Instant at) {
}
