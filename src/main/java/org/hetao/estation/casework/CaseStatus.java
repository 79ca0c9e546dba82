package org.hetao.estation.casework;

/** A case's status as a whole, derived from its tasks. */
public enum CaseStatus {
	/** Tasks are being handled. */
	IN_PROGRESS,
	/** A correction notice waits for the applicant. */
	ACTION_REQUIRED,
	/** Every task reached its end (辦結). */
	COMPLETED,
	/** The applicant withdrew every task. */
	WITHDRAWN;

	public String messageKey() {
		return "casework.caseStatus." + name();
	}
}
