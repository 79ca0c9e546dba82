package org.hetao.estation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hetao.estation.casework.CaseChannel;
import org.hetao.estation.casework.CaseSubmitted;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

/** The inbox and its badge, the channel choices and the staff's delivery page with resend. */
@SpringBootTest
@AutoConfigureMockMvc
class NotificationPagesIntegrationTests {

	@Autowired
	Accounts accounts;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Notifications notifications;

	@Autowired
	NotificationPreferences preferences;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	EstationUser person(Role role, String phone) {
		String name = "p-" + UUID.randomUUID().toString().substring(0, 8);
		long id = accounts.create(new Accounts.NewAccount(name, "{noop}x", "Person " + name, name + "@example.hk", phone,
				Language.ZH_HANT, role == Role.APPLICANT ? ApplicantType.HK_RESIDENT : null, null, Set.of(role)));
		return accounts.findById(id).orElseThrow();
	}

	void submitted(EstationUser applicant, String receipt) {
		long caseId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
		tx.executeWithoutResult(s -> events.publishEvent(new CaseSubmitted(caseId, receipt, applicant.id(), null,
				List.of("GOV-002"), CaseChannel.ONLINE, Instant.now())));
	}

	@Test
	void theInboxShowsOnlyTheApplicantsOwnMessagesAndCountsUnread() {
		EstationUser applicant = person(Role.APPLICANT, null);
		EstationUser other = person(Role.APPLICANT, null);
		submitted(applicant, "HT20261127-400001");
		Notification message = notifications.of(applicant.id())
			.stream()
			.filter(n -> n.channel() == NotificationChannel.INBOX)
			.findFirst()
			.orElseThrow();

		assertThat(mvc.get().uri("/inbox/badge").with(user(applicant))).hasStatusOk().bodyText().contains("收件匣（1）");
		assertThat(mvc.get().uri("/inbox").with(user(applicant))).hasStatusOk()
			.bodyText()
			.contains("已收到你的申請 HT20261127-400001");
		assertThat(mvc.get().uri("/inbox/{id}", message.id()).with(user(other))).hasStatus(404);
		assertThat(mvc.get().uri("/inbox/{id}", message.id()).with(user(applicant))).hasStatusOk()
			.bodyText()
			.contains("外商投資企業（港資）設立登記");
		assertThat(mvc.get().uri("/inbox/badge").with(user(applicant))).hasStatusOk().bodyText().doesNotContain("（1）");
		assertThat(mvc.get().uri("/inbox").with(user(other))).hasStatusOk().bodyText().doesNotContain("HT20261127-400001");
	}

	@Test
	void theApplicantChoosesChannelsAndMustKeepOne() {
		EstationUser applicant = person(Role.APPLICANT, "+852 9000 7000");
		assertThat(mvc.post().uri("/account/notifications").with(user(applicant)).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("請至少選擇一種通知方式。");
		assertThat(preferences.of(applicant.id())).isEqualTo(new NotificationPreference(true, true, true));
		assertThat(mvc.post().uri("/account/notifications").param("inbox", "true").param("sms", "true").with(user(applicant)).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(preferences.of(applicant.id())).isEqualTo(new NotificationPreference(false, true, true));
		submitted(applicant, "HT20261127-400002");
		assertThat(notifications.of(applicant.id())).extracting(Notification::channel)
			.containsExactlyInAnyOrder(NotificationChannel.INBOX, NotificationChannel.SMS);
	}

	@Test
	void staffSeeDeliveryStatusAndResendAFailedMessage() {
		EstationUser applicant = person(Role.APPLICANT, "+852 9000 7001");
		EstationUser supervisor = person(Role.SUPERVISOR, null);
		submitted(applicant, "HT20261127-400003");
		Notification sms = notifications.of(applicant.id())
			.stream()
			.filter(n -> n.channel() == NotificationChannel.SMS)
			.findFirst()
			.orElseThrow();
		jdbc.sql("update notification set status = 'FAILED', attempts = 6, last_error = 'gateway down' where id = :id")
			.param("id", sms.id())
			.update();

		assertThat(mvc.get().uri("/admin/notifications").with(user(applicant))).hasStatus(403);
		assertThat(mvc.get().uri("/admin/notifications?status=FAILED").with(user(supervisor))).hasStatusOk()
			.bodyText()
			.contains("gateway down", "+852 **** 7001", "發送失敗")
			.doesNotContain("9000 7001");
		assertThat(mvc.post().uri("/admin/notifications/{id}/resend", sms.id()).with(user(supervisor)).with(csrf()))
			.hasStatus3xxRedirection();
		Notification again = notifications.of(applicant.id()).stream().filter(n -> n.id() == sms.id()).findFirst().orElseThrow();
		assertThat(again.status()).isEqualTo(NotificationStatus.PENDING);
		assertThat(again.attempts()).isZero();
	}

}
