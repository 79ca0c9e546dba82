package org.hetao.estation.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Drives the submission yardstick ({@code org.hetao.baresubmit.BareSubmissions}) with the driver and the body of
 * the platform's submissions ({@link HttpBench}), at the concurrency where the platform did best in the same run
 * (and at the others, for the table): {@code bareSubmissionsPerSecond} and {@code submissionsToBareRatio}.
 *
 * <pre>java org.hetao.estation.bench.BareBench baseUrl runDir quick|full</pre>
 */
public final class BareBench {

	static HttpRequest request(String base, String body) {
		return HttpRequest.newBuilder(URI.create(base + "/bare/applications"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		Path run = Path.of(args[1]);
		boolean quick = args[2].equals("quick");
		double warmup = quick ? 3 : 10;
		double timed = quick ? 6 : 30;
		Properties ours = new Properties();
		Path submissions = run.resolve("parts").resolve("submissions.properties");
		if (Files.exists(submissions)) {
			try (var in = Files.newBufferedReader(submissions)) {
				ours.load(in);
			}
		}
		int concurrency = Integer.parseInt(ours.getProperty("submissionConcurrency", "32"));
		HttpClient client = Web.client();
		Map<String, Long> materials = new LinkedHashMap<>();
		materials.put("MTP_COPY", 1L);
		materials.put("EMPLOYMENT_CONTRACT", 2L);
		materials.put("PHOTO", 3L);
		String body = HttpBench.body(materials);
		Part part = new Part(run, "bare-submissions");
		ClosedLoop.Result atOurs = null;
		ClosedLoop.Result best = null;
		for (int level : HttpBench.LEVELS) {
			System.out.println("[bare] submissions, " + level + " concurrent clients");
			ClosedLoop.Result r = ClosedLoop.run(level, warmup, timed, u -> () -> {
				HttpResponse<String> response = client.send(request(base, body), HttpResponse.BodyHandlers.ofString());
				return response.statusCode() == 201 && response.body().contains("receiptNumber");
			});
			part.put("bareSubmission.c" + level + ".rps", Part.round(r.perSecond(), 1));
			part.put("bareSubmission.c" + level + ".p99Ms", r.p99Ms());
			part.put("bareSubmission.c" + level + ".errors", r.errors());
			if (r.firstError() != null) {
				part.note("Bare submissions at " + level + ": first error " + r.firstError());
			}
			if (level == concurrency) {
				atOurs = r;
			}
			if (best == null || r.perSecond() > best.perSecond()) {
				best = r;
			}
		}
		// the same open loop as the platform's submissions: what a fixed 200/s costs the bare endpoint on this machine
		System.out.println("[bare] submissions, open loop at " + Part.round(HttpBench.SUBMISSION_RATE, 0) + "/s");
		OpenLoop.Result open = OpenLoop.run(HttpBench.SUBMISSION_RATE, warmup, timed, 201, new OpenLoop.Request() {
			@Override
			public int send(int number) throws Exception {
				return client.send(request(base, body), HttpResponse.BodyHandlers.discarding()).statusCode();
			}

			@Override
			public String describe(int number) {
				return "POST /bare/applications";
			}
		});
		HttpBench.put(part, "bareSubmissionOpenLoop", open);
		ClosedLoop.Result headline = atOurs != null ? atOurs : best;
		part.put("bareSubmissionsPerSecond", Part.round(headline.perSecond(), 1));
		part.put("bareSubmissionConcurrency", headline.users());
		part.put("bareSubmissionsBestPerSecond", Part.round(best.perSecond(), 1));
		part.put("bareSubmissionsBestConcurrency", best.users());
		part.save();
	}

}
