package org.hetao.estation.notification;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.hetao.estation.identity.Accounts;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.Masking;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes notifications to the outbox in the caller's transaction, rendered from the message bundles
 * ({@code notification.msg.<template>.subject} / {@code .body}) in the recipient's preferred language, one row
 * per channel the recipient chose. The inbox copy is delivered at once; email and SMS wait for the dispatcher.
 */
@Service
public class Notifications {

	private final Outbox outbox;

	private final Accounts accounts;

	private final NotificationPreferences preferences;

	private final MessageSource messages;

	private final Clock clock;

	Notifications(Outbox outbox, Accounts accounts, NotificationPreferences preferences, MessageSource messages,
			Clock clock) {
		this.outbox = outbox;
		this.accounts = accounts;
		this.preferences = preferences;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Tells an account holder something.
	 *
	 * @param template the message key part, e.g. {@code receipt}
	 * @param args the message arguments in the recipient's language
	 * @param link where the inbox and the email point to (a path such as {@code /applications/HT...}), or null
	 * @param subjectRef what it is about (a receipt number, an appointment code), for staff searching
	 * @return the rows written, one per channel
	 */
	@Transactional
	public List<Long> toAccount(long accountId, String template, Function<Language, Object[]> args, String link,
			String subjectRef) {
		Accounts.Contact contact = accounts.contact(accountId).orElse(null);
		if (contact == null) {
			return List.of();
		}
		List<Long> ids = new java.util.ArrayList<>();
		for (Outbox.Row row : rows(accountId, contact, preferences.of(accountId), template, args, link, subjectRef,
				clock.instant())) {
			ids.add(outbox.insert(row.message(), row.status(), row.now()));
		}
		return ids;
	}

	/** One message for {@link #toAccounts}: the arguments of {@link #toAccount}. */
	public record ToAccount(long accountId, String template, Function<Language, Object[]> args, String link,
			String subjectRef) {
	}

	/**
	 * Tells many account holders something, as {@link #toAccount} does one: the accounts and their preferences
	 * read in one statement each, every row written in one batch (the event worker hands a batch of events over).
	 */
	@Transactional
	public void toAccounts(List<ToAccount> messages) {
		if (messages.isEmpty()) {
			return;
		}
		Set<Long> ids = new LinkedHashSet<>();
		messages.forEach(m -> ids.add(m.accountId()));
		Map<Long, Accounts.Contact> contacts = accounts.contacts(ids);
		Map<Long, NotificationPreference> chosen = preferences.of(ids);
		var now = clock.instant();
		List<Outbox.Row> rows = new java.util.ArrayList<>();
		for (ToAccount m : messages) {
			Accounts.Contact contact = contacts.get(m.accountId());
			if (contact == null) {
				continue;
			}
			rows.addAll(rows(m.accountId(), contact, chosen.get(m.accountId()), m.template(), m.args(), m.link(),
					m.subjectRef(), now));
		}
		outbox.insertAll(rows);
	}

	private List<Outbox.Row> rows(long accountId, Accounts.Contact contact, NotificationPreference preference,
			String template, Function<Language, Object[]> args, String link, String subjectRef, java.time.Instant now) {
		Language language = contact.preferredLanguage();
		Object[] a = args.apply(language);
		String subject = render(template + ".subject", a, language);
		String body = render(template + ".body", a, language);
		List<Outbox.Row> rows = new java.util.ArrayList<>();
		if (preference.inbox()) {
			rows.add(new Outbox.Row(new Outbox.NewMessage(accountId, NotificationChannel.INBOX, template, language.tag(),
					null, null, subject, body, link, subjectRef), NotificationStatus.SENT, now));
		}
		if (preference.email() && contact.email() != null && !contact.email().isBlank()) {
			rows.add(new Outbox.Row(new Outbox.NewMessage(accountId, NotificationChannel.EMAIL, template, language.tag(),
					contact.email(), Masking.email(contact.email()), subject, body, link, subjectRef),
					NotificationStatus.PENDING, now));
		}
		if (preference.sms() && contact.phone() != null && !contact.phone().isBlank()) {
			rows.add(new Outbox.Row(new Outbox.NewMessage(accountId, NotificationChannel.SMS, template, language.tag(),
					contact.phone(), Masking.phone(contact.phone()), subject, body, link, subjectRef),
					NotificationStatus.PENDING, now));
		}
		return rows;
	}

	/** An SMS to a phone number without an account (a queue ticket's number). */
	@Transactional
	public long toPhone(String phone, Language language, String template, Object[] args, String subjectRef) {
		String subject = render(template + ".subject", args, language);
		String body = render(template + ".body", args, language);
		return outbox.insert(new Outbox.NewMessage(null, NotificationChannel.SMS, template, language.tag(), phone,
				Masking.phone(phone), subject, body, null, subjectRef), NotificationStatus.PENDING, clock.instant());
	}

	/** Everything written for an account, oldest first (for tests and the staff view). */
	public List<Notification> of(long accountId) {
		return outbox.of(accountId);
	}

	public int unreadInInbox(long accountId) {
		return outbox.unread(accountId);
	}

	String render(String key, Object[] args, Language language) {
		Locale locale = language.locale();
		return messages.getMessage("notification.msg." + key, args, locale);
	}

}
