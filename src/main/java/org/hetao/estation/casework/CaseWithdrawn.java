package org.hetao.estation.casework;

import java.time.Instant;

/** The applicant withdrew a case; every task not yet decided was withdrawn. */
public record CaseWithdrawn(long caseId, String receiptNumber, Long applicantAccountId, Instant at) {
}
