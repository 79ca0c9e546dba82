package org.hetao.estation.notification;

import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.PasswordResetMailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends password-reset links by e-mail at once, past the outbox: the link holds a secret token that must
 * not be kept in the outbox table (whoever can read the database could use it). If sending fails the
 * person simply asks again. Without an SMTP server the demo writes the link to the log; production does not.
 */
@Component
class PasswordResetEmails implements PasswordResetMailer {

	private static final Logger log = LoggerFactory.getLogger(PasswordResetEmails.class);

	private final Accounts accounts;

	private final Notifications notifications;

	private final EmailSender email;

	private final ObjectProvider<JavaMailSender> mail;

	private final boolean demo;

	private final String baseUrl;

	PasswordResetEmails(Accounts accounts, Notifications notifications, EmailSender email,
			ObjectProvider<JavaMailSender> mail, @Value("${estation.demo.enabled:false}") boolean demo,
			@Value("${estation.notification.base-url:http://localhost:8080}") String baseUrl) {
		this.accounts = accounts;
		this.notifications = notifications;
		this.email = email;
		this.mail = mail;
		this.demo = demo;
		this.baseUrl = baseUrl;
	}

	@Override
	public void send(long accountId, String link, long validMinutes) {
		Accounts.Contact contact = accounts.contact(accountId).orElse(null);
		if (contact == null || contact.email() == null || contact.email().isBlank()) {
			return;
		}
		Object[] args = { contact.displayName(), validMinutes };
		String subject = notifications.render("passwordReset.subject", args, contact.preferredLanguage());
		String body = notifications.render("passwordReset.body", args, contact.preferredLanguage());
		if (mail.getIfAvailable() == null && demo) {
			log.warn("Demo mode, no SMTP server: password reset link for account {}: {}{}", accountId, baseUrl, link);
		}
		try {
			email.send(new Notification(0, accountId, NotificationChannel.EMAIL, "passwordReset",
					contact.preferredLanguage().tag(), contact.email(), Phones.maskEmail(contact.email()), subject, body,
					link, NotificationStatus.SENT, 1, null, null, null, null, null));
		}
		catch (Exception e) {
			log.warn("Password reset e-mail to account {} failed: {}", accountId, e.toString());
		}
	}

}
