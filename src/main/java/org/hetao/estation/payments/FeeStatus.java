package org.hetao.estation.payments;

/** Where a task's fee stands. */
public enum FeeStatus {

	/** assessed, but not yet payable (the window has not accepted the task) */
	NOT_YET_DUE,
	/** payable now */
	DUE,
	PAID,
	/** not charged: exempt, or waived by an officer with a reason */
	WAIVED,
	REFUNDED

}
