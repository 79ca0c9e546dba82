package org.hetao.estation.notification;

import java.time.Instant;

/**
 * One message of the outbox.
 *
 * @param recipient the email address or phone number, {@code null} for the inbox
 * @param recipientMasked the same with personal data hidden, for screens and logs
 */
public record Notification(long id, Long accountId, NotificationChannel channel, String template, String language,
		String recipient, String recipientMasked, String subject, String body, String link, NotificationStatus status,
		int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt, Instant readAt) {

	public boolean unread() {
		return readAt == null;
	}

}
