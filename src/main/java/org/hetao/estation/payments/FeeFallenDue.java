package org.hetao.estation.payments;

/** A task's fee became payable (the window accepted the task, or the item charges at submission). */
public record FeeFallenDue(String receiptNumber, long taskId, String itemCode, Long applicantAccountId, long amountMinor,
		String currency) {
}
