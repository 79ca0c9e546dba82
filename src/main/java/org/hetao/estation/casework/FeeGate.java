package org.hetao.estation.casework;

import java.util.Optional;

import org.hetao.estation.catalog.Fee;
import org.hetao.estation.shared.Money;

/**
 * The pay point (繳費節點) of a charged task: what casework asks before a decision or a hand-over, so that a task
 * whose fee is unpaid does not move past the point its item names ({@code payBefore}). The payments module keeps
 * the fees and implements it (payments depends on casework, never the other way); with no implementation nothing
 * is held back.
 */
public interface FeeGate {

	/** The moment a task is about to pass. */
	enum Point {

		/** approving: held back when the fee is to be paid before the decision */
		DECISION,
		/** handing over the result: held back when the fee is to be paid before delivery (or at the window on it) */
		DELIVERY;

		/** Whether a fee to be paid before {@code payBefore} must be paid by this point. */
		public boolean holds(Fee.PayPoint payBefore) {
			return this == DELIVERY || payBefore == Fee.PayPoint.DECISION;
		}

	}

	/** The problem code of a step refused because the task's fee is unpaid (409). */
	String FEE_UNPAID = "casework.error.feeUnpaid";

	/** The task's fee when it is still unpaid (due or not yet due) and must be paid before {@code point}; else empty. */
	Optional<Money> unpaid(long taskId, Point point);

}
