package org.hetao.estation.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like client of the application as production runs it: the {@code SESSION} cookie (handled by
 * hand, so the production cookie settings — Secure included — stay as they are over plain local HTTP), the
 * form sign-in with its CSRF token, and the CSRF header on API calls made with the session.
 */
public final class Web {

	private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private static final Pattern META_HEADER = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");

	final HttpClient client;

	final String base;

	public Web(HttpClient client, String base) {
		this.client = client;
		this.base = base;
	}

	public static HttpClient client() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** A signed-in (or anonymous) browser session: its cookie and its CSRF token. */
	public static final class Session {

		public String cookie;

		public String csrf;

		public String csrfHeader = "X-CSRF-TOKEN";

		public HttpRequest.Builder request(String url) {
			HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
			if (cookie != null) {
				b.header("Cookie", "SESSION=" + cookie);
			}
			return b;
		}

		void take(HttpResponse<?> response) {
			for (String c : response.headers().allValues("set-cookie")) {
				if (c.startsWith("SESSION=")) {
					String v = c.substring("SESSION=".length());
					int semi = v.indexOf(';');
					cookie = semi < 0 ? v : v.substring(0, semi);
				}
			}
		}

	}

	HttpResponse<String> send(Session s, HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
		s.take(r);
		return r;
	}

	HttpResponse<String> get(Session s, String path) throws IOException, InterruptedException {
		return send(s, s.request(base + path).GET().build());
	}

	HttpResponse<String> postForm(Session s, String path, Map<String, String> form) throws IOException, InterruptedException {
		String body = form.entrySet()
			.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(s, s.request(base + path)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	static String formToken(String html) {
		Matcher m = HIDDEN_CSRF.matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("no CSRF field in the form");
		}
		return m.group(1);
	}

	/** Reads the CSRF token the layout puts in its meta tags, as {@code estation.js} does for htmx. */
	void refreshCsrf(Session s, String page) throws IOException, InterruptedException {
		HttpResponse<String> r = get(s, page);
		Matcher m = META_CSRF.matcher(r.body());
		if (r.statusCode() != 200 || !m.find()) {
			throw new IllegalStateException("no CSRF meta tag on " + page + " (" + r.statusCode() + ")");
		}
		s.csrf = m.group(1);
		Matcher h = META_HEADER.matcher(r.body());
		if (h.find()) {
			s.csrfHeader = h.group(1);
		}
	}

	/** Registers an applicant through the real registration form. */
	public void register(String email, String password, String applicantType) throws IOException, InterruptedException {
		Session s = new Session();
		HttpResponse<String> page = get(s, "/register");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", formToken(page.body()));
		form.put("name", "Bench " + email.substring(0, email.indexOf('@')));
		form.put("email", email);
		form.put("phone", "+852 9123 4567");
		form.put("password", password);
		form.put("preferredLanguage", "EN");
		form.put("applicantType", applicantType);
		HttpResponse<String> r = postForm(s, "/register", form);
		if (r.statusCode() != 302) {
			throw new IllegalStateException("registration of " + email + " answered " + r.statusCode());
		}
	}

	/** Signs in through the form login, then reads the new session's CSRF token from a page. */
	public Session signIn(String username, String password, String pageForToken) throws IOException, InterruptedException {
		Session s = new Session();
		HttpResponse<String> page = get(s, "/login");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", formToken(page.body()));
		form.put("username", username);
		form.put("password", password);
		HttpResponse<String> r = postForm(s, "/login", form);
		String location = r.headers().firstValue("location").orElse("");
		if (r.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("sign-in of " + username + " answered " + r.statusCode() + " " + location);
		}
		// staff: the second factor, as a person with an authenticator app would type it (the code page
		// answers 200 only while a code is due; otherwise it redirects)
		HttpResponse<String> mfa = get(s, "/account/mfa");
		if (mfa.statusCode() == 200) {
			Map<String, String> code = new LinkedHashMap<>();
			code.put("_csrf", formToken(mfa.body()));
			code.put("code", totp(TOTP_SECRET, System.currentTimeMillis() / 1000 / 30));
			HttpResponse<String> verified = postForm(s, "/account/mfa", code);
			String next = verified.headers().firstValue("location").orElse("");
			if (verified.statusCode() != 302 || next.contains("/account/mfa")) {
				throw new IllegalStateException("second factor of " + username + " answered " + verified.statusCode() + " " + next);
			}
		}
		refreshCsrf(s, pageForToken);
		return s;
	}

	/** The Base32 TOTP secret the benchmark enrols its officers with (their accounts exist only in the bench database). */
	public static final String TOTP_SECRET = "BENCHOFFICERTOTPSECRET234567ABCD";

	/** RFC 6238 TOTP (HMAC-SHA1, 6 digits) of a Base32 secret at a 30-second step. */
	static String totp(String base32, long step) {
		try {
			java.io.ByteArrayOutputStream key = new java.io.ByteArrayOutputStream();
			int buffer = 0;
			int bits = 0;
			for (char c : base32.toCharArray()) {
				buffer = (buffer << 5) | "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(c);
				bits += 5;
				if (bits >= 8) {
					key.write((buffer >> (bits - 8)) & 0xff);
					bits -= 8;
				}
			}
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
			mac.init(new javax.crypto.spec.SecretKeySpec(key.toByteArray(), "HmacSHA1"));
			byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
			int o = h[h.length - 1] & 0xf;
			int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
			return String.format("%06d", bin % 1_000_000);
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Uploads a small PDF as the session's user; its document id. */
	public long upload(Session s, byte[] pdf) throws IOException, InterruptedException {
		String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] body = new byte[head.length + pdf.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(pdf, 0, body, head.length, pdf.length);
		System.arraycopy(tail, 0, body, head.length + pdf.length, tail.length);
		HttpResponse<String> r = send(s, s.request(base + "/api/v1/documents")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header(s.csrfHeader, s.csrf)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build());
		Matcher m = Pattern.compile("\"id\"\\s*:\\s*([0-9]+)").matcher(r.body());
		if (r.statusCode() != 201 || !m.find()) {
			throw new IllegalStateException("upload answered " + r.statusCode() + ": " + r.body());
		}
		return Long.parseLong(m.group(1));
	}

	public HttpRequest postJson(Session s, String path, String json, String idempotencyKey) {
		HttpRequest.Builder b = s.request(base + path)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header(s.csrfHeader, s.csrf)
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (idempotencyKey != null) {
			b.header("Idempotency-Key", idempotencyKey);
		}
		return b.build();
	}

}
