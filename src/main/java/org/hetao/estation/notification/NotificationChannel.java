package org.hetao.estation.notification;

/** How a notification reaches the applicant. */
public enum NotificationChannel {

	EMAIL, SMS, INBOX;

	public String messageKey() {
		return "notification.channel." + name();
	}

}
