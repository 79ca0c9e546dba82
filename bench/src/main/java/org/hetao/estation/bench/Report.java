package org.hetao.estation.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Merges the parts one benchmark run wrote ({@code <run>/parts/*.properties}, plus the search benchmark's
 * {@code search.json}) into one result: a flat JSON object whose top-level numbers tools read
 * ({@link #HEADLINE}), a Markdown page, and the table printed on the console.
 *
 * <pre>java org.hetao.estation.bench.Report &lt;runDir&gt; &lt;resultsDir&gt; &lt;stamp&gt;</pre>
 */
public final class Report {

	/** The figures every result carries at the top level (null when a measure did not run). */
	public static final List<String> HEADLINE = List.of("submissionsPerSecond", "submissionP50Ms", "submissionP99Ms",
			"submissionP999Ms", "submissionErrors", "pgbenchTps", "submissionsToPgbenchRatio",
			"bareSubmissionsPerSecond", "submissionsToBareRatio", "casesPerSecondOurs",
			"casesPerSecondFlowable", "casesPerSecondRatio", "ticketsPerSecond", "ticketDuplicates", "searchP50Ms",
			"searchP99Ms", "searchHttpP50Ms", "searchHttpP99Ms", "searchQps8Threads", "searchHttpOpenLoopP50Ms",
			"searchHttpOpenLoopP99Ms", "searchHttpOpenLoopP999Ms", "searchHttpOpenLoopMaxMs", "searchHttpOpenLoopErrors",
			"searchHttpOpenLoopRate", "searchHttpOpenLoopSent", "searchHttpOpenLoopFloorP99Ms", "itemGuideRps",
			"itemGuideP99Ms", "itemGuideRpsOneClient", "itemGuideP50MsOneClient", "itemGuideP99MsOneClient",
			"workQueueRps", "workQueueP99Ms", "startupSecondsH2", "startupSecondsPg", "startupSecondsBareH2",
			"startupSecondsBareH2Cds",
			"startupSecondsH2Restart", "cpuMsPerSubmission", "commitsPerSubmission", "roundTripsPerSubmission",
			"backlogAfterPeak", "backlogDrainSeconds", "submissionOpenLoopP50Ms", "submissionOpenLoopP99Ms",
			"submissionOpenLoopErrors", "bareSubmissionOpenLoopP99Ms",
			"rssMbAfterWarmup",
			"rssMbAfterPeak");

	/** What each headline figure means and its target, for the Markdown page and the console. */
	record Target(String key, String label, String op, double value) {

		Boolean met(Object actual) {
			if (!(actual instanceof Number n)) {
				return null;
			}
			double v = n.doubleValue();
			return switch (op) {
				case ">=" -> v >= value;
				case "<=" -> v <= value;
				case "<" -> v < value;
				case "==" -> v == value;
				default -> null;
			};
		}

		String text() {
			return op + " " + format(value);
		}
	}

	static final List<Target> TARGETS = List.of(
			new Target("submissionsPerSecond", "Matter submissions/s (best level)", ">=", 1000),
			new Target("submissionP99Ms", "Submission p99 ms at that level", "<", 100),
			new Target("submissionErrors", "Submission errors (all levels)", "==", 0),
			new Target("submissionsToPgbenchRatio", "Submissions/s ÷ pgbench TPS", ">=", 0.4),
			new Target("casesPerSecondRatio", "Our engine ÷ Flowable (instances/s)", ">=", 5),
			new Target("submissionsToBareRatio", "Submissions/s ÷ a bare endpoint writing the same rows (#17)", ">=", 0.5),
			new Target("ticketDuplicates", "Hall: tickets called twice", "==", 0),
			new Target("ticketsPerSecond", "Hall: rounds/s, issue + call, 8 callers (#17)", ">=", 300),
			new Target("backlogDrainSeconds", "Derived work drained after the peak, s (#17)", "<=", 10),
			new Target("submissionOpenLoopP99Ms", "Submission p99 ms, open loop at 200/s (#17)", "<=", 50),
			new Target("submissionOpenLoopErrors", "Submission errors, open loop (#17)", "==", 0),
			new Target("searchP99Ms", "Search p99 ms in-process", "<=", 3),
			new Target("searchHttpP99Ms", "Search p99 ms over HTTP", "<=", 10),
			new Target("searchHttpOpenLoopP99Ms", "Search p99 ms over HTTP, open loop at 200/s", "<=", 10),
			new Target("searchHttpOpenLoopErrors", "Search errors over HTTP, open loop", "==", 0),
			new Target("itemGuideP50MsOneClient", "Item guide page p50 ms, one keep-alive client (#16)", "<=", 3),
			new Target("itemGuideRps", "Item guide pages/s, 64 anonymous users (#16)", ">=", 800),
			new Target("workQueueRps", "Work queue pages/s, 64 officers (#16: 10 × 70)", ">=", 700),
			new Target("startupSecondsH2", "Start-up to ready on H2 with the demo data, s (#16)", "<=", 8));

	private Report() {
	}

	public static void main(String[] args) throws IOException {
		Path run = Path.of(args[0]);
		Path results = Path.of(args[1]);
		String stamp = args[2];
		Map<String, Object> figures = merge(run);
		Files.createDirectories(results);
		String json = json(figures);
		Files.writeString(results.resolve(stamp + ".json"), json, StandardCharsets.UTF_8);
		Files.writeString(results.resolve("latest.json"), json, StandardCharsets.UTF_8);
		String md = markdown(figures);
		Files.writeString(results.resolve(stamp + ".md"), md, StandardCharsets.UTF_8);
		Files.writeString(results.resolve("latest.md"), md, StandardCharsets.UTF_8);
		System.out.println(md);
	}

	/** Every part of the run, the search figures, and the derived ratios; headline keys first. */
	static Map<String, Object> merge(Path run) throws IOException {
		Map<String, Object> all = new TreeMap<>();
		List<String> notes = new ArrayList<>();
		Path parts = run.resolve("parts");
		if (Files.isDirectory(parts)) {
			try (Stream<Path> files = Files.list(parts)) {
				for (Path p : files.filter(f -> f.toString().endsWith(".properties")).sorted().toList()) {
					Properties props = new Properties();
					try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
						props.load(r);
					}
					props.forEach((k, v) -> {
						String key = (String) k;
						if (key.startsWith("note")) {
							notes.add((String) v);
						}
						else {
							all.put(key, value((String) v));
						}
					});
				}
			}
		}
		Path search = run.resolve("search.json");
		if (Files.exists(search)) {
			Map<String, Object> s = readFlatJson(Files.readString(search, StandardCharsets.UTF_8));
			s.forEach((k, v) -> all.put(k.equals("documents") ? "searchDocuments" : k, v));
		}
		else if (Files.exists(run.resolve("search.log"))) {
			Map<String, Object> s = readSearchLog(Files.readString(run.resolve("search.log"), StandardCharsets.UTF_8));
			all.putAll(s);
			notes.add("Search: the search benchmark wrote no target/bench/search.json (this branch's SearchBenchmark"
					+ " does not write it yet); " + (s.isEmpty() ? "no figures could be read from its output either, so"
							+ " the search figures are null." : "p50/p99 were read from its printed output instead."));
		}
		else {
			notes.add("Search: the search benchmark did not run, so the search figures are null.");
		}
		if (all.get("loadAverageAtStart") instanceof String load && all.get("cores") instanceof Number cores
				&& Double.parseDouble(load.split(" ")[0]) > cores.doubleValue()) {
			notes.add(0, "The machine was busy when the run started (load average " + load + " on " + cores
					+ " cores): these figures were measured under load and understate what the code can do.");
		}
		ratio(all, "submissionsToPgbenchRatio", "submissionsPerSecond", "pgbenchTps");
		ratio(all, "casesPerSecondRatio", "casesPerSecondOurs", "casesPerSecondFlowable");
		ratio(all, "submissionsToBareRatio", "submissionsPerSecond", "bareSubmissionsPerSecond");
		Map<String, Object> ordered = new LinkedHashMap<>();
		for (String key : List.of("date", "mode", "runSeconds", "gitCommit", "machine", "cores", "memoryMb", "database",
				"loadAverageAtStart")) {
			ordered.put(key, all.remove(key));
		}
		for (String key : HEADLINE) {
			ordered.put(key, all.remove(key));
		}
		ordered.putAll(all);
		ordered.put("notes", notes);
		return ordered;
	}

	static void ratio(Map<String, Object> all, String key, String numerator, String denominator) {
		if (all.get(numerator) instanceof Number n && all.get(denominator) instanceof Number d && d.doubleValue() > 0) {
			all.put(key, Math.round(n.doubleValue() / d.doubleValue() * 1000) / 1000.0);
		}
	}

	static Object value(String v) {
		String t = v.trim();
		if (t.equals("null") || t.isEmpty()) {
			return null;
		}
		if (t.matches("-?[0-9]+")) {
			return Long.parseLong(t);
		}
		if (t.matches("-?[0-9]*\\.[0-9]+([eE]-?[0-9]+)?")) {
			return Double.parseDouble(t);
		}
		return t;
	}

	private static final Pattern FLAT_ENTRY = Pattern
		.compile("\"([A-Za-z0-9_.]+)\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9.eE+-]+|null|true|false)");

	/** Reads the top-level scalar entries of a flat JSON object, such as the search benchmark's file. */
	static Map<String, Object> readFlatJson(String json) {
		Map<String, Object> map = new LinkedHashMap<>();
		Matcher m = FLAT_ENTRY.matcher(json);
		while (m.find()) {
			String raw = m.group(2);
			Object v;
			if (raw.startsWith("\"")) {
				v = raw.substring(1, raw.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
			}
			else if (raw.equals("true") || raw.equals("false")) {
				v = Boolean.valueOf(raw);
			}
			else {
				v = value(raw);
			}
			map.put(m.group(1), v);
		}
		return map;
	}

	private static final Pattern SEARCH_LINE = Pattern.compile(
			"(in-process|HTTP)[^:\\n]*: ([0-9,]+) queries, p50 = ([0-9.]+) ms, p99 = ([0-9.]+) ms");

	private static final Pattern SEARCH_DOCUMENTS = Pattern.compile("Indexed ([0-9,]+) generated documents");

	/** Reads p50/p99 from the lines the search benchmark prints, when it wrote no JSON file. */
	static Map<String, Object> readSearchLog(String log) {
		Map<String, Object> map = new LinkedHashMap<>();
		Matcher m = SEARCH_LINE.matcher(log);
		while (m.find()) {
			String prefix = m.group(1).equals("HTTP") ? "searchHttp" : "search";
			map.put(prefix + "P50Ms", Double.parseDouble(m.group(3)));
			map.put(prefix + "P99Ms", Double.parseDouble(m.group(4)));
		}
		Matcher d = SEARCH_DOCUMENTS.matcher(log);
		if (d.find()) {
			map.put("searchDocuments", Long.parseLong(d.group(1).replace(",", "")));
		}
		return map;
	}

	static String json(Map<String, Object> figures) {
		StringBuilder sb = new StringBuilder("{\n");
		int i = 0;
		for (var e : figures.entrySet()) {
			sb.append("  ").append(quote(e.getKey())).append(": ").append(jsonValue(e.getValue()));
			sb.append(++i < figures.size() ? ",\n" : "\n");
		}
		return sb.append("}\n").toString();
	}

	private static String jsonValue(Object v) {
		if (v == null) {
			return "null";
		}
		if (v instanceof Double d) {
			return d.isNaN() || d.isInfinite() ? "null" : format(d);
		}
		if (v instanceof Number || v instanceof Boolean) {
			return v.toString();
		}
		if (v instanceof List<?> list) {
			List<String> items = list.stream().map(Report::jsonValue).toList();
			return items.isEmpty() ? "[]" : "[\n    " + String.join(",\n    ", items) + "\n  ]";
		}
		return quote(v.toString());
	}

	static String quote(String s) {
		StringBuilder sb = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				default -> {
					if (c < 0x20) {
						sb.append(String.format("\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		return sb.append('"').toString();
	}

	static String format(double v) {
		if (v == Math.rint(v) && Math.abs(v) < 1e15) {
			return Long.toString((long) v);
		}
		return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
	}

	static String show(Object v) {
		if (v == null) {
			return "—";
		}
		if (v instanceof Double d) {
			return format(d);
		}
		return v.toString();
	}

	/** The Markdown page: the machine, the targets, every figure, the submission levels and the notes. */
	static String markdown(Map<String, Object> f) {
		StringBuilder md = new StringBuilder();
		md.append("# Benchmark results ").append(show(f.get("date"))).append(" (").append(show(f.get("mode")))
			.append(" mode)\n\n");
		md.append("Machine: ").append(show(f.get("machine"))).append(" · ").append(show(f.get("cores")))
			.append(" cores · ").append(show(f.get("memoryMb"))).append(" MB · database ")
			.append(show(f.get("database"))).append(" · commit ").append(show(f.get("gitCommit"))).append("\n\n");
		md.append("| Measure | Figure | Target | Met |\n|---|---|---|---|\n");
		for (Target t : TARGETS) {
			Boolean met = t.met(f.get(t.key()));
			md.append("| ").append(t.label()).append(" | ").append(show(f.get(t.key()))).append(" | ")
				.append(t.text()).append(" | ").append(met == null ? "n/a" : met ? "yes" : "**no**").append(" |\n");
		}
		md.append("\n| Figure | Value |\n|---|---|\n");
		for (var e : f.entrySet()) {
			if (!e.getKey().equals("notes") && !e.getKey().startsWith("submission.c")
					&& !e.getKey().startsWith("pgbench.c") && !e.getKey().startsWith("profile.")) {
				md.append("| `").append(e.getKey()).append("` | ").append(show(e.getValue())).append(" |\n");
			}
		}
		List<String> levels = f.keySet().stream().filter(k -> k.matches("submission\\.c[0-9]+\\.rps"))
			.map(k -> k.substring("submission.c".length(), k.length() - ".rps".length()))
			.sorted((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
			.toList();
		if (!levels.isEmpty()) {
			md.append("\n## Submissions by concurrency\n\n")
				.append("| Concurrency | Submissions/s | p50 ms | p99 ms | p99.9 ms | Errors | pgbench TPS | Ratio |\n")
				.append("|---|---|---|---|---|---|---|---|\n");
			for (String c : levels) {
				Object rps = f.get("submission.c" + c + ".rps");
				Object tps = f.get("pgbench.c" + c + ".tps");
				String ratio = rps instanceof Number r && tps instanceof Number t && t.doubleValue() > 0
						? format(Math.round(r.doubleValue() / t.doubleValue() * 1000) / 1000.0) : "—";
				md.append("| ").append(c).append(" | ").append(show(rps)).append(" | ")
					.append(show(f.get("submission.c" + c + ".p50Ms"))).append(" | ")
					.append(show(f.get("submission.c" + c + ".p99Ms"))).append(" | ")
					.append(show(f.get("submission.c" + c + ".p999Ms"))).append(" | ")
					.append(show(f.get("submission.c" + c + ".errors"))).append(" | ").append(show(tps)).append(" | ")
					.append(ratio).append(" |\n");
			}
		}
		if (f.get("searchHttpOpenLoopP99Ms") != null || f.get("searchHttpOpenLoopFloorP99Ms") != null) {
			md.append("\n## Search over HTTP, open loop\n\n")
				.append(show(f.get("searchHttpOpenLoopRate")))
				.append(" requests a second, each sent when it is due whatever the earlier ones are doing; latency from the")
				.append(" time it was due to the end of its answer. The floor is the same open loop on a request that")
				.append(" searches nothing (`GET /api/v1/search/suggest?q=`): the web stack's and the machine's share.\n\n")
				.append("| Request | Sent | p50 ms | p99 ms | p99.9 ms | max ms | Errors |\n|---|---|---|---|---|---|---|\n");
			for (String[] row : List.of(new String[] { "search (labelled queries)", "searchHttpOpenLoop" },
					new String[] { "nothing searched (floor)", "searchHttpOpenLoopFloor" })) {
				md.append("| ").append(row[0]);
				for (String figure : List.of("Sent", "P50Ms", "P99Ms", "P999Ms", "MaxMs", "Errors")) {
					md.append(" | ").append(show(f.get(row[1] + figure)));
				}
				md.append(" |\n");
			}
		}
		List<String> profile = f.keySet().stream().filter(k -> k.startsWith("profile.") && !k.equals("profile.level")).toList();
		if (!profile.isEmpty()) {
			md.append("\n## Profiles\n\nSampled while the load ran (submissions at concurrency ")
				.append(show(f.get("profile.level")))
				.append("; the casework engine at 8 threads): the database sessions (`pg_stat_activity`, every 100 ms: wait")
				.append(" event and statement) and the working threads (`jcmd Thread.print`, every second).\n\n");
			profile.forEach(k -> md.append("- `").append(k).append("`: ").append(show(f.get(k))).append('\n'));
		}
		if (f.get("notes") instanceof List<?> notes && !notes.isEmpty()) {
			md.append("\n## Notes\n\n");
			notes.forEach(n -> md.append("- ").append(n).append('\n'));
		}
		return md.toString();
	}

}
