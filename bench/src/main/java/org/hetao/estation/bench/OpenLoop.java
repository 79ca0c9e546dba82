package org.hetao.estation.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open loop at a fixed rate: request {@code i} is due at {@code start + i / rate} and is sent then, whether
 * or not the earlier ones have been answered (each request goes to an idle worker thread with its own
 * kept-alive {@link RawHttp} connection; when every worker is busy a new one is started, so a slow answer
 * never delays the next send). A request's latency runs from the time it was <em>due</em> to the end of its
 * answer, so that a stall of the server (or of the driver) counts for every request it held back, not only
 * for the one in flight (no coordinated omission). First a warm-up at the same rate that is not counted, then
 * a timed window whose latencies go into an HdrHistogram (3 significant digits). Any answer but 200, and any
 * exception, is an error.
 */
public final class OpenLoop {

	/** Workers (and connections) started before the first request; more are started when all are busy. */
	static final int INITIAL_WORKERS = 8;

	/**
	 * @param rate the requests per second asked for
	 * @param sent the requests due in the timed window (all of them were sent)
	 * @param ok answered 200, of those
	 * @param errors answered otherwise or failed, of those (a request unanswered at the end counts here)
	 * @param warmupErrors errors during the warm-up (not counted above)
	 * @param sendLagMaxMs the latest any timed request left the scheduler after its due time (the driver's own delay)
	 * @param connections the worker connections used (each with its own kept-alive socket)
	 * @param firstError the first error, warm-up included (null when none)
	 */
	public record Result(double rate, double warmupSeconds, double timedSeconds, long sent, long ok, long errors,
			long warmupErrors, double p50Ms, double p99Ms, double p999Ms, double maxMs, double sendLagMaxMs,
			int connections, String firstError) {
	}

	private OpenLoop() {
	}

	/** One request of the loop, by its number: sends it and answers the response's status. */
	public interface Request {

		int send(int number) throws Exception;

		/** What request {@code number} was, for an error message. */
		String describe(int number);

	}

	/**
	 * Runs the open loop against {@code baseUrl}, cycling through {@code targets} (paths with their query,
	 * URL-encoded), every request a GET.
	 */
	public static Result run(String baseUrl, double rate, double warmupSeconds, double timedSeconds, List<String> targets)
			throws InterruptedException {
		if (targets.isEmpty()) {
			throw new IllegalArgumentException("no targets");
		}
		RawHttp template = new RawHttp(baseUrl);
		byte[][] requests = new byte[targets.size()][];
		for (int i = 0; i < requests.length; i++) {
			requests[i] = template.request(targets.get(i), null);
		}
		Queue<RawHttp> connections = new ConcurrentLinkedQueue<>();
		ThreadLocal<RawHttp> connection = ThreadLocal.withInitial(() -> {
			RawHttp http = new RawHttp(baseUrl);
			connections.add(http);
			return http;
		});
		try {
			Result r = run(rate, warmupSeconds, timedSeconds, 200, new Request() {
				@Override
				public int send(int number) throws Exception {
					return connection.get().exchange(requests[number % requests.length]);
				}

				@Override
				public String describe(int number) {
					return "GET " + targets.get(number % requests.length);
				}
			});
			return new Result(r.rate(), r.warmupSeconds(), r.timedSeconds(), r.sent(), r.ok(), r.errors(), r.warmupErrors(),
					r.p50Ms(), r.p99Ms(), r.p999Ms(), r.maxMs(), r.sendLagMaxMs(), connections.size(), r.firstError());
		}
		finally {
			connections.forEach(RawHttp::close);
		}
	}

	/**
	 * Runs the open loop: request {@code i} is due at {@code i / rate} seconds and is handed to a worker thread at
	 * that time whatever the earlier ones are doing (workers are added when all are busy); its latency is measured
	 * from its due time. A request is good when it answers {@code expectedStatus}.
	 */
	public static Result run(double rate, double warmupSeconds, double timedSeconds, int expectedStatus, Request request)
			throws InterruptedException {
		if (rate <= 0) {
			throw new IllegalArgumentException("no rate");
		}
		long warmupNanos = (long) (warmupSeconds * 1e9);
		long totalNanos = warmupNanos + (long) (timedSeconds * 1e9);
		List<Long> due = new ArrayList<>();
		for (long i = 0;; i++) {
			long offset = Math.round(i * 1e9 / rate);
			if (offset >= totalNanos) {
				break;
			}
			due.add(offset);
		}
		long sent = due.stream().filter(o -> o >= warmupNanos).count();

		Recorder recorder = new Recorder(3);
		LongAdder ok = new LongAdder();
		LongAdder errors = new LongAdder();
		LongAdder warmupErrors = new LongAdder();
		AtomicReference<String> firstError = new AtomicReference<>();
		CountDownLatch done = new CountDownLatch(due.size());
		AtomicInteger workerNumber = new AtomicInteger();
		ThreadPoolExecutor workers = new ThreadPoolExecutor(INITIAL_WORKERS, Integer.MAX_VALUE, 10, TimeUnit.MINUTES,
				new SynchronousQueue<>(), r -> {
					Thread t = new Thread(r, "open-loop-" + workerNumber.incrementAndGet());
					t.setDaemon(true);
					return t;
				});
		workers.prestartAllCoreThreads();

		long start = System.nanoTime() + 20_000_000;
		long timedFrom = start + warmupNanos;
		long lagMax = 0;
		try {
			for (int i = 0; i < due.size(); i++) {
				long at = start + due.get(i);
				long now = System.nanoTime();
				while (now < at) {
					LockSupport.parkNanos(at - now);
					now = System.nanoTime();
				}
				boolean timed = at >= timedFrom;
				if (timed) {
					lagMax = Math.max(lagMax, now - at);
				}
				int n = i;
				workers.execute(() -> {
					String error = null;
					try {
						int status = request.send(n);
						if (status != expectedStatus) {
							error = "answered " + status + " to " + request.describe(n);
						}
					}
					catch (Exception ex) {
						error = ex + " on " + request.describe(n);
					}
					long end = System.nanoTime();
					if (timed) {
						recorder.recordValue(Math.max(1, (end - at) / 1000));
						(error == null ? ok : errors).increment();
					}
					else if (error != null) {
						warmupErrors.increment();
					}
					if (error != null) {
						firstError.compareAndSet(null, (timed ? "" : "(warm-up) ") + error);
					}
					done.countDown();
				});
			}
			// every answer, or the clients' time-outs (connect 10 s, read 30 s, one retry on a stale connection)
			done.await(90, TimeUnit.SECONDS);
		}
		finally {
			workers.shutdownNow();
		}
		Histogram h = recorder.getIntervalHistogram();
		long answered = ok.sum() + errors.sum();
		long unanswered = sent - answered;
		if (unanswered > 0) {
			firstError.compareAndSet(null, unanswered + " requests unanswered at the end");
		}
		return new Result(rate, warmupSeconds, timedSeconds, sent, ok.sum(), errors.sum() + Math.max(0, unanswered),
				warmupErrors.sum(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
				h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0, lagMax / 1e6, workerNumber.get(),
				firstError.get());
	}

}
