package org.hetao.estation.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The load driver, in its own process, against the application on PostgreSQL over HTTP: applicants
 * registered through the registration form and signed in through the form login (CSRF, {@code SESSION}
 * cookie), materials uploaded before the timed part, then closed loops of 1, 8, 32 and 128 users each
 * submitting the 5-item matter HK-RESEARCHER-WORK with its form data; then the item guide and the
 * officer's work queue with 64 users (the item guide also with one client on its own). Afterwards the cases in
 * the database are counted against the receipts returned. Last, search over HTTP in an open loop at a fixed
 * rate ({@link OpenLoop}), with the labelled queries of {@code queriesTsv}, and the same open loop on a request
 * that searches nothing (the web stack's own share).
 *
 * <pre>java org.hetao.estation.bench.HttpBench baseUrl appPid runDir quick|full jdbcUrl [queriesTsv]</pre>
 */
public final class HttpBench {

	static final String MATTER = "HK-RESEARCHER-WORK";

	static final String PASSWORD = "bench-Password-2026!";

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final int[] LEVELS = { 1, 8, 32, 128 };

	/** Submissions a second in the open loop (#17: 200); -Dbench.submission.rate= for experiments on a slower machine. */
	static final double SUBMISSION_RATE = Double.parseDouble(System.getProperty("bench.submission.rate", "200"));

	static final int PAGE_USERS = 64;

	/** The item guide page both item-guide loops (one client, 64 users) ask for. */
	static final String ITEM_GUIDE = "/catalog/items/GOV-004";

	/** Search requests per second in the open loop (issue #16). */
	static final double SEARCH_RATE = 200;

	/** A request through the whole web stack that searches nothing: a blank prefix is answered with []. */
	static final String NOTHING_SEARCHED = "/api/v1/search/suggest?q=";

	/** The level sampled by the {@link Profiler} (its own sampling costs a little throughput there). */
	static final int PROFILED_LEVEL = 32;

	static String database(String jdbcUrl) {
		String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
		int q = path.indexOf('?');
		return q < 0 ? path : path.substring(0, q);
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		long appPid = Long.parseLong(args[1]);
		Path run = Path.of(args[2]);
		boolean quick = args[3].equals("quick");
		String jdbcUrl = args[4];
		Path queries = args.length > 5 ? Path.of(args[5]) : null;
		double warmup = quick ? 3 : 10;
		double timed = quick ? 6 : 30;
		String prefix = "b" + Long.toString(System.currentTimeMillis(), 36);
		HttpClient client = Web.client();
		Web web = new Web(client, base);
		int applicants = LEVELS[LEVELS.length - 1];

		// Search first, on the application as it started: the open loop measures a query's latency at a stated rate,
		// not the backlog of derived work (notifications, audit chaining) that the submissions leave behind.
		// -Dbench.http.only=submissions or =pages: that part alone (for profiling it; bench/run runs every part)
		String only = System.getProperty("bench.http.only", "");
		boolean all = only.isEmpty();
		if (all) {
			searchOpenLoop(base, run, quick, queries);
		}

		System.out.println("[http] registering " + applicants + " applicants and " + PAGE_USERS + " officers");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<?>> work = new ArrayList<>();
		for (int i = 0; i < applicants; i++) {
			String email = prefix + "-a" + i + "@bench.example";
			work.add(pool.submit(() -> { web.register(email, PASSWORD, "HK_RESIDENT"); return null; }));
		}
		for (int i = 0; i < PAGE_USERS; i++) {
			String email = prefix + "-o" + i + "@bench.example";
			work.add(pool.submit(() -> { web.register(email, PASSWORD, "HK_RESIDENT"); return null; }));
		}
		for (Future<?> f : work) {
			f.get();
		}
		try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
			// Officers are staff accounts: an administrator would create them; here the registered accounts are promoted.
			int promoted = db.createStatement()
				.executeUpdate("update account set roles = 'OFFICER', department_code = 'hrss', applicant_type = null "
						+ "where username like '" + prefix + "-o%'");
			if (promoted != PAGE_USERS) {
				throw new IllegalStateException("promoted " + promoted + " officers");
			}
			// staff sign in with a second factor: the officers are enrolled with the bench's TOTP secret
			int enrolled = db.createStatement()
				.executeUpdate("insert into account_totp (account_id, secret, enrolled_at) select id, '" + Web.TOTP_SECRET
						+ "', current_timestamp from account where username like '" + prefix + "-o%'");
			if (enrolled != PAGE_USERS) {
				throw new IllegalStateException("enrolled " + enrolled + " officers");
			}
		}

		System.out.println("[http] signing in and uploading materials");
		List<Future<Web.Session>> signIns = new ArrayList<>();
		for (int i = 0; i < applicants; i++) {
			String email = prefix + "-a" + i + "@bench.example";
			signIns.add(pool.submit(() -> web.signIn(email, PASSWORD, "/applications")));
		}
		List<Future<Web.Session>> officerSignIns = new ArrayList<>();
		for (int i = 0; i < PAGE_USERS; i++) {
			String email = prefix + "-o" + i + "@bench.example";
			officerSignIns.add(pool.submit(() -> web.signIn(email, PASSWORD, "/work-queue")));
		}
		List<Web.Session> sessions = new ArrayList<>();
		for (Future<Web.Session> f : signIns) {
			sessions.add(f.get());
		}
		List<Web.Session> officers = new ArrayList<>();
		for (Future<Web.Session> f : officerSignIns) {
			officers.add(f.get());
		}
		if (only.equals("pages")) {
			pool.shutdown();
			pages(client, base, run, warmup, timed, appPid, jdbcUrl, officers);
			return;
		}
		List<String> materials = requiredMaterials(web, sessions.get(0));
		System.out.println("[http] materials the matter requires: " + materials);
		List<Future<String>> bodies = new ArrayList<>();
		for (Web.Session s : sessions) {
			bodies.add(pool.submit(() -> {
				Map<String, Long> docs = new LinkedHashMap<>();
				for (String m : materials) {
					docs.put(m, web.upload(s, PDF));
				}
				return body(docs);
			}));
		}
		List<String> bodyOf = new ArrayList<>();
		for (Future<String> f : bodies) {
			bodyOf.add(f.get());
		}
		pool.shutdown();
		long casesBefore = count(jdbcUrl, "select count(*) from casework_case");

		Part part = new Part(run, "submissions");
		part.put("submissionMatter", MATTER + " (5 items, " + materials.size() + " materials referenced)");
		part.put("submissionWarmupSeconds", warmup);
		part.put("submissionTimedSeconds", timed);
		ClosedLoop.Result best = null;
		long errors = 0;
		long receipts = 0;
		for (int level : LEVELS) {
			System.out.println("[http] submissions, " + level + " concurrent applicants");
			Profiler profiler = level == PROFILED_LEVEL ? new Profiler(jdbcUrl, database(jdbcUrl), appPid) : null;
			Cpu cpu = Cpu.start(appPid);
			long commitsBefore = transactions(jdbcUrl);
			long statementsBefore = statements(jdbcUrl);
			ClosedLoop.Result r = ClosedLoop.run(level, warmup, timed, u -> {
				Web.Session s = sessions.get(u);
				String body = bodyOf.get(u);
				return () -> {
					HttpResponse<String> response = client.send(
							web.postJson(s, "/api/v1/applications", body, UUID.randomUUID().toString()),
							HttpResponse.BodyHandlers.ofString());
					boolean ok = response.statusCode() == 201 && response.body().contains("receiptNumber");
					if (!ok) {
						System.err.println("[http] submission answered " + response.statusCode() + ": "
								+ response.body().substring(0, Math.min(300, response.body().length())));
					}
					return ok;
				};
			});
			if (profiler != null) {
				profiler.close();
				Part profile = new Part(run, "profile");
				profile.put("profile.level", level);
				profiler.report(profile, "profile.submissions.c" + level, 6);
				profile.save();
			}
			String key = "submission.c" + level + ".";
			// what one submission costs, over the loop (warm-up included): the application's CPU, the database's
			// transactions (commits and rollbacks of the application's database, whatever started them: the
			// request's own, its sessions, the background work it leaves), and statements when pg_stat_statements
			// is loaded
			long requests = Math.max(1, r.okAllPhases() + r.errors());
			part.put(key + "cpuMsPerSubmission", Part.round((Cpu.processCpuMs(appPid) - cpu.appMs()) / requests, 2));
			part.put(key + "commitsPerSubmission", Part.round((transactions(jdbcUrl) - commitsBefore) / (double) requests, 2));
			if (statementsBefore >= 0) {
				part.put(key + "roundTripsPerSubmission", Part.round((statements(jdbcUrl) - statementsBefore) / (double) requests, 1));
			}
			errors += r.errors();
			receipts += r.okAllPhases();
			part.put(key + "rps", Part.round(r.perSecond(), 1));
			part.put(key + "p50Ms", r.p50Ms());
			part.put(key + "p99Ms", r.p99Ms());
			part.put(key + "p999Ms", r.p999Ms());
			part.put(key + "maxMs", r.maxMs());
			part.put(key + "errors", r.errors());
			if (r.firstError() != null) {
				part.note("Submissions at " + level + ": first error " + r.firstError());
			}
			if (best == null || r.perSecond() > best.perSecond()) {
				best = r;
			}
			if (level == LEVELS[0]) {
				part.put("rssMbAfterWarmup", rssMb(appPid));
			}
		}
		// The derived work the peak left (#17): events waiting for their after-commit handlers (notifications,
		// supervision figures, feedback records, hand-overs) and audit records waiting to be chained, and how long
		// the workers take to catch up once the peak is over.
		String backlog = "select (select count(*) from event_log) + (select count(*) from audit_pending)";
		long left = count(jdbcUrl, backlog);
		part.put("backlogAfterPeak", left);
		Double drained = drain(jdbcUrl, backlog);
		part.put("backlogDrainSeconds", drained == null ? null : Part.round(drained, 1));
		if (drained == null) {
			part.note("Derived work still waiting 300 s after the peak: " + count(jdbcUrl, backlog) + " records");
		}
		// Submissions at a fixed rate (#17), once the peak's backlog is processed: each sent at its scheduled time
		// whatever the earlier ones are doing, latency from that time (so a stall is counted for every submission it
		// delays), 0 errors expected. The derived work of these submissions runs meanwhile, as it would in service.
		long closedLoopCases = count(jdbcUrl, "select count(*) from casework_case") - casesBefore;
		System.out.println("[http] submissions, open loop at " + Part.round(SUBMISSION_RATE, 0) + "/s");
		OpenLoop.Result open = OpenLoop.run(SUBMISSION_RATE, warmup, timed, 201, new OpenLoop.Request() {
			@Override
			public int send(int number) throws Exception {
				int u = number % sessions.size();
				return client.send(web.postJson(sessions.get(u), "/api/v1/applications", bodyOf.get(u),
						UUID.randomUUID().toString()), HttpResponse.BodyHandlers.discarding()).statusCode();
			}

			@Override
			public String describe(int number) {
				return "POST /api/v1/applications";
			}
		});
		put(part, "submissionOpenLoop", open);
		part.put("submissionOpenLoopRate", SUBMISSION_RATE);
		part.put("rssMbAfterPeak", rssMb(appPid));
		part.put("backlogAfterOpenLoop", count(jdbcUrl, backlog));
		Double drainedAgain = drain(jdbcUrl, backlog);
		part.put("backlogAfterOpenLoopDrainSeconds", drainedAgain == null ? null : Part.round(drainedAgain, 1));
		part.put("submissionsPerSecond", Part.round(best.perSecond(), 1));
		part.put("submissionConcurrency", best.users());
		part.put("submissionP50Ms", best.p50Ms());
		part.put("submissionP99Ms", best.p99Ms());
		part.put("submissionP999Ms", best.p999Ms());
		part.put("submissionErrors", errors);
		String bestKey = "submission.c" + best.users() + ".";
		for (String figure : List.of("cpuMsPerSubmission", "commitsPerSubmission", "roundTripsPerSubmission")) {
			String value = part.get(bestKey + figure);
			if (value != null) {
				part.put(figure, value);
			}
		}
		if (statements(jdbcUrl) < 0) {
			part.note("roundTripsPerSubmission: pg_stat_statements is not loaded on this server (shared_preload_libraries); "
					+ "the statements of one submission are counted by SubmissionRoundTripsIntegrationTests instead.");
		}
		long cases = closedLoopCases;
		part.put("submissionReceipts", receipts);
		part.put("submissionCasesInDatabase", cases);
		part.put("submissionReceiptsMatchCases", cases == receipts);
		if (cases != receipts) {
			part.note("Receipts returned (" + receipts + ") differ from the cases in the database (" + cases + ").");
		}
		part.save();
		if (all) {
			pages(client, base, run, warmup, timed, appPid, jdbcUrl, officers);
		}
	}

	/** The item guide page (one client, then 64 anonymous users) and the work queue page (64 signed-in officers). */
	private static void pages(HttpClient client, String base, Path run, double warmup, double timed, long appPid,
			String jdbcUrl, List<Web.Session> officers) throws Exception {
		Part pages = new Part(run, "pages");
		System.out.println("[http] item guide page, one anonymous client on its own (plain keep-alive socket)");
		List<RawHttp> oneClient = new ArrayList<>();
		ClosedLoop.Result alone = ClosedLoop.run(1, warmup, timed, u -> {
			RawHttp http = new RawHttp(base);
			oneClient.add(http);
			byte[] request = http.request(ITEM_GUIDE, null);
			return () -> http.exchange(request) == 200;
		});
		oneClient.forEach(RawHttp::close);
		pages.put("itemGuideRpsOneClient", Part.round(alone.perSecond(), 1));
		pages.put("itemGuideP50MsOneClient", alone.p50Ms());
		pages.put("itemGuideP99MsOneClient", alone.p99Ms());
		pages.put("itemGuideErrorsOneClient", alone.errors());
		if (alone.firstError() != null) {
			pages.note("Item guide, one client: first error " + alone.firstError());
		}
		System.out.println("[http] item guide page, " + PAGE_USERS + " anonymous users");
		Cpu guideCpu = Cpu.start(appPid);
		ClosedLoop.Result guide = ClosedLoop.run(PAGE_USERS, warmup, timed, u -> {
			Web.Session anonymous = new Web.Session();
			return () -> status(client, anonymous.request(base + ITEM_GUIDE).GET().build()) == 200;
		});
		guideCpu.put(pages, "itemGuide", guide.okAllPhases() + guide.errors());
		pages.put("itemGuideRps", Part.round(guide.perSecond(), 1));
		pages.put("itemGuideP50Ms", guide.p50Ms());
		pages.put("itemGuideP99Ms", guide.p99Ms());
		pages.put("itemGuideErrors", guide.errors());
		System.out.println("[http] work queue page, " + PAGE_USERS + " signed-in officers of hrss");
		Cpu queueCpu = Cpu.start(appPid);
		ClosedLoop.Result queue = ClosedLoop.run(PAGE_USERS, warmup, timed, u -> {
			Web.Session s = officers.get(u);
			return () -> status(client, s.request(base + "/work-queue").GET().build()) == 200;
		});
		queueCpu.put(pages, "workQueue", queue.okAllPhases() + queue.errors());
		pages.put("workQueueRps", Part.round(queue.perSecond(), 1));
		pages.put("workQueueP50Ms", queue.p50Ms());
		pages.put("workQueueP99Ms", queue.p99Ms());
		pages.put("workQueueErrors", queue.errors());
		pages.put("workQueueTasksInDepartment",
				count(jdbcUrl, "select count(*) from casework_task where department_code = 'hrss'"));
		pages.save();
	}

	/**
	 * Search over HTTP in an open loop at {@link #SEARCH_RATE} requests per second (after each query was sent five
	 * times one after the other, ten in full mode; quick: 5 s warm-up at the rate + 10 s timed; full: 10 s + 30 s), before the submissions, cycling through the labelled queries; then the same open loop on
	 * {@link #NOTHING_SEARCHED}. Anonymous, no cookies, plain keep-alive sockets ({@link RawHttp}).
	 */
	static void searchOpenLoop(String base, Path run, boolean quick, Path queries) throws Exception {
		Part part = new Part(run, "searchhttp");
		double warmup = quick ? 5 : 10;
		double timed = quick ? 10 : 30;
		List<String> targets = queries == null || !Files.isRegularFile(queries) ? List.of() : searchTargets(queries);
		if (targets.isEmpty()) {
			part.note("Search over HTTP in an open loop did not run: no queries (" + queries + ").");
			part.save();
			return;
		}
		part.put("searchHttpOpenLoopRate", SEARCH_RATE);
		part.put("searchHttpOpenLoopWarmupSeconds", warmup);
		part.put("searchHttpOpenLoopTimedSeconds", timed);
		part.put("searchHttpOpenLoopQueries", targets.size());
		System.out.println("[http] search, open loop at " + Part.round(SEARCH_RATE, 0) + "/s, " + targets.size()
				+ " labelled queries");
		// An application that has just started runs the search path interpreted: at a fixed rate its first seconds
		// build a queue that the timed window would inherit. Each query is first sent one after the other, five times
		// (full: ten; SearchBenchmark in-process warms up with two), then the open loop warms up at its rate and is timed.
		int passes = quick ? 5 : 10;
		try (RawHttp warm = new RawHttp(base)) {
			for (int pass = 0; pass < passes; pass++) {
				for (String target : targets) {
					warm.get(target);
				}
				warm.get(NOTHING_SEARCHED);
			}
		}
		part.put("searchHttpOpenLoopClosedWarmupRequests", passes * (targets.size() + 1));
		OpenLoop.Result search = OpenLoop.run(base, SEARCH_RATE, warmup, timed, targets);
		put(part, "searchHttpOpenLoop", search);
		part.put("searchHttpOpenLoopConnections", search.connections());
		part.put("searchHttpOpenLoopSendLagMaxMs", Part.round(search.sendLagMaxMs(), 3));
		System.out.println("[http] nothing searched (" + NOTHING_SEARCHED + "), open loop at "
				+ Part.round(SEARCH_RATE, 0) + "/s");
		OpenLoop.Result floor = OpenLoop.run(base, SEARCH_RATE, warmup, timed, List.of(NOTHING_SEARCHED));
		put(part, "searchHttpOpenLoopFloor", floor);
		part.save();
	}

	/** Seconds until the backlog query answers 0 (polled every 100 ms), or null after 300 s. */
	static Double drain(String jdbcUrl, String backlog) throws Exception {
		long start = System.nanoTime();
		long left = count(jdbcUrl, backlog);
		while (left > 0 && System.nanoTime() - start < 300_000_000_000L) {
			Thread.sleep(100);
			left = count(jdbcUrl, backlog);
		}
		return left > 0 ? null : (System.nanoTime() - start) / 1e9;
	}

	static void put(Part part, String prefix, OpenLoop.Result r) {
		part.put(prefix + "Sent", r.sent());
		part.put(prefix + "P50Ms", r.p50Ms());
		part.put(prefix + "P99Ms", r.p99Ms());
		part.put(prefix + "P999Ms", r.p999Ms());
		part.put(prefix + "MaxMs", r.maxMs());
		part.put(prefix + "Errors", r.errors());
		part.put(prefix + "WarmupErrors", r.warmupErrors());
		if (r.firstError() != null) {
			System.out.println("[http] " + prefix + ": first error " + r.firstError());
			part.note(prefix + ": first error " + r.firstError());
		}
	}

	/**
	 * The search requests of the labelled queries file ({@code query <TAB> item codes <TAB> kind}, lines
	 * starting with {@code #} are comments), in its order: {@code /api/v1/search?q=<query>&lang=<tag>}. The
	 * language: the third column when it names one ({@code hant}/{@code zh-Hant}, {@code hans}/{@code zh-Hans},
	 * {@code en}); otherwise as the application's search benchmark decides it: a query without Chinese
	 * characters is English, any other Traditional Chinese.
	 */
	static List<String> searchTargets(Path tsv) throws java.io.IOException {
		List<String> targets = new ArrayList<>();
		for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] columns = line.split("\t");
			String query = columns[0].trim();
			if (query.isEmpty()) {
				continue;
			}
			targets.add("/api/v1/search?q=" + Web.enc(query) + "&lang=" + language(query, columns.length > 2 ? columns[2] : ""));
		}
		return targets;
	}

	static String language(String query, String column) {
		switch (column.trim().toLowerCase(java.util.Locale.ROOT)) {
			case "hant", "zh-hant":
				return "zh-Hant";
			case "hans", "zh-hans":
				return "zh-Hans";
			case "en":
				return "en";
			default:
				return query.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
						? "zh-Hant" : "en";
		}
	}

	/**
	 * CPU time spent by the application's process and by this driver over a loop (warm-up included), per request:
	 * what a page costs the server whatever else ran on the machine, and how much of the two cores the driver took.
	 */
	record Cpu(long appPid, double appMs, double driverMs, long wallNanos) {

		static Cpu start(long appPid) throws Exception {
			return new Cpu(appPid, processCpuMs(appPid), driverCpuMs(), System.nanoTime());
		}

		void put(Part part, String prefix, long requests) throws Exception {
			double app = processCpuMs(appPid) - appMs;
			double driver = driverCpuMs() - driverMs;
			double wallMs = (System.nanoTime() - wallNanos) / 1e6;
			part.put(prefix + "AppCpuMsPerRequest", Part.round(app / Math.max(1, requests), 3));
			part.put(prefix + "DriverCpuMsPerRequest", Part.round(driver / Math.max(1, requests), 3));
			part.put(prefix + "AppCoresBusy", Part.round(app / wallMs, 2));
			part.put(prefix + "DriverCoresBusy", Part.round(driver / wallMs, 2));
		}

		/** utime + stime of a process from /proc/&lt;pid&gt;/stat (clock ticks of 10 ms). */
		static double processCpuMs(long pid) throws Exception {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
		}

		static double driverCpuMs() {
			return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(0.0);
		}

	}

	static int status(HttpClient client, HttpRequest request) throws Exception {
		return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** The matter's answers for a Hong Kong resident, with the given uploaded materials. */
	static String body(Map<String, Long> materials) {
		Map<String, String> answers = new LinkedHashMap<>();
		answers.put("shared.fullName", "陳大文 Chan Tai Man");
		answers.put("shared.mtpNumber", "H12345678");
		answers.put("shared.contactPhone", "+852 9123 4567");
		answers.put("shared.employerName", "河套科研有限公司");
		answers.put("shared.residentialAddress", "深圳市福田區河套深港科技創新合作區");
		answers.put("item.PSB-002.gender", "M");
		answers.put("item.PSB-002.birthDate", "1990-01-01");
		answers.put("item.GOV-004.jobTitle", "Research Fellow");
		answers.put("item.GOV-004.entryDate", "2026-01-05");
		answers.put("item.FIN-002.idDocumentNumber", "A123456(3)");
		answers.put("item.FIN-002.bankName", "BOC");
		answers.put("item.GOV-006.idDocumentNumber", "A123456(3)");
		answers.put("item.GOV-006.fiscalYear", "2025");
		answers.put("item.GOV-006.bankAccountNumber", "6222020200112233");
		String a = answers.entrySet()
			.stream()
			.map(e -> Report.quote(e.getKey()) + ":" + Report.quote(e.getValue()))
			.collect(Collectors.joining(","));
		String m = materials.entrySet()
			.stream()
			.map(e -> Report.quote(e.getKey()) + ":" + e.getValue())
			.collect(Collectors.joining(","));
		return "{\"matterCode\":\"" + MATTER + "\",\"answers\":{" + a + "},\"materials\":{" + m + "}}";
	}

	/** Asks the application which materials the matter requires: a submission without any answers 400. */
	static List<String> requiredMaterials(Web web, Web.Session s) throws Exception {
		HttpResponse<String> r = web.client.send(web.postJson(s, "/api/v1/applications", body(Map.of()), "probe-" + UUID.randomUUID()),
				HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 400) {
			throw new IllegalStateException("the probe without materials answered " + r.statusCode() + ": " + r.body());
		}
		Matcher m = Pattern.compile("\"material\\.([A-Z0-9_]+)\"").matcher(r.body());
		TreeSet<String> codes = new TreeSet<>();
		while (m.find()) {
			codes.add(m.group(1));
		}
		String others = r.body().replaceAll("\"material\\.[A-Z0-9_]+\"", "");
		if (others.contains("\"field\"") && others.matches("(?s).*\"field\"\\s*:\\s*\"(?:shared|item)\\..*")) {
			throw new IllegalStateException("the answers are incomplete: " + r.body());
		}
		if (codes.isEmpty()) {
			throw new IllegalStateException("no materials named in " + r.body());
		}
		return new ArrayList<>(codes);
	}

	/** Transactions ended (committed or rolled back) on the application's database so far. */
	static long transactions(String jdbcUrl) throws Exception {
		return count(jdbcUrl, "select xact_commit + xact_rollback from pg_stat_database where datname = '"
				+ database(jdbcUrl) + "'");
	}

	/** Statements executed on the application's database so far (pg_stat_statements), or -1 when not loaded. */
	static long statements(String jdbcUrl) {
		try {
			return count(jdbcUrl, "select coalesce(sum(calls), 0) from pg_stat_statements where dbid = "
					+ "(select oid from pg_database where datname = '" + database(jdbcUrl) + "')");
		}
		catch (Exception notLoaded) {
			return -1;
		}
	}

	static long count(String jdbcUrl, String sql) throws Exception {
		try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
				ResultSet rs = db.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Resident memory of a process in MB, from /proc/&lt;pid&gt;/status (VmRSS). */
	static long rssMb(long pid) throws Exception {
		for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
			}
		}
		return -1;
	}

}
