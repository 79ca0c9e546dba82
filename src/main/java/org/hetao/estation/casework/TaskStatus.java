package org.hetao.estation.casework;

import java.util.EnumSet;
import java.util.Set;

/** Where one item's task of a case stands. */
public enum TaskStatus {

	/** Waits until every prerequisite item of the matter is approved, then starts by itself. */
	WAITING_FOR_PREREQUISITE,
	/** Submitted (or resubmitted after a correction), waiting for the window to accept it. */
	SUBMITTED,
	/** The window asked for every missing thing at once (一次性告知); the clock is paused. */
	CORRECTION_REQUESTED,
	/** Not accepted (不予受理), with the reason. Final. */
	NOT_ACCEPTED,
	/** Accepted (受理); the promised deadline runs. */
	ACCEPTED,
	/** A department officer is reviewing it. */
	UNDER_REVIEW,
	/** Approved, with the item's outputs (licence number, credit code…). */
	APPROVED,
	/** Refused, with the reason. */
	REFUSED,
	/** The result was handed over (counter, post or electronically). Final. */
	DELIVERED,
	/** Withdrawn by the applicant before a decision. Final. */
	WITHDRAWN;

	static final Set<TaskStatus> FINAL = EnumSet.of(NOT_ACCEPTED, DELIVERED, WITHDRAWN);

	static final Set<TaskStatus> UNDECIDED = EnumSet.of(WAITING_FOR_PREREQUISITE, SUBMITTED, CORRECTION_REQUESTED,
			ACCEPTED, UNDER_REVIEW);

	/** Nothing more will happen to the task. */
	public boolean isFinal() {
		return FINAL.contains(this);
	}

	/** No decision was made yet: the applicant may still withdraw. */
	public boolean isUndecided() {
		return UNDECIDED.contains(this);
	}

	/** Messages key of the status' name. */
	public String messageKey() {
		return "casework.status." + name();
	}

}
