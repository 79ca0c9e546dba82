package org.hetao.estation.payments;

import org.hetao.estation.catalog.Fee;
import org.hetao.estation.shared.Money;

/** The fee of one task of a case. */
public record FeeLine(long id, long caseId, String receiptNumber, long taskId, String itemCode, String departmentCode,
		Long applicantAccountId, Money amount, FeeStatus status, Fee.PayPoint payBefore, String waiveReason) {
}
