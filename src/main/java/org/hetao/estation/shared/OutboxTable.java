package org.hetao.estation.shared;

import static org.hetao.estation.shared.Timestamps.ts;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The claim-send-retry loop of a transactional outbox table, for the notification and exchange outboxes. Rows are
 * inserted by whatever transaction causes them ({@code PENDING}, {@code attempts = 0}, {@code next_attempt_at});
 * a dispatcher claims due rows with a conditional update ({@code SENDING} until {@code claimed_until}), so any
 * number of nodes may run it and a row whose sender died is taken again when its claim expires. A sent row is
 * marked done; a failed one is pending again at its next attempt or, with none left, given up for staff.
 * <p>
 * The table has {@code id, status, attempts, next_attempt_at, claimed_until, last_error}; what differs between
 * tables (the names of the done and given-up states, what a claim or a sent row also records, the order due rows
 * are taken in) is said by the {@link Spec}.
 */
public final class OutboxTable {

	/**
	 * What differs between outbox tables.
	 * @param table the table's name
	 * @param dueOrder the {@code order by} of due rows
	 * @param onClaim what a claim sets besides status, claim and attempts (a leading comma), or empty
	 * @param onDone what a sent row's update sets (its status and when), may use {@code :now}
	 * @param givenUp the status of a row with no attempts left
	 */
	public record Spec(String table, String dueOrder, String onClaim, String onDone, String givenUp) {
	}

	/** Sends one claimed row; the loop does the bookkeeping. */
	public interface Sender<M> {

		long id(M message);

		/** Sends the message; any exception is a failed attempt ({@link Refused} for an answer that says why). */
		void send(M message) throws Exception;

		/** A failed attempt (log it, count it): when to try again, or {@code null} to give up. */
		Instant failed(M message, String error, Instant now);

		/** Called once the row is marked given up. */
		default void gaveUp(M message, String error, Instant now) {
		}

	}

	/** A send that the other side refused, with its answer as the error. */
	public static final class Refused extends Exception {

		private static final long serialVersionUID = 1L;

		public Refused(String answer) {
			super(answer, null, false, false);
		}

	}

	/**
	 * How a dispatcher runs.
	 * @param batch how many due rows one round takes
	 * @param claimAtOnce how many of them one claim takes (1: each row is claimed just before it is sent)
	 * @param lease how long a claim holds
	 * @param budget after this long no new round starts; {@link Duration#ZERO}: one round only
	 */
	public record Rounds(int batch, int claimAtOnce, Duration lease, Duration budget) {
	}

	private final JdbcClient jdbc;

	private final Spec spec;

	public OutboxTable(JdbcClient jdbc, Spec spec) {
		this.jdbc = jdbc;
		this.spec = spec;
	}

	private String due() {
		return "(status = 'PENDING' and next_attempt_at <= :now) or (status = 'SENDING' and claimed_until < :now)";
	}

	/** Due rows' ids: pending ones whose time came, and claims a dead dispatcher left behind. */
	public List<Long> due(Instant now, int limit) {
		return jdbc.sql("select id from " + spec.table() + " where " + due() + " order by " + spec.dueOrder()
				+ " fetch first " + limit + " rows only")
			.param("now", ts(now))
			.query(Long.class)
			.list();
	}

	/**
	 * Claims the due rows among {@code ids} in one statement and reads back, with {@code select} (the table's
	 * {@code select … from}), the ones this call won: the claim is stamped with {@code until}, unique to the caller,
	 * so rows another dispatcher took at the same moment are not read as ours.
	 */
	public <M> List<M> claim(List<Long> ids, Instant now, Instant until, String select, RowMapper<M> rows) {
		if (ids.isEmpty()) {
			return List.of();
		}
		jdbc.sql("update " + spec.table() + " set status = 'SENDING', claimed_until = :until, attempts = attempts + 1"
				+ spec.onClaim() + " where id in (:ids) and (" + due() + ")")
			.param("until", ts(until))
			.param("ids", ids)
			.param("now", ts(now))
			.update();
		return jdbc.sql(select + " where id in (:ids) and status = 'SENDING' and claimed_until = :until order by id")
			.param("ids", ids)
			.param("until", ts(until))
			.query(rows)
			.list();
	}

	/** A claim's stamp: {@code now + lease} to the second, and a random sub-millisecond part unique to the caller. */
	public static Instant claimUntil(Instant now, Duration lease) {
		return now.plus(lease)
			.truncatedTo(ChronoUnit.SECONDS)
			.plusNanos(ThreadLocalRandom.current().nextInt(1, 1_000_000) * 1_000L);
	}

	/** Marks sent, in one statement, the rows this dispatcher still holds. */
	public void sent(List<Long> ids, Instant now) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.sql("update " + spec.table() + " set " + spec.onDone()
				+ ", claimed_until = null where id in (:ids) and status = 'SENDING'")
			.param("now", ts(now))
			.param("ids", ids)
			.update();
	}

	/** A failed attempt: pending again at {@code next}, or given up when {@code next} is null. */
	public void failed(long id, String error, Instant next) {
		jdbc.sql("update " + spec.table() + """
				 set status = :status, next_attempt_at = coalesce(:next, next_attempt_at),
				       claimed_until = null, last_error = :error
				where id = :id and status = 'SENDING'
				""")
			.param("status", next == null ? spec.givenUp() : "PENDING")
			.param("next", ts(next))
			.param("error", abbreviate(error, 1000))
			.param("id", id)
			.update();
	}

	/**
	 * Sends what is due: round after round of {@code rounds.batch()} due rows, each claimed
	 * {@code rounds.claimAtOnce()} at a time, sent one by one, and the sent ones of a claim marked in one statement,
	 * until a round finds fewer rows than it takes or the budget is spent. Returns how many rows were sent.
	 */
	public <M> int dispatch(Supplier<Instant> clock, Rounds rounds, String select, RowMapper<M> rows, Sender<M> sender) {
		int sent = 0;
		long started = System.nanoTime();
		while (true) {
			Instant now = clock.get();
			List<Long> due = due(now, rounds.batch());
			for (int from = 0; from < due.size(); from += rounds.claimAtOnce()) {
				List<Long> ids = due.subList(from, Math.min(due.size(), from + rounds.claimAtOnce()));
				List<M> claimed = claim(ids, now, claimUntil(now, rounds.lease()), select, rows);
				List<Long> done = new ArrayList<>();
				for (M message : claimed) {
					if (attempt(message, sender, clock)) {
						done.add(sender.id(message));
					}
				}
				sent(done, clock.get());
				sent += done.size();
			}
			if (due.size() < rounds.batch()
					|| Duration.ofNanos(System.nanoTime() - started).compareTo(rounds.budget()) >= 0) {
				return sent;
			}
		}
	}

	private <M> boolean attempt(M message, Sender<M> sender, Supplier<Instant> clock) {
		String error;
		try {
			sender.send(message);
			return true;
		}
		catch (Refused e) {
			error = e.getMessage();
		}
		catch (Exception e) {
			error = e.getClass().getSimpleName() + ": " + e.getMessage();
		}
		Instant now = clock.get();
		Instant next = sender.failed(message, error, now);
		failed(sender.id(message), error, next);
		if (next == null) {
			sender.gaveUp(message, error, now);
		}
		return false;
	}

	/** A text cut to {@code max} characters, the last one an ellipsis. */
	public static String abbreviate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}

}
