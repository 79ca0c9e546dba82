package org.hetao.estation.casework;

import java.time.Instant;
import java.time.LocalDate;

/** The window accepted an item's task (受理); its promised deadline runs from now. */
public record TaskAccepted(long caseId, String receiptNumber, Long applicantAccountId, long taskId, String itemCode,
		String departmentCode, LocalDate deadline, Instant at) {
}
