package org.hetao.estation.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;

class WebTests {

	static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	@Test
	void theSessionKeepsEveryCookieByNameAndSendsThemAllInOneHeader() {
		Web.Session s = new Web.Session();
		assertNull(s.cookieHeader());
		s.take(List.of("SESSION=abc; Path=/; Secure; HttpOnly; SameSite=Lax",
				"XSRF-TOKEN=t1; Path=/; Secure; SameSite=Lax", "lang=en"), NOW);
		assertEquals("SESSION=abc; XSRF-TOKEN=t1; lang=en", s.cookieHeader());
		assertEquals("SESSION=abc; XSRF-TOKEN=t1; lang=en", s.request("http://localhost/").build().headers()
			.firstValue("Cookie").orElseThrow());
		// replaced by name
		s.take(List.of("XSRF-TOKEN=t2; Path=/"), NOW);
		assertEquals("t2", s.cookie("XSRF-TOKEN"));
		assertEquals("SESSION=abc; XSRF-TOKEN=t2; lang=en", s.cookieHeader());
		// dropped: Max-Age=0 (Spring's CookieCsrfTokenRepository on sign-in), an expiry in the past
		s.take(List.of("XSRF-TOKEN=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:10 GMT; Path=/"), NOW);
		s.take(List.of("lang=en; Expires=Thu, 27-Nov-2026 10:00:00 GMT"), NOW);
		assertEquals("SESSION=abc", s.cookieHeader());
		// Max-Age wins over Expires; a future expiry keeps the cookie
		s.take(List.of("a=1; Max-Age=3600; Expires=Thu, 01 Jan 1970 00:00:10 GMT",
				"b=2; Expires=Fri, 27 Nov 2026 10:00:00 GMT; Max-Age=-1", "c=3; Expires=Sat, 28 Nov 2026 11:00:00 GMT"), NOW);
		assertEquals("SESSION=abc; a=1; c=3", s.cookieHeader());
		s.take(List.of("SESSION=; Max-Age=0", "a=1; max-age=0", "c=3; expires=Thu, 01 Jan 1970 00:00:00 GMT"), NOW);
		assertNull(s.cookieHeader());
		assertNull(s.request("http://localhost/").build().headers().firstValue("Cookie").orElse(null));
	}

	/**
	 * Registration and sign-in against a stand-in for the application that keeps the CSRF token in an
	 * {@code XSRF-TOKEN} cookie and sets no {@code SESSION} cookie before sign-in.
	 */
	@Test
	void registersAndSignsInWhenTheCsrfTokenIsKeptInACookie() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		Map<String, String> tokens = new ConcurrentHashMap<>();
		server.createContext("/", exchange -> {
			String path = exchange.getRequestURI().getPath();
			String cookies = String.valueOf(exchange.getRequestHeaders().getFirst("Cookie"));
			String method = exchange.getRequestMethod();
			if (method.equals("GET") && (path.equals("/register") || path.equals("/login"))) {
				exchange.getResponseHeaders().add("Set-Cookie", "XSRF-TOKEN=raw1; Path=/; Secure");
				page(exchange, 200, "<form><input type=\"hidden\" name=\"_csrf\" value=\"masked1\"/></form>");
			}
			else if (method.equals("POST") && (path.equals("/register") || path.equals("/login"))) {
				String form = URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
						StandardCharsets.UTF_8);
				boolean ok = cookies.equals("XSRF-TOKEN=raw1") && form.contains("_csrf=masked1");
				tokens.put(path, cookies + " " + ok);
				if (ok && path.equals("/login")) {
					exchange.getResponseHeaders().add("Set-Cookie", "XSRF-TOKEN=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:10 GMT; Path=/");
					exchange.getResponseHeaders().add("Set-Cookie", "SESSION=s1; Path=/; Secure; HttpOnly");
				}
				exchange.getResponseHeaders().add("Location", ok ? "/" : path + "?error");
				page(exchange, ok ? 302 : 403, "");
			}
			else if (path.equals("/account/mfa")) {
				exchange.getResponseHeaders().add("Location", "/");
				page(exchange, 302, "");
			}
			else if (path.equals("/applications") && cookies.equals("SESSION=s1")) {
				exchange.getResponseHeaders().add("Set-Cookie", "XSRF-TOKEN=raw2; Path=/; Secure");
				page(exchange, 200, "<meta name=\"_csrf\" content=\"masked2\">\n"
						+ "<meta name=\"_csrf_header\" content=\"X-XSRF-TOKEN\">");
			}
			else {
				page(exchange, 404, "");
			}
		});
		server.start();
		try {
			Web web = new Web(Web.client(), "http://127.0.0.1:" + server.getAddress().getPort());
			web.register("a@bench.example", "pw", "HK_RESIDENT");
			Web.Session s = web.signIn("a@bench.example", "pw", "/applications");
			assertEquals("XSRF-TOKEN=raw1 true", tokens.get("/register"));
			assertEquals("XSRF-TOKEN=raw1 true", tokens.get("/login"));
			assertEquals("SESSION=s1; XSRF-TOKEN=raw2", s.cookieHeader());
			assertEquals("masked2", s.csrf);
			assertEquals("X-XSRF-TOKEN", s.csrfHeader);
			assertEquals("masked2", web.postJson(s, "/api/v1/applications", "{}", "k").headers()
				.firstValue("X-XSRF-TOKEN").orElseThrow());
		}
		finally {
			server.stop(0);
		}
	}

	static void page(HttpExchange exchange, int status, String html) throws IOException {
		byte[] body = html.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
