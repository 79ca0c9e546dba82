package org.hetao.estation.notification;

/** Where a notification stands in the outbox. */
public enum NotificationStatus {

	/** Waiting to be sent (again, after a failed attempt, at {@code nextAttemptAt}). */
	PENDING,
	/** Claimed by a dispatcher that is sending it now. */
	SENDING,
	/** Delivered to the channel (the SMTP server, the SMS provider, the inbox). */
	SENT,
	/** Every attempt failed; staff may resend it. */
	FAILED;

	public String messageKey() {
		return "notification.status." + name();
	}

}
