package org.hetao.estation.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.hetao.estation.shared.BeforeCommitBatch;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes each event that has {@link org.hetao.estation.shared.AfterCommit} handlers to the event log in the
 * transaction that publishes it, and applies the log after commit.
 * <p>
 * Applying: a batch of the oldest due events is claimed ({@code for update skip locked}), their handlers run
 * in the claiming transaction, and the events are deleted in it: the handlers' writes and the removal commit
 * together, so an event is applied exactly once whatever fails or dies in between, and two nodes never take
 * the same event. A batch runs without savepoints; if a handler fails, the batch is rolled back and applied
 * again one event at a time, and the failing event waits for another attempt (10 s, doubling up to an hour)
 * while the others go on. Events are applied in the order they were written, on one thread per node; a
 * retried event comes after the ones written since.
 * <p>
 * When: shortly after the publishing transaction commits ({@code estation.events.gather}, 50 ms: what other
 * transactions commit meanwhile is applied in the same batch, so that under load the worker runs a few large
 * batches, each one transaction, instead of a transaction and a commit per submission), on this node's worker
 * thread, and every
 * {@code estation.events.poll-interval}
 * for events written by other nodes and for retries. A node started with {@code estation.events.worker=false}
 * writes events and leaves applying them to the other nodes.
 * <p>
 * {@code estation.events.inline=true} (the tests) applies a transaction's events from the log just before it
 * commits, on its own connection, so that the derived records exist when an action returns; the log, the handlers
 * and their failures work as in production, only the moment differs.
 */
class EventWorker {

	private static final Logger log = LoggerFactory.getLogger(EventWorker.class);

	static final int BATCH = 200;

	private final EventLog events;

	private final AfterCommitHandlers handlers;

	private final TransactionTemplate batchTx;

	private final TransactionTemplate oneTx;

	private final TransactionTemplate nestedTx;

	private final Clock clock;

	private final boolean inline;

	/** Whether this node applies events at all ({@code estation.events.worker}); false leaves it to other nodes. */
	private final boolean working;

	/** How long a wake-up waits for more committed events before applying them in one batch. */
	private final Duration gather;

	private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "event-worker");
		t.setDaemon(true);
		return t;
	});

	private final AtomicBoolean wakeQueued = new AtomicBoolean();

	private final Counter applied;

	private final Counter failures;

	EventWorker(EventLog events, AfterCommitHandlers handlers, PlatformTransactionManager transactions, Clock clock,
			MeterRegistry meters, boolean inline, boolean working, Duration gather) {
		this.working = working;
		this.gather = gather == null || gather.isNegative() ? Duration.ZERO : gather;
		this.events = events;
		this.handlers = handlers;
		// TransactionTemplates (CONVENTIONS, one transaction style): batches committed one by one (REQUIRES_NEW), a
		// failing batch retried event by event in fresh transactions, and each handler in a savepoint (NESTED)
		this.batchTx = new TransactionTemplate(transactions);
		this.batchTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.oneTx = new TransactionTemplate(transactions);
		this.oneTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.nestedTx = new TransactionTemplate(transactions);
		this.nestedTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.clock = clock;
		this.inline = inline;
		this.applied = Counter.builder("estation.events.applied").description("Events applied after commit").register(meters);
		this.failures = Counter.builder("estation.events.failures")
			.description("Events whose after-commit handlers failed (retried later)")
			.register(meters);
		meters.gauge("estation.events.backlog", events, EventLog::backlog);
		this.pending = new BeforeCommitBatch<>("events", this::written,
				late -> {
					oneTx.executeWithoutResult(s -> events.append(late, clock.instant()));
					wake();
				}, Ordered.LOWEST_PRECEDENCE - 300);
	}

	/** The events of the current transaction, written as it commits. */
	private final BeforeCommitBatch<Object> pending;

	/**
	 * In the publisher's transaction: the event is logged if anything applies it after commit. A transaction's
	 * events are written together, in one batch, as it commits ({@link BeforeCommitBatch}).
	 */
	@EventListener
	void record(Object event) {
		if (handlers.of(event.getClass()).isEmpty()) {
			return;
		}
		if (inline && working && TransactionSynchronizationManager.isSynchronizationActive()) {
			// registered now, before the commit begins, so that it applies what the batch writes
			inlineBatch();
		}
		pending.add(event);
	}

	/** Writes a transaction's events (or one outside a transaction) and has them applied once they are committed. */
	private void written(List<Object> batch) {
		List<Long> ids = events.append(batch, clock.instant());
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			wake();
			return;
		}
		if (inline && working) {
			inlineBatch().ids.addAll(ids);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				wake();
			}
		});
	}

	/**
	 * The inline mode's events of the current transaction, applied just before it commits, on its own connection
	 * (a second connection per committing thread could exhaust the pool under concurrent load), each under a
	 * savepoint: a failing handler leaves its event in the log for a retry and the transaction goes on.
	 */
	private final class InlineBatch implements TransactionSynchronization {

		final List<Long> ids = new ArrayList<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			while (!ids.isEmpty()) {
				List<Long> now = List.copyOf(ids);
				ids.clear();
				for (EventLog.Entry entry : events.byIds(now)) {
					try {
						nestedTx.executeWithoutResult(s -> {
							try {
								apply(entry);
							}
							catch (Throwable e) {
								throw new HandlerFailed(e);
							}
							events.remove(List.of(entry.id()));
						});
						applied.increment();
					}
					catch (HandlerFailed e) {
						failed(entry, e.getCause());
					}
				}
			}
		}

	}

	/** A handler's exception, carried out of a transaction callback. */
	private static final class HandlerFailed extends RuntimeException {

		HandlerFailed(Throwable cause) {
			super(cause);
		}

	}

	private InlineBatch inlineBatch() {
		for (TransactionSynchronization sync : TransactionSynchronizationManager.getSynchronizations()) {
			if (sync instanceof InlineBatch batch) {
				return batch;
			}
		}
		InlineBatch batch = new InlineBatch();
		TransactionSynchronizationManager.registerSynchronization(batch);
		return batch;
	}

	private void failed(EventLog.Entry entry, Throwable e) {
		failures.increment();
		Instant next = clock.instant().plus(retryDelay(entry.attempts()));
		String error = e.getClass().getSimpleName() + ": " + e.getMessage();
		log.warn("Event #{} ({}) attempt {} failed, retried at {}: {}", entry.id(), entry.type(), entry.attempts() + 1,
				next, error);
		events.failed(entry.id(), error, next);
	}

	/** Applies what is due now: inline, or on the worker thread (one wake-up queued at most). */
	void wake() {
		if (!working) {
			return;
		}
		if (inline) {
			drain();
			return;
		}
		if (wakeQueued.compareAndSet(false, true)) {
			try {
				thread.schedule(() -> {
					wakeQueued.set(false);
					drainLogged();
				}, gather.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (RejectedExecutionException shuttingDown) {
				wakeQueued.set(false);
			}
		}
	}

	@Scheduled(fixedDelayString = "${estation.events.poll-interval:PT1S}", initialDelayString = "${estation.events.poll-interval:PT1S}")
	void poll() {
		if (!working) {
			return;
		}
		if (inline) {
			drainLogged();
		}
		else {
			wake();
		}
	}

	private void drainLogged() {
		try {
			drain();
		}
		catch (RuntimeException e) {
			log.warn("Applying logged events failed; they stay in the log for the next run: {}", e.toString());
		}
	}

	/** Applies every due event, batch after batch; returns how many were applied. */
	int drain() {
		int total = 0;
		while (true) {
			Batch batch;
			try {
				batch = batchTx.execute(s -> applyBatch());
			}
			catch (BatchFailed failed) {
				batch = new Batch(oneByOne(), failed.claimed);
			}
			total += batch.applied();
			if (batch.claimed() < BATCH) {
				return total;
			}
		}
	}

	private record Batch(int applied, int claimed) {
	}

	/** The fast path: the whole batch in one transaction; a failure rolls it back for the careful path. */
	private Batch applyBatch() {
		List<EventLog.Entry> claimed = events.claim(clock.instant(), BATCH);
		List<Long> done = new ArrayList<>();
		try {
			// consecutive events of one type go to their handlers together: a handler taking a list writes them
			// in a few statements; the order of the log is kept between runs and within each
			List<Object> run = new ArrayList<>();
			for (EventLog.Entry entry : claimed) {
				Object event = events.read(entry);
				if (!run.isEmpty() && run.get(0).getClass() != event.getClass()) {
					applyAll(run);
					run = new ArrayList<>();
				}
				run.add(event);
				done.add(entry.id());
			}
			if (!run.isEmpty()) {
				applyAll(run);
			}
		}
		catch (Throwable e) {
			throw new BatchFailed(claimed.size());
		}
		events.remove(done);
		applied.increment(done.size());
		return new Batch(done.size(), claimed.size());
	}

	/** A handler failed: the batch's transaction is rolled back and its events applied one at a time. */
	private static final class BatchFailed extends RuntimeException {

		final int claimed;

		BatchFailed(int claimed) {
			super(null, null, false, false);
			this.claimed = claimed;
		}

	}

	/** The careful path: each due event in a transaction of its own; a failing one is put off, the others go on. */
	private int oneByOne() {
		int count = 0;
		for (int i = 0; i < BATCH; i++) {
			Integer result = oneTx.execute(s -> {
				List<EventLog.Entry> claimed = events.claim(clock.instant(), 1);
				if (claimed.isEmpty()) {
					return -1;
				}
				EventLog.Entry entry = claimed.get(0);
				Object savepoint = s.createSavepoint();
				try {
					apply(entry);
					events.remove(List.of(entry.id()));
					return 1;
				}
				catch (Throwable e) {
					s.rollbackToSavepoint(savepoint);
					failed(entry, e);
					return 0;
				}
			});
			if (result == null || result < 0) {
				break;
			}
			count += result;
			applied.increment(result);
		}
		return count;
	}

	static Duration retryDelay(int attemptsBefore) {
		long seconds = 10L << Math.min(attemptsBefore, 9);
		return Duration.ofSeconds(Math.min(seconds, 3600));
	}

	private void applyAll(List<Object> run) throws Throwable {
		for (AfterCommitHandlers.Handler handler : handlers.of(run.get(0).getClass())) {
			handler.applyAll(run);
		}
	}

	private void apply(EventLog.Entry entry) throws Throwable {
		Object event = events.read(entry);
		for (AfterCommitHandlers.Handler handler : handlers.of(event.getClass())) {
			handler.apply(event);
		}
	}

	@PreDestroy
	void stop() {
		thread.shutdown();
	}

}
