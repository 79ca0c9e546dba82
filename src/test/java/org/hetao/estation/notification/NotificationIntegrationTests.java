package org.hetao.estation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hetao.estation.shared.Timestamps.ts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hetao.estation.policy.ConsultationAnswered;
import org.hetao.estation.casework.CaseChannel;
import org.hetao.estation.casework.CaseSubmitted;
import org.hetao.estation.casework.CorrectionRequested;
import org.hetao.estation.casework.Deficiency;
import org.hetao.estation.casework.DeliveryMethod;
import org.hetao.estation.casework.TaskAccepted;
import org.hetao.estation.casework.TaskDecided;
import org.hetao.estation.casework.TaskDelivered;
import org.hetao.estation.hall.AppointmentBooked;
import org.hetao.estation.hall.TicketCalled;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Every notification of the list, on its event, in the recipient's language; and the outbox's guarantees. */
@SpringBootTest
class NotificationIntegrationTests {

	@Autowired
	Clock clock;

	@Autowired
	Accounts accounts;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	OutboxDispatcher dispatcher;

	@Autowired
	Notifications notifications;

	@Autowired
	NotificationPreferences preferences;

	@Autowired
	JdbcClient jdbc;

	long account(Language language, String phone) {
		String name = "n-" + UUID.randomUUID().toString().substring(0, 8);
		return accounts.create(new Accounts.NewAccount(name, "{noop}x", "Applicant " + name, name + "@example.hk", phone,
				language, ApplicantType.HK_RESIDENT, null, Set.of(Role.APPLICANT)));
	}

	void publish(Object event) {
		tx.executeWithoutResult(s -> events.publishEvent(event));
	}

	static long id() {
		return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
	}

	List<Notification> inbox(long account, String template) {
		return notifications.of(account)
			.stream()
			.filter(n -> n.channel() == NotificationChannel.INBOX && n.template().equals(template))
			.toList();
	}

	@Test
	void everyCaseStepIsToldInTheApplicantsLanguage() {
		long en = account(Language.EN, null);
		long hant = account(Language.ZH_HANT, null);
		long hans = account(Language.ZH_HANS, null);
		Instant now = Instant.now();
		long caseId = id();
		publish(new CaseSubmitted(caseId, "HT20261127-100001", en, null, List.of("GOV-002"), CaseChannel.ONLINE, now));
		publish(new CaseSubmitted(id(), "HT20261127-100002", hant, null, List.of("GOV-002"), CaseChannel.ONLINE, now));
		publish(new CaseSubmitted(id(), "HT20261127-100003", hans, null, List.of("GOV-002"), CaseChannel.ONLINE, now));

		assertThat(inbox(en, "receipt")).singleElement().satisfies(n -> {
			assertThat(n.language()).isEqualTo("en");
			assertThat(n.subject()).isEqualTo("[e-Station] We received your application HT20261127-100001");
			assertThat(n.body()).contains("Registration of a Hong Kong-invested enterprise");
			assertThat(n.link()).isEqualTo("/applications/HT20261127-100001");
			assertThat(n.status()).isEqualTo(NotificationStatus.SENT);
		});
		assertThat(inbox(hant, "receipt").get(0).subject()).isEqualTo("【河套e站通】已收到你的申請 HT20261127-100002");
		assertThat(inbox(hant, "receipt").get(0).body()).contains("外商投資企業（港資）設立登記");
		assertThat(inbox(hans, "receipt").get(0).subject()).isEqualTo("【河套e站通】已收到你的申请 HT20261127-100003");
		assertThat(inbox(hans, "receipt").get(0).body()).contains("外商投资企业（港资）设立登记");

		long task = id();
		publish(new CorrectionRequested(caseId, "HT20261127-100001", en, task, "GOV-002",
				List.of(Deficiency.material("HK_BR_CERTIFICATE"), new Deficiency("ARTICLES_OF_ASSOCIATION", "not certified"),
						Deficiency.note("Signature missing on page 2")),
				now));
		assertThat(inbox(en, "correction")).singleElement().satisfies(n -> {
			assertThat(n.subject()).contains("needs corrections");
			assertThat(n.body()).contains("these 3 corrections")
				.contains("1. Hong Kong Business Registration Certificate")
				.contains("— not certified")
				.contains("3. Signature missing on page 2");
			assertThat(n.link()).isEqualTo("/applications/HT20261127-100001/correct");
		});

		publish(new TaskAccepted(caseId, "HT20261127-100001", en, task, "GOV-002", "market-regulation",
				LocalDate.of(2026, 12, 3), now));
		assertThat(inbox(en, "accepted").get(0).body()).contains("decision by 2026-12-03");

		publish(new TaskDecided(caseId, "HT20261127-100001", en, task, "GOV-002", "market-regulation", true, null,
				Map.of(), true, now));
		assertThat(inbox(en, "approved").get(0).subject()).isEqualTo("[e-Station] Application HT20261127-100001 decided: approved");
		publish(new TaskDecided(caseId, "HT20261127-100001", hant, id(), "GOV-002", "market-regulation", false,
				"資料不符", Map.of(), true, now));
		assertThat(inbox(hant, "refused").get(0).body()).contains("不予批准").contains("原因：資料不符");

		publish(new TaskDelivered(caseId, "HT20261127-100001", en, task, "GOV-002", DeliveryMethod.COUNTER_PICKUP, now));
		assertThat(inbox(en, "delivered").get(0).body()).contains("ready for pick-up at the unified delivery window");

		// The delivered task may now be rated: the feedback module invites the applicant.
		assertThat(inbox(en, "evaluation")).singleElement().satisfies(n -> {
			assertThat(n.subject()).isEqualTo("[e-Station] Please rate the service for application HT20261127-100001");
			assertThat(n.link()).matches("/evaluations/\\d+");
		});

		publish(new ConsultationAnswered(77, hans, "ITEM", "GOV-002", "market-regulation", now));
		assertThat(inbox(hans, "consultationAnswered")).singleElement()
			.satisfies(n -> assertThat(n.link()).isEqualTo("/consultations/77"));
	}

	@Test
	void appointmentIsConfirmedAndRemindedOnTheWorkingDayBefore(@Autowired AppointmentReminders reminders) {
		long account = account(Language.ZH_HANT, null);
		String code = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		// An appointment tomorrow at 10:00 in the zone's time: the last working day before tomorrow is today or
		// earlier, so the reminder is due whatever day today is (ReminderDayTests checks weekends and holidays);
		// here, that the job writes it once.
		Instant starts = LocalDate.now(clock).plusDays(1).atTime(10, 0).atZone(clock.getZone()).toInstant();
		publish(new AppointmentBooked(code, account, "GOV-002", null, starts, starts.plusSeconds(1800)));
		assertThat(inbox(account, "appointmentConfirmed")).singleElement()
			.satisfies(n -> assertThat(n.body()).contains("預約碼：" + code).contains("外商投資企業（港資）設立登記"));

		reminders.remind();
		reminders.remind();
		assertThat(inbox(account, "appointmentReminder")).singleElement()
			.satisfies(n -> assertThat(n.subject()).contains(code));
	}

	@Test
	void ticketCalledSendsAnSmsThroughTheLogProviderWithTheNumberMasked() {
		long ticket = id();
		publish(new TicketCalled(ticket, "A123", "7", "+852 6123 9876", false, Instant.now()));
		Long id = jdbc.sql("select id from notification where template = 'ticketCalled' and subject_ref = 'A123' order by id desc fetch first 1 rows only")
			.query(Long.class)
			.single();
		dispatcher.dispatchDue();
		Map<String, Object> sms = jdbc.sql("select phone_masked, body from notification_sms_log where notification_id = :n")
			.param("n", id)
			.query()
			.singleRow();
		assertThat(sms.get("phone_masked")).isEqualTo("+852 **** 9876");
		assertThat((String) sms.get("body")).isEqualTo("【河套e站通】請 A123 號到 7 號窗口");
	}

	@Test
	void nothingIsWrittenForARolledBackChange() {
		long account = account(Language.EN, "+852 9000 0001");
		tx.executeWithoutResult(s -> {
			events.publishEvent(new CaseSubmitted(id(), "HT20261127-100009", account, null, List.of("GOV-002"),
					CaseChannel.ONLINE, Instant.now()));
			s.setRollbackOnly();
		});
		dispatcher.dispatchDue();
		assertThat(notifications.of(account)).isEmpty();
	}

	@Test
	void aCommittedNotificationWaitsForTheDispatcherAndIsSentExactlyOnce() {
		long account = account(Language.EN, "+852 9000 0002");
		publish(new CaseSubmitted(id(), "HT20261127-100010", account, null, List.of("GOV-002"), CaseChannel.ONLINE,
				Instant.now()));
		Notification sms = notifications.of(account).stream().filter(n -> n.channel() == NotificationChannel.SMS).findFirst().orElseThrow();
		// The process "dies" here: committed, never dispatched. The row survives in the database.
		assertThat(sms.status()).isEqualTo(NotificationStatus.PENDING);
		assertThat(sms.attempts()).isZero();

		// A new dispatcher run (after the restart) sends it; the next runs do not send it again.
		dispatcher.dispatchDue();
		dispatcher.dispatchDue();
		assertThat(jdbc.sql("select count(*) from notification_sms_log where notification_id = :n").param("n", sms.id()).query(Integer.class).single())
			.isEqualTo(1);
		Notification after = notifications.of(account).stream().filter(n -> n.id() == sms.id()).findFirst().orElseThrow();
		assertThat(after.status()).isEqualTo(NotificationStatus.SENT);
		assertThat(after.attempts()).isEqualTo(1);
	}

	@Test
	void oneRunSendsEverythingDueInBatchesNotAHundredRowsAtATime() {
		String ref = "drain-" + UUID.randomUUID();
		for (int i = 0; i < 450; i++) {
			notifications.toPhone("+852 9000 " + String.format("%04d", i), Language.EN, "ticketCalled",
					new Object[] { "A" + i, "5" }, ref);
		}
		int sent = dispatcher.dispatchDue();

		assertThat(sent).isGreaterThanOrEqualTo(450);
		assertThat(jdbc.sql("select count(*) from notification where subject_ref = :r and status = 'SENT'").param("r", ref)
			.query(Integer.class).single()).isEqualTo(450);
		assertThat(jdbc.sql("""
				select count(*) from notification_sms_log l join notification n on n.id = l.notification_id
				where n.subject_ref = :r""").param("r", ref).query(Integer.class).single()).as("each sent once").isEqualTo(450);
		assertThat(dispatcher.dispatchDue()).as("nothing left").isZero();
	}

	@Test
	void aClaimLeftByADeadDispatcherIsTakenAgainOnceItExpires() {
		long account = account(Language.EN, "+852 9000 0003");
		publish(new CaseSubmitted(id(), "HT20261127-100011", account, null, List.of("GOV-002"), CaseChannel.ONLINE,
				Instant.now()));
		Notification sms = notifications.of(account).stream().filter(n -> n.channel() == NotificationChannel.SMS).findFirst().orElseThrow();
		// A node claimed it and died before sending: the claim still runs, nobody else takes it.
		jdbc.sql("update notification set status = 'SENDING', attempts = 1, claimed_until = :t where id = :id")
			.param("t", ts(Instant.now().plusSeconds(300)))
			.param("id", sms.id())
			.update();
		dispatcher.dispatchDue();
		assertThat(jdbc.sql("select count(*) from notification_sms_log where notification_id = :n").param("n", sms.id()).query(Integer.class).single()).isZero();
		// The claim expired: the next run sends it.
		jdbc.sql("update notification set claimed_until = :t where id = :id")
			.param("t", ts(Instant.now().minusSeconds(1)))
			.param("id", sms.id())
			.update();
		dispatcher.dispatchDue();
		assertThat(jdbc.sql("select count(*) from notification_sms_log where notification_id = :n").param("n", sms.id()).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void theApplicantsChoiceOfChannelsIsFollowed() {
		long account = account(Language.EN, "+852 9000 0004");
		preferences.save(account, new NotificationPreference(false, false, true));
		publish(new CaseSubmitted(id(), "HT20261127-100012", account, null, List.of("GOV-002"), CaseChannel.ONLINE,
				Instant.now()));
		assertThat(notifications.of(account)).extracting(Notification::channel).containsExactly(NotificationChannel.INBOX);
	}

}
