package org.hetao.estation.payments;

/** A payment's state, as the API names it. */
public enum PaymentStatus {

	/** made; the payer has not yet paid at the provider */
	CREATED,
	/** the payer submitted it at the provider; its notification is awaited */
	SUBMITTED,
	SUCCEEDED,
	FAILED,
	CANCELLED,
	REFUNDED,
	PARTIALLY_REFUNDED;

	/** Whether it still holds its fee lines (so that they are not paid twice at once). */
	public boolean holdsItsLines() {
		return this == CREATED || this == SUBMITTED || this == SUCCEEDED;
	}

}
