package org.hetao.estation.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hetao.estation.identity.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The audit chain anchored outside the database (#21): a database administrator who rewrites the history and
 * recomputes every hash leaves a chain that verifies against itself, but not against the checkpoint signed before.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditCheckpointIntegrationTests {

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditCheckpoints checkpoints;

	Path directory;

	@org.junit.jupiter.api.BeforeEach
	void directory() {
		// the bean's own (the test profile names a random directory per context, resolved anew at each use)
		directory = checkpoints.directory();
	}

	AuditEntry recordOne(String decision) {
		String code = "code:CP-" + UUID.randomUUID();
		auditLog.record("officer-test", "192.0.2.1", "test.ThingDecided", code, "{\"decision\":\"" + decision + "\"}");
		auditLog.flush();
		return auditLog.about(code).get(0);
	}

	@Test
	void aRewrittenHistoryIsFoundByTheSignedCheckpointAndIsNeverSigned() throws Exception {
		AuditEntry refused = recordOne("REFUSED");
		recordOne("APPROVED");
		AuditCheckpoint checkpoint = auditLog.checkpoint().orElseThrow();
		assertThat(checkpoint.sequence()).isGreaterThan(refused.sequence());
		assertThat(Files.readString(directory.resolve(checkpoint.file()), StandardCharsets.UTF_8))
			.contains("sequence=" + checkpoint.sequence(), "hash=" + checkpoint.hash(), "signature=");
		AuditLog.Verification intact = auditLog.verify();
		assertThat(intact.valid()).isTrue();
		assertThat(intact.checkpoint()).isNotNull();
		assertThat(intact.checkpoint().sequence()).isEqualTo(checkpoint.sequence());

		// the administrator turns REFUSED into APPROVED and recomputes every hash after it, and the head
		List<AuditEntry> original = reread(refused.sequence());
		var head = jdbc.sql("select last_sequence, last_hash from audit_chain_head where id = 1").query().singleRow();
		try {
			String previous = original.get(0).previousHash();
			for (AuditEntry e : original) {
				String details = e.sequence() == refused.sequence() ? e.details().replace("REFUSED", "APPROVED") : e.details();
				String hash = HashChain.hash(previous, e.sequence(), e.occurredAt(), e.actor(), e.origin(), e.action(),
						e.target(), details);
				jdbc.sql("update audit_log set details = :d, previous_hash = :p, hash = :h where sequence = :s")
					.param("d", details)
					.param("p", previous)
					.param("h", hash)
					.param("s", e.sequence())
					.update();
				previous = hash;
			}
			jdbc.sql("update audit_chain_head set last_hash = :h where id = 1").param("h", previous).update();

			AuditLog.Verification rewritten = auditLog.verify();
			assertThat(rewritten.valid()).isFalse();
			assertThat(rewritten.reason()).isEqualTo("rewritten");
			assertThat(rewritten.brokenAt()).isEqualTo(checkpoint.sequence());
			// the rewritten history is not signed, by the hour or on demand
			assertThat(auditLog.checkpoint()).isEmpty();
			assertThat(mvc.post().uri("/api/v1/admin/audit/checkpoints").with(user(accounts.findByUsername("admin").orElseThrow())))
				.hasStatus(409);
			// and the page says so, in the reader's language
			assertThat(mvc.post()
				.uri("/admin/audit/verify")
				.header("Accept-Language", "en")
				.with(user(accounts.findByUsername("admin").orElseThrow()))
				.with(csrf())).hasStatusOk().bodyText().contains("the history was rewritten", "id=\"audit-checkpoint\"");
		}
		finally {
			for (AuditEntry e : original) {
				jdbc.sql("update audit_log set details = :d, previous_hash = :p, hash = :h where sequence = :s")
					.param("d", e.details())
					.param("p", e.previousHash())
					.param("h", e.hash())
					.param("s", e.sequence())
					.update();
			}
			jdbc.sql("update audit_chain_head set last_sequence = :s, last_hash = :h where id = 1")
				.param("s", head.get("last_sequence"))
				.param("h", head.get("last_hash"))
				.update();
		}
		assertThat(auditLog.verify().valid()).isTrue();
	}

	List<AuditEntry> reread(long from) {
		List<AuditEntry> all = new ArrayList<>(auditLog.latest(100_000));
		all.removeIf(e -> e.sequence() < from);
		all.sort(java.util.Comparator.comparingLong(AuditEntry::sequence));
		return all;
	}

	@Test
	void aCheckpointFileThatWasAlteredDoesNotVerify() throws Exception {
		recordOne("REFUSED");
		AuditCheckpoint checkpoint = auditLog.checkpoint().orElseThrow();
		Path file = directory.resolve(checkpoint.file());
		String signed = Files.readString(file, StandardCharsets.UTF_8);
		Path forged = directory.resolve("checkpoint-999999999999999-1.properties");
		try {
			// a "checkpoint" far ahead, with the real signature copied over: the signature does not cover it
			Files.writeString(forged, signed.replace("sequence=" + checkpoint.sequence(), "sequence=999999999999999"),
					StandardCharsets.UTF_8);
			AuditLog.Verification verification = auditLog.verify();
			assertThat(verification.valid()).isFalse();
			assertThat(verification.reason()).isEqualTo("checkpointForged");
		}
		finally {
			Files.deleteIfExists(forged);
		}
		assertThat(auditLog.verify().valid()).isTrue();
	}

	@Test
	void recordsThatASignedCheckpointRemembersMayNotDisappear() {
		AuditEntry last = recordOne("REFUSED");
		AuditCheckpoint checkpoint = auditLog.checkpoint().orElseThrow();
		assertThat(checkpoint.sequence()).isEqualTo(last.sequence());
		var head = jdbc.sql("select last_sequence, last_hash from audit_chain_head where id = 1").query().singleRow();
		try {
			// the newest record deleted and the head moved back to the one before: consistent in itself
			jdbc.sql("delete from audit_log where sequence = :s").param("s", last.sequence()).update();
			jdbc.sql("update audit_chain_head set last_sequence = :s, last_hash = :h where id = 1")
				.param("s", last.sequence() - 1)
				.param("h", last.previousHash())
				.update();
			AuditLog.Verification verification = auditLog.verify();
			assertThat(verification.valid()).isFalse();
			assertThat(verification.reason()).isEqualTo("missing");
			assertThat(verification.brokenAt()).isEqualTo(last.sequence());
		}
		finally {
			jdbc.sql("""
					insert into audit_log (sequence, occurred_at, actor, origin, action, target, details, previous_hash, hash)
					values (:seq, :at, :actor, :origin, :action, :target, :details, :prev, :hash)""")
				.param("seq", last.sequence())
				.param("at", java.time.OffsetDateTime.ofInstant(last.occurredAt(), java.time.ZoneOffset.UTC))
				.param("actor", last.actor())
				.param("origin", last.origin())
				.param("action", last.action())
				.param("target", last.target())
				.param("details", last.details())
				.param("prev", last.previousHash())
				.param("hash", last.hash())
				.update();
			jdbc.sql("update audit_chain_head set last_sequence = :s, last_hash = :h where id = 1")
				.param("s", head.get("last_sequence"))
				.param("h", head.get("last_hash"))
				.update();
		}
		assertThat(auditLog.verify().valid()).isTrue();
	}

	@Test
	void anAdministratorSignsACheckpointOnDemand() {
		assertThat(mvc.post()
			.uri("/admin/audit/checkpoint")
			.header("Accept-Language", "en")
			.with(user(accounts.findByUsername("admin").orElseThrow()))
			.with(csrf())).hasStatusOk().bodyText().contains("id=\"audit-checkpoint-written\"", "Checkpoint signed");
		assertThat(mvc.post().uri("/api/v1/admin/audit/checkpoints").with(user(accounts.findByUsername("supervisor").orElseThrow())))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.signatureValid")
			.isEqualTo(true);
	}

}
