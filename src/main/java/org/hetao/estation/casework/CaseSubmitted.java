package org.hetao.estation.casework;

import java.time.Instant;
import java.util.List;

/**
 * A case was submitted and durably stored.
 *
 * @param applicantAccountId the applicant's account, {@code null} for a walk-in applicant served at the window
 * @param matterCode the matter applied for, {@code null} for a single item
 */
public record CaseSubmitted(long caseId, String receiptNumber, Long applicantAccountId, String matterCode,
		List<String> itemCodes, CaseChannel channel, Instant at) {
}
