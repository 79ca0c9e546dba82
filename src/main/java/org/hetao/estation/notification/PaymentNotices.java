package org.hetao.estation.notification;

import static org.hetao.estation.shared.Timestamps.ts;

import java.time.Clock;
import java.time.Instant;

import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.payments.FeeFallenDue;
import org.hetao.estation.payments.PaymentFailed;
import org.hetao.estation.payments.PaymentRefunded;
import org.hetao.estation.payments.PaymentSucceeded;
import org.hetao.estation.shared.AfterCommit;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.Money;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the payer about their fees and payments, in their language, by inbox and e-mail as they chose: a fee is
 * due, a payment went through, was declined, money was refunded (how much, why, when to expect it). Each once: its
 * key is claimed in the transaction that writes the messages, so an event applied again tells nobody again.
 */
@Component
class PaymentNotices {

	private final Notifications notifications;

	private final Catalog catalog;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	private final Clock clock;

	PaymentNotices(Notifications notifications, Catalog catalog, MessageSource messages, JdbcClient jdbc, Clock clock) {
		this.notifications = notifications;
		this.catalog = catalog;
		this.messages = messages;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private static String fees(String receipt) {
		return "/applications/" + receipt + "/fees";
	}

	/** Claims a notice's key; false when it was told before. */
	boolean firstTime(String key) {
		return jdbc.sql("insert into notification_told_once (notice_key, told_at) values (:k, :now) on conflict do nothing")
			.param("k", key)
			.param("now", ts(clock.instant()))
			.update() == 1;
	}

	private static String money(long minor, String currency, Language language) {
		return Money.of(minor, currency).format(language.locale());
	}

	@AfterCommit
	void on(FeeFallenDue e) {
		if (e.applicantAccountId() == null || e.amountMinor() == 0 || !firstTime("fee-due:" + e.taskId())) {
			return;
		}
		notifications.toAccount(e.applicantAccountId(), "paymentDue",
				l -> new Object[] { e.receiptNumber(), money(e.amountMinor(), e.currency(), l),
						catalog.item(e.itemCode()).map(i -> i.name().get(l)).orElse(e.itemCode()) },
				fees(e.receiptNumber()), e.receiptNumber());
	}

	@AfterCommit
	void on(PaymentSucceeded e) {
		if (!firstTime("payment-succeeded:" + e.paymentId())) {
			return;
		}
		notifications.toAccount(e.payerAccountId(), "paymentPaid",
				l -> new Object[] { e.receiptNumber(), money(e.amountMinor(), e.currency(), l) }, fees(e.receiptNumber()),
				e.receiptNumber());
	}

	@AfterCommit
	void on(PaymentFailed e) {
		if (!firstTime("payment-failed:" + e.paymentId())) {
			return;
		}
		notifications.toAccount(e.payerAccountId(), "paymentFailed",
				l -> new Object[] { e.receiptNumber(), money(e.amountMinor(), e.currency(), l) }, fees(e.receiptNumber()),
				e.receiptNumber());
	}

	/** The refund notice: how much, why (the officer's words; the platform's own reason in the payer's language), when. */
	@AfterCommit
	void on(PaymentRefunded e) {
		Instant at = e.at() == null ? Instant.EPOCH : e.at();
		if (e.payerAccountId() == null
				|| !firstTime("payment-refunded:" + e.paymentId() + ":" + at.toEpochMilli() + ":" + e.amountMinor())) {
			return;
		}
		notifications.toAccount(e.payerAccountId(), "paymentRefunded",
				l -> new Object[] { e.receiptNumber(), money(e.amountMinor(), e.currency(), l),
						"payments".equals(e.by())
								? messages.getMessage("notification.payment.paidAnotherWay", null, l.locale()) : e.reason() },
				fees(e.receiptNumber()), e.receiptNumber());
	}

}
