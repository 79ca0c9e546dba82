package org.hetao.estation.feedback;

/** Where the applicant gave the evaluation: one evaluation per service and channel. */
public enum EvaluationChannel {

	/** The applicant's pages. */
	WEB,
	/** The open API (an app). */
	API;

	public String messageKey() {
		return "feedback.channel." + name();
	}

}
