package org.hetao.estation.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hetao.estation.shared.Timestamps.ts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.hetao.estation.shared.AfterCommit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event log in its production mode (a worker thread per node, polling): an event with after-commit handlers
 * is written in the publishing transaction and applied after it commits, never inside it; a rolled-back event
 * is never applied; a failing handler is retried later without holding up the others; two workers (two nodes)
 * draining the same log apply every event exactly once.
 */
@SpringBootTest(properties = { "estation.events.inline=false", "estation.events.poll-interval=PT1H" })
class EventLogIntegrationTests {

	/** A module event for these tests only. */
	record Probe(String run, String name) {
	}

	/** A module event whose handler takes a batch. */
	record Batched(String run, String name) {
	}

	/** The calls of the handlers, per run: "P:name" for a probe, "B:name,name" for one list of batched events. */
	static final Map<String, List<String>> CALLS = new ConcurrentHashMap<>();

	/** What a handler saw. */
	record Seen(String name, String thread, boolean inTransaction) {
	}

	static final Map<String, List<Seen>> SEEN = new ConcurrentHashMap<>();

	static final Map<String, AtomicInteger> FAIL_TIMES = new ConcurrentHashMap<>();

	@TestConfiguration
	static class Handlers {

		@Bean
		ProbeHandler probeHandler() {
			return new ProbeHandler();
		}

		@Bean
		BatchHandler batchHandler() {
			return new BatchHandler();
		}

	}

	static class BatchHandler {

		@AfterCommit
		void on(List<Batched> batch) {
			for (Batched b : batch) {
				AtomicInteger failures = FAIL_TIMES.get(b.name());
				if (failures != null && failures.getAndDecrement() > 0) {
					throw new IllegalStateException("failing on purpose: " + b.name());
				}
			}
			CALLS.computeIfAbsent(batch.get(0).run(), k -> new CopyOnWriteArrayList<>())
				.add("B:" + String.join(",", batch.stream().map(Batched::name).toList()));
		}

	}

	static class ProbeHandler {

		@AfterCommit
		void on(Probe probe) {
			CALLS.computeIfAbsent(probe.run(), k -> new CopyOnWriteArrayList<>()).add("P:" + probe.name());
			AtomicInteger failures = FAIL_TIMES.get(probe.name());
			if (failures != null && failures.getAndDecrement() > 0) {
				throw new IllegalStateException("failing on purpose: " + probe.name());
			}
			// recorded when the handler's transaction commits, as a database write of a handler would be
			Seen seen = new Seen(probe.name(), Thread.currentThread().getName(),
					TransactionSynchronizationManager.isActualTransactionActive());
			Runnable record = () -> SEEN.computeIfAbsent(probe.run(), k -> new CopyOnWriteArrayList<>()).add(seen);
			if (TransactionSynchronizationManager.isSynchronizationActive()) {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						record.run();
					}
				});
			}
			else {
				record.run();
			}
		}

	}

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventLog log;

	@Autowired
	AfterCommitHandlers handlers;

	@Autowired
	Clock clock;

	List<Seen> seen(String run) {
		return SEEN.getOrDefault(run, List.of());
	}

	/** The logged events of a run (the payloads are encrypted: read back through the log). */
	List<Map.Entry<Probe, Integer>> entries(String run) {
		return jdbc.sql("select id, event_type, payload, attempts, last_error from event_log where event_type = :t")
			.param("t", Probe.class.getName())
			.query((rs, n) -> Map.entry(new EventLog.Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)),
					String.valueOf(rs.getString(5))))
			.list()
			.stream()
			.filter(e -> ((Probe) log.read(e.getKey())).run().equals(run))
			.map(e -> Map.entry((Probe) log.read(e.getKey()), e.getKey().attempts()))
			.toList();
	}

	long logged(String run) {
		return entries(run).size();
	}

	static void await(BooleanSupplier condition, String what) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 20 s for: " + what).isLessThan(until);
			Thread.sleep(20);
		}
	}

	@Test
	void appliedAfterTheCommitOnTheWorkerNeverInsideThePublishingTransaction() throws Exception {
		String run = UUID.randomUUID().toString();
		java.util.concurrent.atomic.AtomicLong loggedAtCommit = new java.util.concurrent.atomic.AtomicLong(-1);
		new TransactionTemplate(transactions).executeWithoutResult(s -> {
			events.publishEvent(new Probe(run, "one"));
			assertThat(seen(run)).as("nothing applied before the commit").isEmpty();
			assertThat(logged(run)).as("the transaction's events are written together as it commits").isZero();
			org.springframework.transaction.support.TransactionSynchronizationManager
				.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void beforeCommit(boolean readOnly) {
						loggedAtCommit.set(logged(run));
					}
				});
		});
		assertThat(loggedAtCommit).as("written to the log in the publishing transaction, before it commits").hasValue(1);
		await(() -> seen(run).size() == 1, "the handler");
		assertThat(seen(run).get(0).thread()).isEqualTo("event-worker");
		assertThat(seen(run).get(0).inTransaction()).as("in the worker's batch transaction").isTrue();
		await(() -> logged(run) == 0, "the event removed with its application");
		Thread.sleep(200);
		assertThat(seen(run)).as("applied once").hasSize(1);
	}

	@Test
	void anEventWhoseTransactionRolledBackIsNeverApplied() throws Exception {
		String run = UUID.randomUUID().toString();
		new TransactionTemplate(transactions).executeWithoutResult(s -> {
			events.publishEvent(new Probe(run, "rolled-back"));
			s.setRollbackOnly();
		});
		String marker = UUID.randomUUID().toString();
		events.publishEvent(new Probe(marker, "after"));
		await(() -> seen(marker).size() == 1, "a later event");
		assertThat(seen(run)).isEmpty();
		assertThat(logged(run)).isZero();
	}

	@Test
	void aFailingHandlerIsRetriedLaterWithoutHoldingUpTheOthers() throws Exception {
		String run = UUID.randomUUID().toString();
		String failing = "failing-" + run;
		// fails in its batch and again on its own: the batch goes on without it, and it waits for its retry
		FAIL_TIMES.put(failing, new AtomicInteger(2));
		new TransactionTemplate(transactions).executeWithoutResult(s -> {
			events.publishEvent(new Probe(run, "before"));
			events.publishEvent(new Probe(run, failing));
			events.publishEvent(new Probe(run, "after"));
		});
		await(() -> seen(run).size() == 2, "the two good events");
		assertThat(seen(run)).extracting(Seen::name).containsExactly("before", "after");
		var waiting = entries(run);
		assertThat(waiting).hasSize(1);
		assertThat(waiting.get(0).getKey().name()).isEqualTo(failing);
		assertThat(waiting.get(0).getValue()).as("attempts").isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from event_log where last_error like '%failing on purpose%'").query(Long.class).single())
			.isPositive();
		assertThat(jdbc.sql("select count(*) from event_log where payload like :p").param("p", "%" + run + "%").query(Long.class).single())
			.as("the payload is encrypted").isZero();

		// its time comes: applied once, and gone from the log
		jdbc.sql("update event_log set next_attempt_at = :t where last_error like '%" + failing + "%'")
			.param("t", ts(clock.instant().minusSeconds(1)))
			.update();
		events.publishEvent(new Probe(UUID.randomUUID().toString(), "wake-up"));
		await(() -> seen(run).size() == 3, "the retried event");
		assertThat(seen(run)).extracting(Seen::name).containsExactly("before", "after", failing);
		await(() -> logged(run) == 0, "the log emptied");
	}

	@Test
	void twoWorkersDrainingOneLogApplyEveryEventExactlyOnce() throws Exception {
		String run = UUID.randomUUID().toString();
		int n = 1_000;
		// written in one transaction without waking anybody: the log as two nodes find it after a burst
		new TransactionTemplate(transactions).executeWithoutResult(s -> {
			for (int i = 0; i < n; i++) {
				log.append(List.of(new Probe(run, "e" + i)), clock.instant());
			}
		});
		EventWorker a = new EventWorker(log, handlers, transactions, clock, new SimpleMeterRegistry(), false, true,
				Duration.ZERO);
		EventWorker b = new EventWorker(log, handlers, transactions, clock, new SimpleMeterRegistry(), false, true,
				Duration.ZERO);
		ExecutorService two = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> byA = two.submit(a::drain);
			Future<Integer> byB = two.submit(b::drain);
			byA.get();
			byB.get();
		}
		finally {
			two.shutdown();
			a.stop();
			b.stop();
		}
		assertThat(seen(run)).hasSize(n);
		assertThat(seen(run).stream().map(Seen::name).distinct().count()).as("no event applied twice").isEqualTo(n);
		assertThat(logged(run)).isZero();
	}

	@Test
	void aHandlerTakingAListGetsEachRunOfConsecutiveEventsAtOnceInTheOrderLogged() throws Exception {
		String run = UUID.randomUUID().toString();
		new TransactionTemplate(transactions).executeWithoutResult(s -> {
			for (String name : List.of("b1", "b2", "b3")) {
				log.append(List.of(new Batched(run, name)), clock.instant());
			}
			log.append(List.of(new Probe(run, "p1")), clock.instant());
			for (String name : List.of("b4", "b5")) {
				log.append(List.of(new Batched(run, name)), clock.instant());
			}
		});
		drainWithAWorkerOfItsOwn();
		assertThat(CALLS.get(run)).containsExactly("B:b1,b2,b3", "P:p1", "B:b4,b5");
		assertThat(logged(run)).isZero();
		assertThat(handlers.of(Batched.class)).singleElement()
			.satisfies(h -> assertThat(h.name()).isEqualTo("BatchHandler.on(List<Batched>)"));
	}

	@Test
	void whenAListHandlerFailsItsEventsAreAppliedOneByOneAndOnlyTheFailingOneWaits() throws Exception {
		String run = UUID.randomUUID().toString();
		String failing = "bad-" + run;
		FAIL_TIMES.put(failing, new AtomicInteger(2));
		new TransactionTemplate(transactions).executeWithoutResult(s -> {
			for (String name : List.of("b1", failing, "b3")) {
				log.append(List.of(new Batched(run, name)), clock.instant());
			}
		});
		drainWithAWorkerOfItsOwn();
		assertThat(CALLS.get(run)).as("the batch rolled back, then each event on its own").containsExactly("B:b1", "B:b3");
		assertThat(jdbc.sql("select count(*) from event_log where last_error like :e").param("e", "%" + failing + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
		jdbc.sql("delete from event_log where last_error like :e").param("e", "%" + failing + "%").update();
	}

	/**
	 * A wake-up waits {@code estation.events.gather} for more: three transactions committing one after the other, each
	 * waking the worker, have their events applied together, in one batch, once the time is up (and not before).
	 */
	@Test
	void wakeUpsWithinTheGatheringTimeAreAppliedAsOneBatch() throws Exception {
		String run = UUID.randomUUID().toString();
		EventWorker worker = new EventWorker(log, handlers, transactions, clock, new SimpleMeterRegistry(), false, true,
				Duration.ofSeconds(2));
		try {
			for (String name : List.of("g1", "g2", "g3")) {
				new TransactionTemplate(transactions)
					.executeWithoutResult(s -> log.append(List.of(new Batched(run, name)), clock.instant()));
				worker.wake();
			}
			assertThat(CALLS.get(run)).as("nothing applied before the gathering time is up").isNull();
			await(() -> CALLS.containsKey(run), "the gathered batch");
			assertThat(CALLS.get(run)).containsExactly("B:g1,g2,g3");
		}
		finally {
			worker.stop();
		}
	}

	/** What a node's worker would do, here and now (the application's own worker is not woken by appended rows). */
	void drainWithAWorkerOfItsOwn() {
		EventWorker worker = new EventWorker(log, handlers, transactions, clock, new SimpleMeterRegistry(), false, true,
				Duration.ZERO);
		try {
			worker.drain();
		}
		finally {
			worker.stop();
		}
	}

	@Test
	void retriesWaitLongerEachTimeUpToAnHour() {
		assertThat(EventWorker.retryDelay(0)).isEqualTo(Duration.ofSeconds(10));
		assertThat(EventWorker.retryDelay(1)).isEqualTo(Duration.ofSeconds(20));
		assertThat(EventWorker.retryDelay(5)).isEqualTo(Duration.ofSeconds(320));
		assertThat(EventWorker.retryDelay(30)).isEqualTo(Duration.ofHours(1));
	}

}
