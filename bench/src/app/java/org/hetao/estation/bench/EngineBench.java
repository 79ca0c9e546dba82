package org.hetao.estation.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hetao.estation.EstationApplication;
import org.hetao.estation.casework.Applying;
import org.hetao.estation.casework.CaseChannel;
import org.hetao.estation.casework.CaseReading;
import org.hetao.estation.casework.CaseView;
import org.hetao.estation.casework.DeliveryMethod;
import org.hetao.estation.casework.TaskHandling;
import org.hetao.estation.casework.TaskStatus;
import org.hetao.estation.documents.Documents;
import org.hetao.estation.hall.internal.QueueTickets;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Language;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * In-process on PostgreSQL, the application's own Spring context (its own fresh database):
 * <ol>
 * <li>the casework engine through its public application services, the same four-step approval as the
 * Flowable run: submit a one-item case (FIN-004), the window accepts, the officer starts the review and
 * approves, the window delivers; each step its own transaction; 8 threads;</li>
 * <li>the hall: 8 concurrent callers each issuing a ticket and calling the next one
 * ({@code QueueTickets.issue} + {@code claimNext}, the conditional update that makes a call unique), then
 * the database is checked for a ticket called twice.</li>
 * </ol>
 *
 * <pre>java org.hetao.estation.bench.EngineBench jdbcUrl runDir quick|full storageDir</pre>
 */
public final class EngineBench {

	static final int THREADS = 8;

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static String jdbcUrl;

	public static void main(String[] args) throws Exception {
		jdbcUrl = args[0];
		Path run = Path.of(args[1]);
		boolean quick = args[2].equals("quick");
		Path storage = Path.of(args[3]);
		SpringApplication application = new SpringApplication(EstationApplication.class);
		application.setAdditionalProfiles("postgres");
		ConfigurableApplicationContext context = application.run("--server.port=0", "--spring.datasource.url=" + jdbcUrl,
				"--spring.datasource.username=postgres", "--spring.datasource.hikari.maximum-pool-size=" + (THREADS + 4),
				"--estation.storage.root=" + storage.resolve("documents"),
				"--estation.search.index-dir=" + storage.resolve("search-index"), "--logging.level.root=WARN",
				"--logging.level.org.hetao=WARN");
		try {
			awaitPlatform(context);
			casework(context, run, quick);
			hall(context, run, quick);
		}
		finally {
			context.close();
		}
	}

	/**
	 * Waits until the platform is fully ready (the health group {@code platform}: the search index built or kept), so
	 * that the measured steps do not share the machine with the work a start leaves for after readiness.
	 */
	static void awaitPlatform(ConfigurableApplicationContext context) throws Exception {
		String port = context.getEnvironment().getProperty("local.server.port");
		var client = java.net.http.HttpClient.newHttpClient();
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/actuator/health/platform"))
			.timeout(java.time.Duration.ofSeconds(10))
			.build();
		long start = System.nanoTime();
		while (System.nanoTime() - start < 180_000_000_000L) {
			try {
				if (client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					System.out.printf("[engine] platform fully ready after %.1f s%n", (System.nanoTime() - start) / 1e9);
					return;
				}
			}
			catch (java.io.IOException notYet) {
				// not answering yet
			}
			Thread.sleep(200);
		}
		System.out.println("[engine] the platform did not report fully ready within 180 s: measuring anyway");
	}

	static EstationUser account(ConfigurableApplicationContext context, String name, ApplicantType type, String department,
			Role role) {
		Accounts accounts = context.getBean(Accounts.class);
		String hash = context.getBean(PasswordEncoder.class).encode("bench-Password-2026!");
		String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
		long id = accounts.create(new Accounts.NewAccount(username, hash, "Bench " + name, username + "@bench.example",
				"+852 9123 4567", Language.EN, type, department, Set.of(role)));
		return accounts.findById(id).orElseThrow();
	}

	static void casework(ConfigurableApplicationContext context, Path run, boolean quick) throws Exception {
		Applying applying = context.getBean(Applying.class);
		CaseReading reading = context.getBean(CaseReading.class);
		TaskHandling handling = context.getBean(TaskHandling.class);
		Documents documents = context.getBean(Documents.class);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		List<EstationUser> applicants = new ArrayList<>();
		List<Long> documentOf = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			EstationUser a = account(context, "applicant", ApplicantType.HK_RESIDENT, null, Role.APPLICANT);
			applicants.add(a);
			documentOf.add(documents.upload(a.id(), "scan.pdf", PDF, "file").id());
		}
		EstationUser clerk = account(context, "clerk", null, null, Role.CLERK);
		EstationUser officer = account(context, "officer", null, "bank", Role.OFFICER);
		Map<String, String> answers = Map.of("item.FIN-004.fullName", "陳大文 Chan Tai Man", "item.FIN-004.mtpNumber",
				"H12345678", "item.FIN-004.contactPhone", "+852 9123 4567");
		long casesBefore = jdbc.sql("select count(*) from casework_case where status = 'COMPLETED'").query(Long.class).single();
		System.out.println("[engine] casework, " + THREADS + " threads");
		Profiler profiler = new Profiler(jdbcUrl, jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1), ProcessHandle.current().pid(),
				"\"user-");
		var cpuBefore = CpuMeter.snapshot();
		ClosedLoop.Result r = ClosedLoop.run(THREADS, quick ? 3 : 10, quick ? 8 : 30, u -> () -> {
			EstationUser applicant = applicants.get(u);
			StepCpu cpu = new StepCpu();
			Applying.Receipt receipt = applying.submit(applicant,
					new Applying.Request("FIN-004", null, answers, Map.of("MTP_COPY", documentOf.get(u))),
					UUID.randomUUID().toString());
			cpu.step(0);
			long taskId = reading.view(applicant, receipt.caseId()).tasks().get(0).id();
			cpu.step(1);
			handling.accept(clerk, taskId, null, CaseChannel.WINDOW);
			cpu.step(2);
			handling.startReview(officer, taskId, null, CaseChannel.ONLINE);
			cpu.step(3);
			handling.approve(officer, taskId, null, Map.of(), CaseChannel.ONLINE);
			cpu.step(4);
			CaseView done = handling.deliver(clerk, taskId, null, DeliveryMethod.ELECTRONIC, CaseChannel.WINDOW);
			cpu.step(5);
			return done.tasks().get(0).status() == TaskStatus.DELIVERED;
		});
		profiler.close();
		// the derived work the cases left (events, audit chaining, e-certificates) is part of their cost: wait for it
		long drainStart = System.nanoTime();
		while (System.nanoTime() - drainStart < 60_000_000_000L && jdbc.sql("""
				select (select count(*) from event_log) + (select count(*) from audit_pending)
				    + (select count(*) from casework_task t where t.status = 'DELIVERED'
				       and not exists (select 1 from certificate c where c.task_id = t.id))""").query(Long.class).single() > 0) {
			Thread.sleep(100);
		}
		double drained = (System.nanoTime() - drainStart) / 1e9;
		var cpuAfter = CpuMeter.snapshot();
		Part profile = new Part(run, "profile-engine");
		profiler.report(profile, "profile.casework.threads8", 5);
		profile.save();
		long completed = jdbc.sql("select count(*) from casework_case where status = 'COMPLETED'").query(Long.class).single()
				- casesBefore;
		Part part = new Part(run, "casework");
		part.put("casesPerSecondOurs", Part.round(r.perSecond(), 1));
		part.put("casesInstanceP99Ms", r.p99Ms());
		part.put("casesErrors", r.errors());
		part.put("casesCompletedInDatabase", completed);
		part.put("casesCpuMsByStep", StepCpu.report());
		part.put("casesDerivedDrainSeconds", Part.round(drained, 1));
		part.put("casesCpuMsPerCase", CpuMeter.perUnit(cpuBefore, cpuAfter, Math.max(1, completed)));
		part.put("casesSetup", THREADS + " threads in-process on PostgreSQL: submit FIN-004 + accept + start review + approve + deliver, one transaction each");
		if (r.firstError() != null) {
			part.note("Casework engine: first error " + r.firstError());
		}
		part.save();
	}

	/** CPU of the calling thread in each step of a case, summed over all cases (the timed part and the warm-up). */
	static final class StepCpu {

		static final String[] NAMES = { "submit", "view", "accept", "startReview", "approve", "deliver" };

		static final java.util.concurrent.atomic.LongAdder[] NANOS = new java.util.concurrent.atomic.LongAdder[NAMES.length];

		static final java.util.concurrent.atomic.LongAdder CASES = new java.util.concurrent.atomic.LongAdder();

		static {
			for (int i = 0; i < NAMES.length; i++) {
				NANOS[i] = new java.util.concurrent.atomic.LongAdder();
			}
		}

		private long last = now();

		private static long now() {
			return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
		}

		void step(int i) {
			long t = now();
			NANOS[i].add(t - last);
			last = t;
			if (i == NAMES.length - 1) {
				CASES.increment();
			}
		}

		static String report() {
			long cases = Math.max(1, CASES.sum());
			StringBuilder s = new StringBuilder("ms of the calling thread per case:");
			for (int i = 0; i < NAMES.length; i++) {
				s.append(String.format(" %s %.2f;", NAMES[i], NANOS[i].sum() / 1e6 / cases));
			}
			return s.toString();
		}

	}

	static void hall(ConfigurableApplicationContext context, Path run, boolean quick) throws Exception {
		QueueTickets tickets = context.getBean(QueueTickets.class);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		// The kiosk's own entry point (today's hall day); the engine's database is fresh, so no other ticket is seen.
		LocalDate day = tickets.today();
		System.out.println("[engine] hall, " + THREADS + " concurrent callers on " + day);
		Profiler profiler = new Profiler(jdbcUrl, jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1), ProcessHandle.current().pid(),
				"\"user-");
		ClosedLoop.Result r = ClosedLoop.run(THREADS, quick ? 2 : 5, quick ? 6 : 20, u -> () -> {
			tickets.issue("D", null, null);
			// Another caller may have taken this round's ticket first: then this caller finds none, which is right.
			tickets.claimNext(day, "5", 900_000L + u);
			return true;
		});
		profiler.close();
		Part profile = new Part(run, "profile-hall");
		profiler.report(profile, "profile.hall.threads8", 5);
		profile.save();
		while (tickets.claimNext(day, "5", 900_000L).isPresent()) {
			// call whatever is still waiting, so that every ticket issued is called once
		}
		long issued = jdbc.sql("select count(*) from hall_ticket where hall_date = ?").param(day).query(Long.class).single();
		long calls = jdbc.sql("select count(*) from hall_ticket_call where hall_date = ? and recall = false").param(day)
			.query(Long.class).single();
		long duplicates = jdbc.sql("""
				select count(*) from (select ticket_id from hall_ticket_call where hall_date = ? and recall = false
				group by ticket_id having count(*) > 1) d""").param(day).query(Long.class).single();
		long duplicateNumbers = jdbc.sql("""
				select count(*) from (select display_number from hall_ticket where hall_date = ?
				group by display_number having count(*) > 1) d""").param(day).query(Long.class).single();
		Part part = new Part(run, "hall");
		part.put("ticketsPerSecond", Part.round(r.perSecond(), 1));
		part.put("ticketP99Ms", r.p99Ms());
		part.put("ticketsIssued", issued);
		part.put("ticketsCalled", calls);
		if (issued != calls) {
			part.note("Hall: " + issued + " tickets issued but " + calls + " calls recorded");
		}
		part.put("ticketDuplicates", duplicates + duplicateNumbers);
		part.put("ticketSetup", THREADS + " callers in-process (QueueTickets, the kiosk and counter services): a round issues a ticket and calls the next; rounds/s");
		if (r.errors() > 0) {
			part.note("Hall: " + r.errors() + " rounds failed; first " + r.firstError());
		}
		part.save();
	}

}
