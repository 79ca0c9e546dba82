package org.hetao.estation.exchange;

/** Where a message to a department system stands. */
public enum DeliveryStatus {
	/** Waiting for its (next) attempt. */
	PENDING,
	/** Claimed by a dispatcher, being sent. */
	SENDING,
	/** The department's system answered 2xx. */
	DELIVERED,
	/** Every attempt failed: a dead letter, for staff to inspect and redeliver. */
	DEAD;

	public String messageKey() {
		return "exchange.status." + name();
	}
}
