package org.hetao.estation.park.internal;

/** Where a settlement application stands. */
public enum SettlementState {

	/** Waiting for the operator's screening. */
	SUBMITTED,
	/** The operator asked the applicant for more information; the applicant's turn. */
	MORE_INFORMATION_REQUESTED,
	/** Complete; waiting for the review committee. */
	SCREENED,
	/** The committee approved (possibly with conditions); waiting for units. */
	APPROVED,
	/** The committee rejected it, with reasons. Final. */
	REJECTED,
	/** Units allocated; the enterprise is in the directory. Final. */
	ALLOCATED;

	public boolean isFinal() {
		return this == REJECTED || this == ALLOCATED;
	}

	public String messageKey() {
		return "park.state." + name();
	}

}
