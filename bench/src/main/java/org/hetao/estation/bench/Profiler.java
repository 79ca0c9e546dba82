package org.hetao.estation.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sampling profile of a load level, to say what stands in the way: on the database side
 * {@code pg_stat_activity} every 100 ms (what the application's sessions wait on, and in which statement),
 * on the application side {@code jcmd <pid> Thread.print} every second (where the request threads are:
 * the innermost application frame, or the database driver's socket read).
 */
public final class Profiler implements AutoCloseable {

	private final Map<String, AtomicLong> db = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> app = new ConcurrentHashMap<>();

	private final AtomicLong dbSamples = new AtomicLong();

	private final AtomicLong appSamples = new AtomicLong();

	private volatile boolean running = true;

	private final Thread dbThread;

	private final Thread appThread;

	private final String threadPrefix;

	Profiler(String jdbcUrl, String database, long pid) {
		this(jdbcUrl, database, pid, "\"http-nio-");
	}

	/** Samples the threads whose names start with {@code threadPrefix} (quoted as in a thread dump). */
	public Profiler(String jdbcUrl, String database, long pid, String threadPrefix) {
		this.threadPrefix = threadPrefix;
		dbThread = new Thread(() -> sampleDatabase(jdbcUrl, database), "profile-db");
		appThread = new Thread(() -> sampleThreads(pid), "profile-app");
		dbThread.setDaemon(true);
		appThread.setDaemon(true);
		dbThread.start();
		appThread.start();
	}

	private void sampleDatabase(String jdbcUrl, String database) {
		try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
				PreparedStatement s = c.prepareStatement("""
						select coalesce(wait_event_type, 'CPU') || '/' || coalesce(wait_event, '-') || ' in: '
						       || regexp_replace(left(query, 90), '\\s+', ' ', 'g')
						from pg_stat_activity where datname = ? and state in ('active', 'idle in transaction')
						and pid <> pg_backend_pid()""")) {
			s.setString(1, database);
			while (running) {
				dbSamples.incrementAndGet();
				try (ResultSet rs = s.executeQuery()) {
					while (rs.next()) {
						db.computeIfAbsent(rs.getString(1), k -> new AtomicLong()).incrementAndGet();
					}
				}
				Thread.sleep(100);
			}
		}
		catch (Exception e) {
			System.err.println("[profile] database sampling stopped: " + e);
		}
	}

	private void sampleThreads(long pid) {
		while (running) {
			try {
				Process p = new ProcessBuilder("jcmd", Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
				String dump = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				p.waitFor();
				appSamples.incrementAndGet();
				for (String thread : dump.split("\n\n")) {
					if (thread.startsWith(threadPrefix)) {
						String where = where(thread);
						if (where != null) {
							app.computeIfAbsent(where, k -> new AtomicLong()).incrementAndGet();
						}
					}
				}
				Thread.sleep(1000);
			}
			catch (IOException | InterruptedException e) {
				return;
			}
		}
	}

	/** A request thread's place: the database socket read or the innermost application frame; null when idle. */
	static String where(String thread) {
		List<String> frames = thread.lines().filter(l -> l.trim().startsWith("at ")).map(l -> l.trim().substring(3)).toList();
		boolean busy = frames.stream().anyMatch(f -> f.startsWith("org.apache.catalina.core.StandardWrapperValve")
				|| f.startsWith("org.hetao.estation.bench.ClosedLoop"));
		if (!busy || frames.isEmpty()) {
			return null;
		}
		String app = frames.stream()
			.filter(f -> f.startsWith("org.hetao.") && !f.startsWith("org.hetao.estation.bench.") && !f.contains("$$"))
			.findFirst()
			.map(f -> f.replaceAll("\\(.*", ""))
			.orElse("(framework: " + frames.get(0).replaceAll("\\(.*", "") + ")");
		boolean db = frames.stream().limit(25).anyMatch(f -> f.startsWith("org.postgresql."));
		boolean pool = frames.stream().limit(25).anyMatch(f -> f.startsWith("com.zaxxer.hikari.pool.HikariPool.getConnection"));
		return (pool ? "waiting for a pooled connection" : db ? "in the database" : "on the CPU or blocked") + " — " + app;
	}

	@Override
	public void close() throws InterruptedException {
		running = false;
		dbThread.join(5000);
		appThread.join(5000);
	}

	/** The top entries as shares of the samples, into the part. */
	public void report(Part part, String prefix, int top) {
		put(part, prefix + ".db", db, dbSamples.get(), top, "sessions (average per sample)");
		put(part, prefix + ".app", app, appSamples.get(), top, "threads at work (average per sample)");
	}

	private static void put(Part part, String prefix, Map<String, AtomicLong> counts, long samples, int top, String what) {
		if (samples == 0) {
			return;
		}
		Map<String, Long> sorted = new LinkedHashMap<>();
		counts.entrySet()
			.stream()
			.sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
			.limit(top)
			.forEach(e -> sorted.put(e.getKey(), e.getValue().get()));
		int i = 0;
		for (var e : sorted.entrySet()) {
			part.put(prefix + "." + (++i), String.format(java.util.Locale.ROOT, "%.1f %s: %s", e.getValue() / (double) samples,
					what, e.getKey()));
		}
	}

}
