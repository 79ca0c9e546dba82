package org.hetao.estation.casework;

import java.time.Instant;

/** Every task of a case reached its end (辦結): the case may now be evaluated. */
public record CaseCompleted(long caseId, String receiptNumber, Long applicantAccountId, Instant at) {
}
