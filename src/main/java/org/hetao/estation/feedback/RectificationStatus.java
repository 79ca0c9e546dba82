package org.hetao.estation.feedback;

/** A rectification's life: the department works on it, the supervisor closes it or sends it back. */
public enum RectificationStatus {

	/** Waiting for the department (again, when the supervisor sent it back). */
	OPEN,
	/** The department recorded what it did and the follow-up with the applicant; waiting for review. */
	SUBMITTED,
	/** The supervisor accepted the rectification. Final. */
	CLOSED;

	public String messageKey() {
		return "feedback.rectification.status." + name();
	}

}
