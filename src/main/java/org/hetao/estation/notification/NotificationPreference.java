package org.hetao.estation.notification;

/** The channels an applicant chose. At least one must stay on. */
public record NotificationPreference(boolean email, boolean sms, boolean inbox) {

	public boolean wants(NotificationChannel channel) {
		return switch (channel) {
			case EMAIL -> email;
			case SMS -> sms;
			case INBOX -> inbox;
		};
	}

	public boolean any() {
		return email || sms || inbox;
	}

}
