package org.hetao.estation.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenLoopTests {

	@TempDir
	Path dir;

	/**
	 * Every answer takes 40 ms, at 200 requests a second: a closed loop of one would send 25 a second; the open
	 * loop sends all 200 on time (on several connections) and every latency is at least the 40 ms.
	 */
	@Test
	void sendsEveryRequestWhenDueWhateverTheEarlierOnesAreDoing() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		AtomicInteger served = new AtomicInteger();
		server.createContext("/slow", exchange -> {
			try {
				Thread.sleep(40);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			served.incrementAndGet();
			byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		ExecutorService executor = Executors.newCachedThreadPool();
		server.setExecutor(executor);
		server.start();
		try {
			OpenLoop.Result r = OpenLoop.run("http://127.0.0.1:" + server.getAddress().getPort(), 200, 0.25, 1,
					List.of("/slow?a", "/slow?b"));
			assertEquals(200, r.sent(), "the requests due in the timed second");
			assertEquals(200, r.ok());
			assertEquals(0, r.errors());
			assertEquals(0, r.warmupErrors());
			assertNull(r.firstError());
			assertEquals(250, served.get(), "warm-up and timed requests all sent");
			assertTrue(r.p50Ms() >= 40, "latency includes the answer's 40 ms: " + r);
			assertTrue(r.connections() >= 4, "a slow answer does not hold back the next request: " + r);
		}
		finally {
			server.stop(0);
			executor.shutdownNow();
		}
	}

	@Test
	void countsAnswersOtherThan200AsErrors() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/ok") ? 200 : 500, -1);
			exchange.close();
		});
		ExecutorService executor = Executors.newCachedThreadPool();
		server.setExecutor(executor);
		server.start();
		try {
			OpenLoop.Result r = OpenLoop.run("http://127.0.0.1:" + server.getAddress().getPort(), 100, 0.1, 0.5,
					List.of("/ok", "/fails"));
			assertEquals(50, r.sent());
			assertEquals(25, r.ok());
			assertEquals(25, r.errors());
			assertTrue(r.firstError().contains("answered 500 to GET /fails"), r.firstError());
		}
		finally {
			server.stop(0);
			executor.shutdownNow();
		}
	}

	@Test
	void readsTheLabelledQueriesWithTheirLanguage() throws Exception {
		Path tsv = dir.resolve("queries.tsv");
		Files.writeString(tsv, """
				# Labelled search queries: query <TAB> item codes <TAB> kind of query.
				回鄉證	PSB-006,PSB-008	colloquial
				回乡证 换证	PSB-006	hans
				home return permit renewal	PSB-006	en
				港澳通行證	PSB-015	hant
				custms declaraton	CUS-011	typo
				CEPA 零關稅	CUS-014	mixed
				two-way permit	PSB-015

				""", StandardCharsets.UTF_8);
		List<String> targets = HttpBench.searchTargets(tsv);
		assertEquals(List.of("/api/v1/search?q=%E5%9B%9E%E9%84%89%E8%AD%89&lang=zh-Hant",
				"/api/v1/search?q=%E5%9B%9E%E4%B9%A1%E8%AF%81+%E6%8D%A2%E8%AF%81&lang=zh-Hans",
				"/api/v1/search?q=home+return+permit+renewal&lang=en",
				"/api/v1/search?q=%E6%B8%AF%E6%BE%B3%E9%80%9A%E8%A1%8C%E8%AD%89&lang=zh-Hant",
				"/api/v1/search?q=custms+declaraton&lang=en", "/api/v1/search?q=CEPA+%E9%9B%B6%E9%97%9C%E7%A8%85&lang=zh-Hant",
				"/api/v1/search?q=two-way+permit&lang=en"), targets);
	}

	@Test
	void readsTheRealQueriesFileWhenThere() throws Exception {
		Path real = Path.of("../src/test/resources/search/queries.tsv");
		if (Files.exists(real)) {
			List<String> targets = HttpBench.searchTargets(real);
			assertTrue(targets.size() > 200, "" + targets.size());
			assertTrue(targets.stream().allMatch(t -> t.matches("/api/v1/search\\?q=[A-Za-z0-9%+*._-]+&lang=(zh-Hant|zh-Hans|en)")),
					targets.toString());
		}
	}

}
