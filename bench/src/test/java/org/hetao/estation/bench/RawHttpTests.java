package org.hetao.estation.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RawHttpTests {

	static final byte[] LONG_BODY = "0123456789abcdef".repeat(10_000).getBytes(StandardCharsets.US_ASCII);

	HttpServer server;

	ExecutorService executor;

	String base;

	final List<String> seen = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/length", exchange -> {
			seen.add(exchange.getRequestURI().toString() + " " + exchange.getRequestHeaders().getFirst("Host"));
			byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length); // Content-Length
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.createContext("/chunked", exchange -> {
			exchange.sendResponseHeaders(200, 0); // Transfer-Encoding: chunked
			try (OutputStream out = exchange.getResponseBody()) {
				for (int i = 0; i < LONG_BODY.length; i += 7_000) {
					out.write(LONG_BODY, i, Math.min(7_000, LONG_BODY.length - i));
					out.flush();
				}
			}
		});
		server.createContext("/empty", exchange -> {
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.createContext("/missing", exchange -> {
			byte[] body = "not here".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(404, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		executor = Executors.newFixedThreadPool(4);
		server.setExecutor(executor);
		server.start();
		base = "http://127.0.0.1:" + server.getAddress().getPort();
	}

	@AfterEach
	void stop() {
		server.stop(0);
		executor.shutdownNow();
	}

	@Test
	void readsContentLengthAndChunkedAnswersOnOneKeptAliveConnection() throws Exception {
		try (RawHttp http = new RawHttp(base)) {
			for (int i = 0; i < 5; i++) {
				assertEquals(200, http.get("/length?i=" + i));
				assertEquals(11, http.lastBodyBytes());
				assertEquals(200, http.get("/chunked"));
				assertEquals(LONG_BODY.length, http.lastBodyBytes());
				assertEquals(204, http.get("/empty"));
				assertEquals(0, http.lastBodyBytes());
				assertEquals(404, http.get("/missing"));
				assertEquals(8, http.lastBodyBytes());
			}
			assertEquals(1, http.connects(), "every answer was read whole, so the connection stayed usable");
		}
		assertEquals("/length?i=0 127.0.0.1:" + server.getAddress().getPort(), seen.get(0));
	}

	@Test
	void precomputedRequestsCarryTheirHeaders() throws Exception {
		try (RawHttp http = new RawHttp(base)) {
			byte[] request = http.request("/length?q=%E5%9B%9E", "X-Bench: yes\r\n");
			String text = new String(request, StandardCharsets.ISO_8859_1);
			assertTrue(text.startsWith("GET /length?q=%E5%9B%9E HTTP/1.1\r\nHost: 127.0.0.1:"), text);
			assertTrue(text.endsWith("X-Bench: yes\r\n\r\n"), text);
			assertEquals(200, http.exchange(request));
			assertEquals(200, http.exchange(request));
		}
	}

	/** A server that answers one request per connection and then closes it without saying so. */
	@Test
	void sendsAGetAgainWhenTheServerHadClosedTheKeptAliveConnection() throws Exception {
		try (ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
			Thread t = new Thread(() -> {
				while (!listener.isClosed()) {
					try (Socket s = listener.accept()) {
						InputStream in = s.getInputStream();
						int last = 0;
						int c;
						// up to the end of the request's headers
						while ((c = in.read()) >= 0) {
							last = (last << 8) | c;
							if (last == 0x0d0a0d0a) {
								break;
							}
						}
						s.getOutputStream()
							.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
						s.getOutputStream().flush();
						Thread.sleep(50);
					}
					catch (IOException | InterruptedException ex) {
						return;
					}
				}
			});
			t.setDaemon(true);
			t.start();
			try (RawHttp http = new RawHttp("http://127.0.0.1:" + listener.getLocalPort())) {
				assertEquals(200, http.get("/a"));
				Thread.sleep(200); // the server has closed the first connection
				assertEquals(200, http.get("/b"));
				assertEquals(2, http.connects());
			}
		}
	}

	@Test
	void aClosedPortIsAnError() throws Exception {
		int port;
		try (ServerSocket s = new ServerSocket(0)) {
			port = s.getLocalPort();
		}
		try (RawHttp http = new RawHttp("http://127.0.0.1:" + port)) {
			assertThrows(IOException.class, () -> http.get("/"));
		}
	}

}
