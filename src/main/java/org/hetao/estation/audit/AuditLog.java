package org.hetao.estation.audit;

import static org.hetao.estation.shared.Timestamps.ts;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.hetao.estation.shared.BeforeCommitBatch;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the audit log and verifies it. {@link #record} joins the caller's transaction, so an
 * audit record exists exactly when the change it describes was committed.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final NamedParameterJdbcTemplate named;

	private final TransactionTemplate transactions;

	private final AuditCheckpoints checkpoints;

	AuditLog(JdbcClient jdbc, Clock clock, NamedParameterJdbcTemplate named, PlatformTransactionManager transactionManager,
			AuditCheckpoints checkpoints) {
		this.checkpoints = checkpoints;
		this.jdbc = jdbc;
		this.clock = clock;
		this.named = named;
		// TransactionTemplate (CONVENTIONS, one transaction style): records arriving after a commit get a transaction
		// of their own, and flush() chains a long backlog a thousand records per committed transaction
		this.transactions = new TransactionTemplate(transactionManager);
		this.pending = new BeforeCommitBatch<>("audit records", this::insert,
				late -> transactions.executeWithoutResult(s -> insert(late)), Ordered.LOWEST_PRECEDENCE - 200);
	}

	/** The audit records of the current transaction, written as it commits. */
	private final BeforeCommitBatch<MapSqlParameterSource> pending;

	/** Records an action by the current user (or {@code system}) from the current request's address. */
	public void record(String action, String target, String detailsJson) {
		record(currentActor(), currentOrigin(), action, target, detailsJson);
	}

	/**
	 * Records in the caller's transaction: the records of a transaction are written together, in one batch, just
	 * before it commits (none if it rolls back); without a transaction, at once.
	 */
	public void record(String actor, String origin, String action, String target, String detailsJson) {
		pending.add(new MapSqlParameterSource()
			.addValue("at", ts(clock.instant()))
			.addValue("actor", truncate(actor, 254))
			.addValue("origin", truncate(origin, 64))
			.addValue("action", truncate(action, 120))
			.addValue("target", truncate(target, 254))
			.addValue("details", detailsJson));
	}

	private void insert(List<MapSqlParameterSource> rows) {
		named.batchUpdate("""
				insert into audit_pending (occurred_at, actor, origin, action, target, details)
				values (:at, :actor, :origin, :action, :target, :details)""", rows.toArray(SqlParameterSource[]::new));
	}

	/** Pending records chained per transaction. */
	static final int CHAIN_BATCH = 1_000;

	/**
	 * Moves pending records into the chain, oldest first, a thousand per transaction: one batched insert into
	 * the chain, one delete of the pending rows, one update of the head. Safe on several nodes: the chain head
	 * row is locked for the duration, so one node chains at a time.
	 *
	 * @return how many records were chained
	 */
	@Scheduled(fixedDelayString = "${estation.audit.chain-interval:PT1S}")
	public int flush() {
		int total = 0;
		while (true) {
			Integer chained = transactions.execute(s -> flushBatch());
			total += chained;
			if (chained < CHAIN_BATCH) {
				return total;
			}
		}
	}

	private int flushBatch() {
		var head = jdbc.sql("select last_sequence, last_hash from audit_chain_head where id = 1 for update")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.single();
		long sequence = (long) head[0];
		String previous = (String) head[1];
		List<Pending> pending = jdbc
			.sql("select id, occurred_at, actor, origin, action, target, details from audit_pending order by id fetch first "
					+ CHAIN_BATCH + " rows only")
			.query((rs, n) -> new Pending(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
					rs.getString("actor"), rs.getString("origin"), rs.getString("action"), rs.getString("target"),
					rs.getString("details")))
			.list();
		if (pending.isEmpty()) {
			return 0;
		}
		List<SqlParameterSource> rows = new ArrayList<>();
		for (Pending p : pending) {
			sequence++;
			String hash = HashChain.hash(previous, sequence, p.at(), p.actor(), p.origin(), p.action(), p.target(),
					p.details());
			rows.add(new MapSqlParameterSource().addValue("seq", sequence)
				.addValue("at", ts(p.at()))
				.addValue("actor", p.actor())
				.addValue("origin", p.origin())
				.addValue("action", p.action())
				.addValue("target", p.target())
				.addValue("details", p.details())
				.addValue("prev", previous)
				.addValue("hash", hash));
			previous = hash;
		}
		named.batchUpdate("""
				insert into audit_log (sequence, occurred_at, actor, origin, action, target, details, previous_hash, hash)
				values (:seq, :at, :actor, :origin, :action, :target, :details, :prev, :hash)""",
				rows.toArray(SqlParameterSource[]::new));
		jdbc.sql("delete from audit_pending where id in (:ids)")
			.param("ids", pending.stream().map(Pending::id).toList())
			.update();
		jdbc.sql("update audit_chain_head set last_sequence = :s, last_hash = :h where id = 1")
			.param("s", sequence)
			.param("h", previous)
			.update();
		return pending.size();
	}

	/**
	 * The outcome of a verification.
	 * @param checkpoint the newest signed checkpoint the chain was checked against, {@code null} when there is none
	 */
	public record Verification(boolean valid, long records, Long brokenAt, String reason, AuditCheckpoint checkpoint) {
	}

	/**
	 * Recomputes the whole chain; reports the first record that was changed, unlinked or removed. Then checks the
	 * chain against every signed checkpoint written outside the database ({@link AuditCheckpoints}): a checkpoint whose
	 * signature fails ({@code checkpointForged}), a record it remembers that is gone ({@code missing}) or whose hash is
	 * no longer the one signed ({@code rewritten}: the history was rewritten and its hashes recomputed).
	 */
	@Transactional(readOnly = true)
	public Verification verify() {
		List<AuditEntry> entries = jdbc.sql("select * from audit_log order by sequence").query(AuditLog::map).list();
		List<AuditCheckpoint> signed = checkpoints.all();
		AuditCheckpoint latest = signed.stream().filter(AuditCheckpoint::signatureValid).reduce((a, b) -> b).orElse(null);
		Optional<HashChain.Break> broken = HashChain.verify(entries, HashChain.GENESIS, 1);
		if (broken.isPresent()) {
			return new Verification(false, entries.size(), broken.get().sequence(), broken.get().reason(), latest);
		}
		var head = jdbc.sql("select last_sequence, last_hash from audit_chain_head where id = 1")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.single();
		long last = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).sequence();
		String lastHash = entries.isEmpty() ? HashChain.GENESIS : entries.get(entries.size() - 1).hash();
		if ((long) head[0] != last || !lastHash.equals(head[1])) {
			// The newest records were removed: the head still remembers them.
			return new Verification(false, entries.size(), last + 1, "missing", latest);
		}
		java.util.Map<Long, String> hashes = new java.util.HashMap<>();
		entries.forEach(e -> hashes.put(e.sequence(), e.hash()));
		for (AuditCheckpoint checkpoint : signed) {
			if (!checkpoint.signatureValid()) {
				return new Verification(false, entries.size(), null, "checkpointForged", latest);
			}
			if (checkpoint.sequence() == 0) {
				continue;
			}
			String hash = hashes.get(checkpoint.sequence());
			if (hash == null) {
				return new Verification(false, entries.size(), checkpoint.sequence(), "missing", checkpoint);
			}
			if (!hash.equals(checkpoint.hash())) {
				return new Verification(false, entries.size(), checkpoint.sequence(), "rewritten", checkpoint);
			}
		}
		return new Verification(true, entries.size(), null, null, latest);
	}

	/**
	 * Chains what is pending and signs a checkpoint of the head into the checkpoint directory; refuses (empty) when
	 * the chain does not verify, so that a tampered history is never signed.
	 */
	public Optional<AuditCheckpoint> checkpoint() {
		flush();
		Verification verification = verify();
		if (!verification.valid()) {
			org.slf4j.LoggerFactory.getLogger(AuditLog.class)
				.error("Audit checkpoint NOT written: the chain is broken at record {} ({})", verification.brokenAt(),
						verification.reason());
			return Optional.empty();
		}
		var head = jdbc.sql("select last_sequence, last_hash from audit_chain_head where id = 1")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.single();
		return Optional.of(checkpoints.write((long) head[0], (String) head[1], clock.instant()));
	}

	/** Every hour (by default) a signed checkpoint; {@code estation.audit.checkpoint-cron=-} turns it off. */
	@Scheduled(cron = "${estation.audit.checkpoint-cron:0 0 * * * *}")
	void hourlyCheckpoint() {
		try {
			checkpoint();
		}
		catch (RuntimeException e) {
			org.slf4j.LoggerFactory.getLogger(AuditLog.class).error("Audit checkpoint failed: {}", e.toString());
		}
	}

	/** The newest records, newest first. */
	public List<AuditEntry> latest(int limit) {
		return jdbc.sql("select * from audit_log order by sequence desc limit :n")
			.param("n", limit)
			.query(AuditLog::map)
			.list();
	}

	/** Records about one target, oldest first (e.g. {@code case:HT20261127-000123}). */
	public List<AuditEntry> about(String target) {
		return jdbc.sql("select * from audit_log where target = :t order by sequence")
			.param("t", target)
			.query(AuditLog::map)
			.list();
	}

	/** Records by an actor (a username) or about a target, oldest first: what the log holds about a person. */
	public List<AuditEntry> byActorOrAbout(String actor, String target) {
		return jdbc.sql("select * from audit_log where actor = :a or target = :t order by sequence")
			.param("a", actor)
			.param("t", target)
			.query(AuditLog::map)
			.list();
	}

	private record Pending(long id, Instant at, String actor, String origin, String action, String target,
			String details) {
	}

	private static AuditEntry map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new AuditEntry(rs.getLong("sequence"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("origin"), rs.getString("action"), rs.getString("target"),
				rs.getString("details"), rs.getString("previous_hash"), rs.getString("hash"));
	}

	static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || !authentication.isAuthenticated() ? "system" : authentication.getName();
	}

	static String currentOrigin() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

}
