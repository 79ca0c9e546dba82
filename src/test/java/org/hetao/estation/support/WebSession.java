package org.hetao.estation.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like client: one cookie jar (the {@code SESSION} cookie), signed in through the real form with
 * its CSRF token, sending the session's CSRF token on API calls like the pages' htmx does. The cookie jar is
 * shared by every node it talks to (they differ only by port), so requests may go to any node.
 */
public final class WebSession {

	private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client;

	private volatile String csrf;

	public WebSession() {
		CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		this.client = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public record Response(int status, String body, java.net.http.HttpHeaders headers) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

	}

	/** Signs in on this node through /login; then fetches the session's CSRF token from a page. */
	public WebSession signIn(String baseUrl, String username, String password) throws IOException, InterruptedException {
		Response login = get(baseUrl, "/login");
		if (login.status() != 200) {
			throw new IllegalStateException("GET /login: " + login.status());
		}
		Matcher m = HIDDEN_CSRF.matcher(login.body());
		if (!m.find()) {
			throw new IllegalStateException("No CSRF token on /login");
		}
		String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
		HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = r.headers().firstValue("Location").orElse("");
		if (r.statusCode() != 302 || location.contains("error") || location.contains("locked")) {
			throw new IllegalStateException("Sign-in of " + username + " failed: " + r.statusCode() + " " + location);
		}
		secondFactor(baseUrl, username);
		refreshCsrf(baseUrl);
		return this;
	}

	/**
	 * Staff type the demo accounts' TOTP code (the code page answers 200 only while one is due). Each code is
	 * accepted once per account, so a second sign-in of the same account within its 30 seconds uses the next
	 * step's code, which the platform accepts as clock skew.
	 */
	private void secondFactor(String baseUrl, String username) throws IOException, InterruptedException {
		Response page = get(baseUrl, "/account/mfa");
		if (page.status() != 200) {
			return;
		}
		Matcher m = HIDDEN_CSRF.matcher(page.body());
		if (!m.find()) {
			throw new IllegalStateException("No CSRF token on /account/mfa");
		}
		String token = m.group(1);
		java.time.Instant now = java.time.Instant.now();
		for (java.time.Instant at : java.util.List.of(now, now.plusSeconds(30))) {
			String code = org.hetao.estation.identity.Totp.code(StaffSignIn.DEMO_TOTP_SECRET, at);
			HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/account/mfa"))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("code=" + code + "&_csrf=" + enc(token)))
				.build(), HttpResponse.BodyHandlers.ofString());
			String next = r.headers().firstValue("Location").orElse("");
			if (r.statusCode() == 302 && !next.contains("/account/mfa") && !next.contains("/login")) {
				return;
			}
		}
		throw new IllegalStateException("Second factor of " + username + " refused");
	}

	/** Reads the CSRF token from the home page's meta tag (it belongs to the session, so any node accepts it). */
	public void refreshCsrf(String baseUrl) throws IOException, InterruptedException {
		Response home = get(baseUrl, "/");
		Matcher meta = META_CSRF.matcher(home.body());
		if (!meta.find()) {
			throw new IllegalStateException("No CSRF meta tag on / (" + home.status() + ")");
		}
		csrf = meta.group(1);
	}

	public Response get(String baseUrl, String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().header("Accept", "application/json, text/html"));
	}

	public Response getPage(String baseUrl, String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().header("Accept", "text/html"));
	}

	public Response postJson(String baseUrl, String path, Object body, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			b.header(headers[i], headers[i + 1]);
		}
		return send(withCsrf(b));
	}

	public Response postForm(String baseUrl, String path, String form) throws IOException, InterruptedException {
		return send(withCsrf(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form + (form.isEmpty() ? "" : "&") + "_csrf=" + enc(csrf)))));
	}

	/** POST /api/v1/documents with a small PDF; returns the document id. */
	public long uploadPdf(String baseUrl) throws IOException, InterruptedException {
		String boundary = "----fault" + UUID.randomUUID();
		byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		out.write(pdf);
		out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		Response r = send(withCsrf(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/documents"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))));
		if (r.status() != 201 && r.status() != 200) {
			throw new IllegalStateException("upload: " + r.status() + " " + r.body());
		}
		return r.json().get("id").asLong();
	}

	/** A multipart POST: each part is {name, filename or null, content type, bytes}. */
	public Response postMultipart(String baseUrl, String path, List<Object[]> parts) throws IOException, InterruptedException {
		String boundary = "----fault" + UUID.randomUUID();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Object[] part : parts) {
			out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part[0] + "\""
					+ (part[1] == null ? "" : "; filename=\"" + part[1] + "\"") + "\r\nContent-Type: " + part[2] + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			out.write((byte[]) part[3]);
			out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return send(withCsrf(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))));
	}

	private HttpRequest.Builder withCsrf(HttpRequest.Builder b) {
		if (csrf != null) {
			b.header("X-CSRF-TOKEN", csrf);
		}
		return b;
	}

	private Response send(HttpRequest.Builder builder) throws IOException, InterruptedException {
		HttpResponse<String> r = client.send(builder.timeout(Duration.ofSeconds(60)).header("Accept-Language", "en").build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Response(r.statusCode(), r.body(), r.headers());
	}

	public static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
