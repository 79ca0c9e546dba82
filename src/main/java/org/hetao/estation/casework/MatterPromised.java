package org.hetao.estation.casework;

import java.time.Instant;
import java.time.LocalDate;

import org.hetao.estation.shared.Jurisdiction;

/**
 * The case got its matter's promise, or the promise moved (an accepted task's correction ended): see
 * {@link MatterPromise}. Told again on each such change; a reader keeps the last.
 */
public record MatterPromised(long caseId, String receiptNumber, Long applicantAccountId, LocalDate promisedCompletionDate,
		boolean provisional, Jurisdiction jurisdiction, Instant at) {

	public MatterPromise promise() {
		return new MatterPromise(promisedCompletionDate, provisional, jurisdiction);
	}

}
