package org.hetao.estation.notification;

import java.util.Optional;
import java.util.function.Supplier;

import org.hetao.estation.identity.AccountMailer;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.shared.LateBeans;
import org.hetao.estation.shared.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the account's own e-mails (password-reset and unlock links, a warning about a registration attempt)
 * at once, past the outbox: a link holds a secret token that must not be kept in the outbox table (whoever can
 * read the database could use it). If sending fails the person simply asks again. Without an SMTP server the
 * demo writes the link to the log; production does not.
 */
@Component
class AccountEmails implements AccountMailer {

	private static final Logger log = LoggerFactory.getLogger(AccountEmails.class);

	private final Accounts accounts;

	private final Notifications notifications;

	private final EmailSender email;

	private final Supplier<Optional<JavaMailSender>> mail;

	private final boolean demo;

	private final String baseUrl;

	AccountEmails(Accounts accounts, Notifications notifications, EmailSender email,
			ObjectProvider<JavaMailSender> mail, @Value("${estation.demo.enabled:false}") boolean demo,
			@Value("${estation.notification.base-url:http://localhost:8080}") String baseUrl) {
		this.accounts = accounts;
		this.notifications = notifications;
		this.email = email;
		this.mail = LateBeans.optional(mail);
		this.demo = demo;
		this.baseUrl = baseUrl;
	}

	@Override
	public void sendPasswordReset(long accountId, String link, long validMinutes) {
		send(accountId, "passwordReset", link, validMinutes);
	}

	@Override
	public void sendUnlockLink(long accountId, String link, long validMinutes) {
		send(accountId, "signInLocked", link, validMinutes);
	}

	@Override
	public void sendRegistrationAttempt(long accountId) {
		send(accountId, "registrationAttempt", null, 0);
	}

	private void send(long accountId, String kind, String link, long validMinutes) {
		Accounts.Contact contact = accounts.contact(accountId).orElse(null);
		if (contact == null || contact.email() == null || contact.email().isBlank()) {
			return;
		}
		Object[] args = { contact.displayName(), validMinutes };
		String subject = notifications.render(kind + ".subject", args, contact.preferredLanguage());
		String body = notifications.render(kind + ".body", args, contact.preferredLanguage());
		if (link != null && mail.get().isEmpty() && demo) {
			log.warn("Demo mode, no SMTP server: {} link for account {}: {}{}", kind, accountId, baseUrl, link);
		}
		try {
			email.send(new Notification(0, accountId, NotificationChannel.EMAIL, kind, contact.preferredLanguage().tag(),
					contact.email(), Masking.email(contact.email()), subject, body, link, NotificationStatus.SENT, 1,
					null, null, null, null, null));
		}
		catch (Exception e) {
			log.warn("{} e-mail to account {} failed: {}", kind, accountId, e.toString());
		}
	}

}
