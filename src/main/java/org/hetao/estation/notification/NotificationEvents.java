package org.hetao.estation.notification;

import static org.hetao.estation.shared.Timestamps.ts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import org.hetao.estation.casework.CaseSubmitted;
import org.hetao.estation.casework.CorrectionRequested;
import org.hetao.estation.casework.Deficiency;
import org.hetao.estation.casework.TaskAccepted;
import org.hetao.estation.casework.TaskDecided;
import org.hetao.estation.casework.TaskDelivered;
import org.hetao.estation.casework.TaskNotAccepted;
import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.feedback.EvaluationInvited;
import org.hetao.estation.hall.AppointmentBooked;
import org.hetao.estation.hall.TicketCalled;
import org.hetao.estation.policy.ConsultationAnswered;
import org.hetao.estation.shared.AfterCommit;
import org.hetao.estation.shared.Language;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns module events into outbox rows, after the transaction that publishes the event commits ({@link AfterCommit}:
 * from the event log, in batches, exactly once), so a notification exists only for a change that was committed and
 * the change's own transaction does not wait for it.
 */
@Component
class NotificationEvents {

	static final ZoneId ZONE = org.hetao.estation.shared.Zone.ID;

	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Notifications notifications;

	private final Catalog catalog;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	private final org.hetao.estation.policy.Policies policies;

	private final org.hetao.estation.policy.PolicyGrants grants;

	NotificationEvents(Notifications notifications, Catalog catalog, MessageSource messages, JdbcClient jdbc,
			org.hetao.estation.policy.Policies policies, org.hetao.estation.policy.PolicyGrants grants) {
		this.policies = policies;
		this.grants = grants;
		this.notifications = notifications;
		this.catalog = catalog;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	private static String link(String receipt) {
		return "/applications/" + receipt;
	}

	String itemName(String code, Language language) {
		return catalog.item(code).map(i -> i.name().get(language)).orElse(code);
	}

	/** A batch's receipts at once: the accounts and their preferences read once, the messages written in one batch. */
	@AfterCommit
	void onSubmitted(List<CaseSubmitted> submitted) {
		notifications.toAccounts(submitted.stream()
			.filter(e -> e.applicantAccountId() != null)
			.map(e -> new Notifications.ToAccount(e.applicantAccountId(), "receipt",
					l -> new Object[] { e.receiptNumber(),
							e.itemCodes().stream().map(c -> itemName(c, l)).collect(Collectors.joining("、")) },
					link(e.receiptNumber()), e.receiptNumber()))
			.toList());
	}

	@AfterCommit
	void on(CorrectionRequested e) {
		if (e.applicantAccountId() == null) {
			return;
		}
		notifications.toAccount(e.applicantAccountId(), "correction",
				l -> new Object[] { e.receiptNumber(), itemName(e.itemCode(), l), deficiencies(e.itemCode(), e.deficiencies(), l),
						e.deficiencies().size() },
				link(e.receiptNumber()) + "/correct", e.receiptNumber());
	}

	/** The full list, numbered: the material's name in the recipient's language, and what is wrong with it. */
	String deficiencies(String itemCode, List<Deficiency> list, Language language) {
		ServiceItem item = catalog.item(itemCode).orElse(null);
		StringBuilder b = new StringBuilder();
		int n = 1;
		for (Deficiency d : list) {
			var subject = d.subject(item);
			String material = subject == null ? null : subject.get(language);
			b.append(n++).append(". ");
			if (material != null) {
				b.append(material);
				if (d.note() != null) {
					b.append(" — ");
				}
			}
			if (d.note() != null) {
				b.append(d.note());
			}
			b.append('\n');
		}
		return b.toString().strip();
	}

	@AfterCommit
	void onAccepted(List<TaskAccepted> accepted) {
		notifications.toAccounts(accepted.stream()
			.filter(e -> e.applicantAccountId() != null)
			.map(e -> new Notifications.ToAccount(e.applicantAccountId(), "accepted",
					l -> new Object[] { e.receiptNumber(), itemName(e.itemCode(), l), String.valueOf(e.deadline()) },
					link(e.receiptNumber()), e.receiptNumber()))
			.toList());
	}

	@AfterCommit
	void on(TaskNotAccepted e) {
		if (e.applicantAccountId() == null) {
			return;
		}
		notifications.toAccount(e.applicantAccountId(), "notAccepted",
				l -> new Object[] { e.receiptNumber(), itemName(e.itemCode(), l), e.reason() }, link(e.receiptNumber()),
				e.receiptNumber());
	}

	@AfterCommit
	void onDecided(List<TaskDecided> decided) {
		notifications.toAccounts(decided.stream()
			.filter(e -> e.applicantAccountId() != null)
			.map(e -> new Notifications.ToAccount(e.applicantAccountId(), e.approved() ? "approved" : "refused",
					l -> new Object[] { e.receiptNumber(), itemName(e.itemCode(), l), e.reason() == null ? "" : e.reason() },
					link(e.receiptNumber()), e.receiptNumber()))
			.toList());
	}

	@AfterCommit
	void onDelivered(List<TaskDelivered> delivered) {
		notifications.toAccounts(delivered.stream()
			.filter(e -> e.applicantAccountId() != null)
			.map(e -> new Notifications.ToAccount(e.applicantAccountId(), "delivered",
					l -> new Object[] { e.receiptNumber(), itemName(e.itemCode(), l),
							messages.getMessage("notification.delivery." + e.method().name(), null, l.locale()) },
					link(e.receiptNumber()), e.receiptNumber()))
			.toList());
	}

	@AfterCommit
	void on(AppointmentBooked e) {
		String when = DATE_TIME.format(e.startsAt().atZone(ZONE));
		notifications.toAccount(e.applicantId(), "appointmentConfirmed",
				l -> new Object[] { e.code(), when, e.itemCode() == null ? "" : itemName(e.itemCode(), l) },
				"/hall/appointments", e.code());
		// A rescheduled appointment keeps its code: remember the new time and remind again.
		int updated = jdbc.sql("update notification_appointment set starts_at = :s, item_code = :i, reminded_at = null where code = :c")
			.param("s", ts(e.startsAt()))
			.param("i", e.itemCode())
			.param("c", e.code())
			.update();
		if (updated == 0) {
			jdbc.sql("insert into notification_appointment (code, account_id, item_code, starts_at) values (:c, :a, :i, :s)")
				.param("c", e.code())
				.param("a", e.applicantId())
				.param("i", e.itemCode())
				.param("s", ts(e.startsAt()))
				.update();
		}
	}

	@AfterCommit
	void on(TicketCalled e) {
		if (e.smsPhone() == null || e.smsPhone().isBlank()) {
			return;
		}
		// A ticket carries no language: the SMS is in the platform's default language.
		notifications.toPhone(e.smsPhone(), Language.DEFAULT, "ticketCalled",
				new Object[] { e.displayNumber(), e.windowNumber() }, e.displayNumber());
	}

	@AfterCommit
	void on(EvaluationInvited e) {
		notifications.toAccount(e.applicantAccountId(), "evaluation",
				l -> new Object[] { e.receiptNumber(), e.itemCode() == null ? "" : itemName(e.itemCode(), l),
						e.windowNumber() == null ? "" : e.windowNumber() },
				"/evaluations/" + e.serviceId(), e.receiptNumber());
	}

	@AfterCommit
	void on(ConsultationAnswered e) {
		notifications.toAccount(e.applicantId(), "consultationAnswered",
				l -> new Object[] { e.subjectCode() == null ? "" : e.subjectCode() }, "/consultations/" + e.consultationId(),
				"consultation:" + e.consultationId());
	}

	/**
	 * 免申即享: each enterprise granted a policy by this notify is told, in its language, by inbox and e-mail (as it
	 * chose): the policy, why it qualifies (every condition it met), what it is granted and what happens next. A
	 * grant is told once: claimed first, in the transaction that writes the messages.
	 */
	@AfterCommit
	void on(org.hetao.estation.policy.EnterprisesNotified e) {
		org.hetao.estation.policy.Policy policy = policies.find(e.policyCode()).orElse(null);
		if (policy == null) {
			return;
		}
		for (org.hetao.estation.policy.PolicyGrants.Grant grant : e.grants()) {
			if (!grants.claimTelling(grant.id(), e.at())) {
				continue;
			}
			List<Long> written = notifications.toAccount(grant.accountId(), "policyGrant",
					l -> new Object[] { policy.title().get(l), criteria(policy, grant, l), granted(policy, grant, l),
							policy.issuingBody().get(l) },
					"/policies/grants", "policy:" + policy.code());
			grants.told(grant.id(), written.size());
		}
	}

	/** Why it qualifies: the conditions it met, each on a line, in the recipient's language. */
	static String criteria(org.hetao.estation.policy.Policy policy, org.hetao.estation.policy.PolicyGrants.Grant grant,
			Language language) {
		return policy.conditions()
			.stream()
			.filter(c -> grant.conditionIds().contains(c.id()))
			.map(c -> "✓ " + c.description().get(language))
			.collect(Collectors.joining("\n"));
	}

	/** What is granted: the sum when the policy grants a fixed one, else its benefits as the library words them. */
	String granted(org.hetao.estation.policy.Policy policy, org.hetao.estation.policy.PolicyGrants.Grant grant,
			Language language) {
		if (grant.amount() == null) {
			return policy.benefits().get(language);
		}
		String sum = java.text.NumberFormat.getIntegerInstance(java.util.Locale.ROOT).format(grant.amount());
		return messages.getMessage("notification.msg.policyGrant.amount", new Object[] { sum }, language.locale());
	}

	static String at(Instant instant) {
		return DATE_TIME.format(instant.atZone(ZONE));
	}

}
