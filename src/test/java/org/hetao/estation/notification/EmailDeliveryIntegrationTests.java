package org.hetao.estation.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

import org.hetao.estation.casework.CaseChannel;
import org.hetao.estation.casework.CaseSubmitted;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** A real email over SMTP, received by an in-process GreenMail server. */
@SpringBootTest
class EmailDeliveryIntegrationTests {

	static final int PORT = freePort();

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
		registry.add("estation.notification.email.from", () -> "no-reply@estation.example");
		registry.add("estation.notification.base-url", () -> "https://estation.example");
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

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

	static List<MimeMessage> to(String address) throws Exception {
		List<MimeMessage> mine = new java.util.ArrayList<>();
		for (MimeMessage m : smtp.getReceivedMessages()) {
			if (m.getAllRecipients() != null && m.getAllRecipients()[0].toString().equals(address)) {
				mine.add(m);
			}
		}
		return mine;
	}

	@Test
	void theReceiptArrivesAsARealEmailInTheApplicantsLanguage() throws Exception {
		String name = "mail-" + UUID.randomUUID().toString().substring(0, 8);
		long account = accounts.create(new Accounts.NewAccount(name, "{noop}x", "Mail Test", name + "@example.hk", null,
				Language.ZH_HANT, ApplicantType.HK_RESIDENT, null, Set.of(Role.APPLICANT)));
		long caseId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
		// a receipt number of its own: the database may be one an earlier run used (PostgreSQL), and each receipt is
		// told once
		String receipt = "HT20261127-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
		tx.executeWithoutResult(s -> events.publishEvent(new CaseSubmitted(caseId, receipt, account, null,
				List.of("GOV-002"), CaseChannel.ONLINE, Instant.now())));

		// The database is shared with other tests: look only at mail to this applicant.
		assertThat(to(name + "@example.hk")).as("nothing is sent before the dispatcher runs").isEmpty();
		dispatcher.dispatchDue();
		dispatcher.dispatchDue();

		List<MimeMessage> mine = to(name + "@example.hk");
		assertThat(mine).as("sent exactly once").hasSize(1);
		MimeMessage[] received = mine.toArray(MimeMessage[]::new);
		assertThat(received[0].getSubject()).isEqualTo("【河套e站通】已收到你的申請 " + receipt);
		assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
		assertThat(received[0].getContent().toString()).contains("外商投資企業（港資）設立登記")
			.contains("https://estation.example/applications/" + receipt);
		assertThat(notifications.of(account))
			.filteredOn(n -> n.channel() == NotificationChannel.EMAIL)
			.singleElement()
			.satisfies(n -> {
				assertThat(n.status()).isEqualTo(NotificationStatus.SENT);
				assertThat(n.recipientMasked()).isEqualTo(name.charAt(0) + "***@example.hk");
			});
	}

	@Test
	void aRefusedEmailIsRetriedWithBackoffAndTheErrorRecorded() {
		String name = "bad-" + UUID.randomUUID().toString().substring(0, 8);
		// An address the SMTP client refuses before it talks to the server.
		long account = accounts.create(new Accounts.NewAccount(name, "{noop}x", "Bad Mail", "bad address " + name, null,
				Language.EN, ApplicantType.HK_RESIDENT, null, Set.of(Role.APPLICANT)));
		long caseId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
		String receipt = "HT20261127-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
		tx.executeWithoutResult(s -> events.publishEvent(new CaseSubmitted(caseId, receipt, account, null,
				List.of("GOV-002"), CaseChannel.ONLINE, Instant.now())));
		Instant before = Instant.now();
		dispatcher.dispatchDue();
		Notification email = notifications.of(account)
			.stream()
			.filter(n -> n.channel() == NotificationChannel.EMAIL)
			.findFirst()
			.orElseThrow();
		assertThat(email.status()).isEqualTo(NotificationStatus.PENDING);
		assertThat(email.attempts()).isEqualTo(1);
		assertThat(email.lastError()).isNotBlank();
		assertThat(email.nextAttemptAt()).isAfter(before.plusSeconds(20));
	}

}
