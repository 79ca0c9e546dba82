package org.hetao.estation.notification;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The in-account inbox, and the staff's list of every message with its delivery status. */
@Service
public class Inbox {

	private final Outbox outbox;

	private final Clock clock;

	Inbox(Outbox outbox, Clock clock) {
		this.outbox = outbox;
		this.clock = clock;
	}

	public List<Notification> messages(long accountId) {
		return outbox.inbox(accountId, 200);
	}

	public int unread(long accountId) {
		return outbox.unread(accountId);
	}

	/** Opens one of the account's own inbox messages and marks it read; empty for anyone else's. */
	@Transactional
	public Optional<Notification> open(long accountId, long id) {
		if (!outbox.markRead(id, accountId, clock.instant())) {
			return Optional.empty();
		}
		return outbox.find(id);
	}

	public List<Notification> latest(NotificationStatus status, NotificationChannel channel) {
		return outbox.latest(status, channel, 200);
	}

	/** Puts a failed or sent email/SMS back in the queue; false when it cannot be resent. */
	@Transactional
	public boolean resend(long id) {
		return outbox.resend(id, clock.instant());
	}

}
