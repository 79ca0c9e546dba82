package org.hetao.estation.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed loop of N users: each user's thread sends its next request as soon as the previous one is
 * answered (keep-alive connections), first for a warm-up that is not counted, then for a timed window
 * whose latencies go into an HdrHistogram. A request counts when it started inside the window.
 */
public final class ClosedLoop {

	/** One user's next request: true when it succeeded (2xx), false when it is an error. */
	@FunctionalInterface
	public interface Action {

		boolean call() throws Exception;

	}

	public record Result(int users, double seconds, long ok, long errors, long okAllPhases, double perSecond,
			double p50Ms, double p99Ms, double p999Ms, double maxMs, String firstError) {
	}

	private ClosedLoop() {
	}

	public static Result run(int users, double warmupSeconds, double timedSeconds, IntFunction<Action> actionOfUser)
			throws InterruptedException {
		Recorder recorder = new Recorder(3);
		AtomicLong ok = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		AtomicLong okAll = new AtomicLong();
		String[] firstError = new String[1];
		long start = System.nanoTime();
		long timedFrom = start + (long) (warmupSeconds * 1e9);
		long end = timedFrom + (long) (timedSeconds * 1e9);
		List<Thread> threads = new ArrayList<>();
		for (int u = 0; u < users; u++) {
			Action action = actionOfUser.apply(u);
			Thread t = new Thread(() -> {
				while (true) {
					long t0 = System.nanoTime();
					if (t0 >= end) {
						return;
					}
					boolean success;
					String error = null;
					try {
						success = action.call();
					}
					catch (Exception e) {
						success = false;
						error = e.toString();
					}
					long t1 = System.nanoTime();
					if (success) {
						okAll.incrementAndGet();
					}
					if (t0 >= timedFrom) {
						recorder.recordValue(Math.max(1, (t1 - t0) / 1000));
						(success ? ok : errors).incrementAndGet();
					}
					else if (!success) {
						errors.incrementAndGet();
					}
					if (!success) {
						synchronized (firstError) {
							if (firstError[0] == null) {
								firstError[0] = error == null ? "non-2xx answer" : error;
							}
						}
					}
				}
			}, "user-" + u);
			t.start();
			threads.add(t);
		}
		for (Thread t : threads) {
			t.join();
		}
		Histogram h = recorder.getIntervalHistogram();
		double seconds = (System.nanoTime() - timedFrom) / 1e9;
		return new Result(users, seconds, ok.get(), errors.get(), okAll.get(), ok.get() / timedSeconds,
				h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
				h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0, firstError[0]);
	}

}
