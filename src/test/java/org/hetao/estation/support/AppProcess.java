package org.hetao.estation.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application started as a separate JVM with this test JVM's class path, on a PostgreSQL database,
 * with the demo accounts (password {@link #PASSWORD}) and its own index and storage under
 * {@code target/faults/<name>}; output in {@code target/faults/<name>.log}. {@link #kill()} is SIGKILL.
 */
public final class AppProcess implements AutoCloseable {

	public static final String PASSWORD = "test-Password-2026";

	private static final List<AppProcess> RUNNING = new ArrayList<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			synchronized (RUNNING) {
				RUNNING.forEach(p -> p.process.destroyForcibly());
			}
		}));
	}

	private final String name;

	private final int port;

	private final Process process;

	private final Path log;

	private AppProcess(String name, int port, Process process, Path log) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts the application on the database and waits until {@code /actuator/health} is UP. Uses the
	 * production profile {@code postgres} plus the demo accounts (only the embedded default creates them
	 * otherwise), so that the test signs in through the real form with known accounts.
	 */
	public static AppProcess start(String name, String jdbcUrl, String... extraArgs) {
		int port = freePort();
		Path dir = Path.of("target", "faults", name);
		Path log = Path.of("target", "faults", name + ".log");
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				"org.hetao.estation.EstationApplication", "--server.port=" + port, "--spring.profiles.active=postgres",
				"--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + PgDatabases.user(),
				"--spring.datasource.password=" + PgDatabases.password(), "--estation.demo.enabled=true",
				"--estation.demo.password=" + PASSWORD, "--server.servlet.session.cookie.secure=false",
				"--estation.storage.root=" + dir.resolve("storage").toAbsolutePath(),
				"--estation.search.index-dir=" + dir.resolve("index").toAbsolutePath(),
				"--estation.rate-limit.sign-in-per-minute=100000", "--estation.rate-limit.register-per-minute=100000",
				"--estation.rate-limit.submit-per-minute=100000", "--estation.rate-limit.kiosk-per-minute=100000",
				"--estation.notification.dispatch-delay=PT1H", "--spring.thymeleaf.cache=true",
				// the postgres profile refuses to start without encryption keys: the test profile's test-only keys
				"--estation.crypto.keys.test1=mipAvGTIthQ9wOCVhshtfO1OOf80PEgQ1W5nmVasCGM=", "--estation.crypto.active-key=test1",
				"--estation.crypto.blind-index-key=Gibue70YWWEUd7QuFRDpnEOnsVWMSS9Meez74Cyivrg=",
				"--estation.certificates.keystore=" + dir.resolve("signing.p12").toAbsolutePath()));
		command.addAll(List.of(extraArgs));
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		AppProcess app = new AppProcess(name, port, process, log);
		synchronized (RUNNING) {
			RUNNING.add(app);
		}
		app.awaitHealthy(Duration.ofMinutes(4));
		return app;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	public long pid() {
		return process.pid();
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	public Path log() {
		return log;
	}

	/** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux); returns the exit code (137 = 128 + 9). */
	public int kill() {
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException(name + " did not die");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		forget();
		return process.exitValue();
	}

	@Override
	public void close() {
		if (process.isAlive()) {
			kill();
		}
		forget();
	}

	private void forget() {
		synchronized (RUNNING) {
			RUNNING.remove(this);
		}
	}

	/** Status code of GET /actuator/health (200 UP, 503 DOWN), or -1 when nothing answers. */
	public int health() {
		try {
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"UP\"") ? 200 : response.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private void awaitHealthy(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
			}
			if (health() == 200) {
				return;
			}
			sleep(500);
		}
		close();
		throw new IllegalStateException(name + " not healthy after " + timeout + ":\n" + tail());
	}

	public String tail() {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
