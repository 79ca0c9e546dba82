package org.hetao.estation.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the CPU of a phase went: this JVM's threads, grouped by the first word of their name (the bench's own
 * threads, the event worker, the certificate executor...), and the local PostgreSQL server's processes, read from
 * {@code /proc}. A snapshot before and one after; the difference, per unit of work, tells which part of a case's
 * cost is ours and which the database's.
 */
final class CpuMeter {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	/** CPU milliseconds by group at one moment ("postgres" for the database server). */
	static Map<String, Double> snapshot() {
		Map<String, Double> ms = new TreeMap<>();
		for (long id : THREADS.getAllThreadIds()) {
			var info = THREADS.getThreadInfo(id);
			long ns = THREADS.getThreadCpuTime(id);
			if (info == null || ns < 0) {
				continue;
			}
			ms.merge(group(info.getThreadName()), ns / 1e6, Double::sum);
		}
		// threads that ended between two snapshots (a closed loop's workers) are no longer listed: what the
		// process spent beyond the listed threads is theirs
		double listed = ms.values().stream().mapToDouble(Double::doubleValue).sum();
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			// what else the process spent: threads that ended (a closed loop's workers), the JIT compilers, the
			// garbage collector, the VM itself (the JVM's own compile-time figure is wall time, not CPU: not used)
			ms.put("jvm-other", os.getProcessCpuTime() / 1e6 - listed);
		}
		ms.put("postgres", postgresMs());
		return ms;
	}

	static String group(String threadName) {
		String g = threadName.split("[-#\\s]", 2)[0];
		return g.isEmpty() ? "other" : g;
	}

	/** The difference of two snapshots, per unit (e.g. per case), largest first, as one line. */
	static String perUnit(Map<String, Double> before, Map<String, Double> after, double units) {
		Map<String, Double> diff = new TreeMap<>();
		after.forEach((k, v) -> diff.put(k, (v - before.getOrDefault(k, 0.0)) / units));
		StringBuilder line = new StringBuilder();
		double total = diff.values().stream().mapToDouble(Double::doubleValue).sum();
		line.append(String.format("total %.1f ms", total));
		diff.entrySet().stream()
			.filter(e -> e.getValue() >= 0.05 * total / 10)
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.forEach(e -> line.append(String.format("; %s %.1f", e.getKey(), e.getValue())));
		return line.toString();
	}

	private static double postgresMs() {
		double ticks = 0;
		try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
			for (Path p : (Iterable<Path>) procs::iterator) {
				if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
					continue;
				}
				try {
					String stat = Files.readString(p.resolve("stat"));
					int close = stat.lastIndexOf(')');
					String name = stat.substring(stat.indexOf('(') + 1, close);
					if (!name.startsWith("postgres")) {
						continue;
					}
					String[] f = stat.substring(close + 2).split(" ");
					// fields after the name: state(0) ... utime(11) stime(12)
					ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
				}
				catch (IOException | RuntimeException gone) {
					// the process ended meanwhile
				}
			}
		}
		catch (IOException e) {
			return 0;
		}
		return ticks * 10.0; // USER_HZ = 100
	}

	private CpuMeter() {
	}

}
