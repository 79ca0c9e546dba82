package org.hetao.estation.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
class AuditLogIntegrationTests {

	/** A module event as modules publish them. */
	record SampleThingDecided(String code, String applicantPhone, String decision) {
	}

	@Autowired
	AuditLog auditLog;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.context.MessageSource messages;

	@Test
	void moduleEventsAreRecordedWithTheirTransactionAndPersonalDataMasked() {
		String code = "T-" + UUID.randomUUID();
		transactions.executeWithoutResult(tx -> events.publishEvent(new SampleThingDecided(code, "+852 9123 4567", "APPROVED")));
		String rolledBack = "R-" + UUID.randomUUID();
		transactions.executeWithoutResult(tx -> {
			events.publishEvent(new SampleThingDecided(rolledBack, "+852 9123 4567", "APPROVED"));
			tx.setRollbackOnly();
		});
		auditLog.flush();

		var entries = auditLog.about("code:" + code);
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).action()).isEqualTo("audit.SampleThingDecided");
		assertThat(entries.get(0).details()).contains("APPROVED", "+852 **** 4567").doesNotContain("9123", "+852 9123 4567");
		assertThat(auditLog.about("code:" + rolledBack)).as("nothing recorded for a rolled-back change").isEmpty();
		assertThat(auditLog.verify().valid()).isTrue();
	}

	@Test
	void aBacklogIsChainedInBatchesInOrderAndTheChainStaysValid() {
		auditLog.flush();
		String run = "B-" + UUID.randomUUID();
		int n = AuditLog.CHAIN_BATCH * 2 + 500;
		transactions.executeWithoutResult(tx -> {
			for (int i = 0; i < n; i++) {
				auditLog.record("bench", "test", "audit.Backlog", run + ":" + i, null);
			}
		});

		// one run takes batch after batch until the backlog is gone (the scheduled run may take some batches too)
		auditLog.flush();
		assertThat(jdbc.sql("select count(*) from audit_pending where target like :t").param("t", run + ":%")
			.query(Long.class).single()).as("left pending after one run").isZero();
		List<Map.Entry<Long, Integer>> chained = jdbc
			.sql("select sequence, target from audit_log where target like :t order by sequence")
			.param("t", run + ":%")
			.query((rs, row) -> Map.entry(rs.getLong(1), Integer.parseInt(rs.getString(2).substring(run.length() + 1))))
			.list();
		assertThat(chained).hasSize(n);
		assertThat(chained.stream().map(Map.Entry::getValue).toList()).as("chained in the order recorded").isSorted();
		assertThat(chained.get(n - 1).getKey() - chained.get(0).getKey()).as("without gaps").isEqualTo(n - 1);
		assertThat(auditLog.verify().valid()).isTrue();
	}

	@Test
	void verificationFindsTheRecordThatWasTamperedWith() {
		String code = "X-" + UUID.randomUUID();
		transactions.executeWithoutResult(tx -> events.publishEvent(new SampleThingDecided(code, null, "REFUSED")));
		auditLog.flush();
		AuditEntry entry = auditLog.about("code:" + code).get(0);
		try {
			jdbc.sql("update audit_log set details = :d where sequence = :s")
				.param("d", entry.details().replace("REFUSED", "APPROVED"))
				.param("s", entry.sequence())
				.update();
			AuditLog.Verification verification = auditLog.verify();
			assertThat(verification.valid()).isFalse();
			assertThat(verification.brokenAt()).isEqualTo(entry.sequence());
			assertThat(verification.reason()).isEqualTo("content");
		}
		finally {
			jdbc.sql("update audit_log set details = :d where sequence = :s")
				.param("d", entry.details())
				.param("s", entry.sequence())
				.update();
		}
		assertThat(auditLog.verify().valid()).isTrue();
	}

	@Test
	void signInsAndFailedSignInsAreRecorded() {
		mvc.post().uri("/login").param("username", "supervisor").param("password", "test-Password-2026").with(csrf()).exchange();
		mvc.post().uri("/login").param("username", "supervisor").param("password", "wrong-password").with(csrf()).exchange();
		auditLog.flush();
		var recent = auditLog.latest(50);
		assertThat(recent).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("identity.SIGN_IN");
			assertThat(e.actor()).isEqualTo("supervisor");
		});
		assertThat(recent).anySatisfy(e -> assertThat(e.action()).isEqualTo("identity.SIGN_IN_FAILED"));
		// the log page says what happened in words, the code beside it for auditors
		assertThat(mvc.get().uri("/admin/audit?lang=en").with(user("admin").roles("ADMIN")).exchange()).hasStatusOk()
			.bodyText()
			.contains("<span>Signed in</span>", "<span>Sign-in failed</span>", "<code>identity.SIGN_IN</code>");
	}

	/** Every module event the auditor records has words for people reading the log, in each language. */
	@Test
	void everyAuditedEventHasAName() throws Exception {
		var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition d) {
				return d.getMetadata().isIndependent();
			}
		};
		scanner.addIncludeFilter((reader, factory) -> reader.getClassMetadata().getSuperClassName() != null
				&& reader.getClassMetadata().getSuperClassName().equals("java.lang.Record"));
		java.util.List<String> missing = new java.util.ArrayList<>();
		java.util.List<String> checked = new java.util.ArrayList<>();
		for (var candidate : scanner.findCandidateComponents("org.hetao.estation")) {
			Class<?> type = Class.forName(candidate.getBeanClassName());
			boolean mainCode = !String.valueOf(type.getProtectionDomain().getCodeSource().getLocation()).contains("test-classes");
			if (!type.getPackageName().startsWith("org.hetao.estation.") || type.isMemberClass() || !mainCode
					|| !java.lang.reflect.Modifier.isPublic(type.getModifiers())) {
				continue;
			}
			String pkg = type.getPackageName().substring("org.hetao.estation.".length());
			boolean event = !pkg.contains(".") && org.springframework.util.ClassUtils.getShortName(type).matches(
					".*(ed|Issued|Revoked|Called|Served|Booked|Requested|Lettered|Invited|Opened|Allocated|Answered|Notified|Published|Exported|Revealed)$");
			if (!event) {
				continue;
			}
			String key = "audit.action." + pkg + "." + type.getSimpleName();
			checked.add(key);
			for (java.util.Locale locale : java.util.List.of(java.util.Locale.forLanguageTag("zh-Hant"),
					java.util.Locale.forLanguageTag("zh-Hans"), java.util.Locale.ENGLISH)) {
				if (messages.getMessage(key, null, null, locale) == null) {
					missing.add(key + " " + locale);
				}
			}
		}
		assertThat(checked).as("the module events found").hasSizeGreaterThanOrEqualTo(25)
			.contains("audit.action.casework.CaseSubmitted", "audit.action.certificates.CertificateIssued");
		assertThat(missing).isEmpty();
	}

	@Test
	void onlySupervisorsAndAdministratorsMayVerify() {
		assertThat(mvc.get().uri("/api/v1/admin/audit/verify").with(user("applicant-hk").roles("APPLICANT")).exchange())
			.hasStatus(403);
		assertThat(mvc.get().uri("/api/v1/admin/audit/verify").with(user("supervisor").roles("SUPERVISOR")).exchange())
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.valid")
			.isEqualTo(true);
		assertThat(mvc.get().uri("/admin/audit").with(user("admin").roles("ADMIN")).exchange()).hasStatusOk()
			.bodyText()
			.contains("審計日誌");
	}

}
