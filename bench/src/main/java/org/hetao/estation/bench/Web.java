package org.hetao.estation.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like client of the application as production runs it: its cookies ({@code SESSION}, and
 * {@code XSRF-TOKEN} when the CSRF token is kept in a cookie; handled by hand, so the production cookie
 * settings — Secure included — stay as they are over plain local HTTP), the form sign-in with its CSRF token
 * (read from the page: the hidden {@code _csrf} field and the {@code _csrf} meta tag), and the CSRF header on
 * API calls made with the session.
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

	/**
	 * A signed-in (or anonymous) browser session: its cookies and its CSRF token. The cookies are a small jar:
	 * every cookie a {@code Set-Cookie} answer sets is kept by name (a later one of the same name replaces it;
	 * one set with {@code Max-Age=0} or a negative one, or an {@code Expires} in the past, is dropped) and all
	 * of them are sent in one {@code Cookie} header, as a browser does for one host: the {@code SESSION} cookie,
	 * and the {@code XSRF-TOKEN} cookie when the application keeps the CSRF token in a cookie. Their other
	 * attributes (Path, Domain, Secure, HttpOnly, SameSite) are not enforced: every request goes to the one
	 * application, over plain local HTTP in place of production's TLS.
	 */
	public static final class Session {

		private final Map<String, String> cookies = new LinkedHashMap<>();

		public String csrf;

		public String csrfHeader = "X-CSRF-TOKEN";

		/** The value of the cookie of that name the session holds, or null. */
		public synchronized String cookie(String name) {
			return cookies.get(name);
		}

		/** The {@code Cookie} header's value for the cookies held ({@code a=1; b=2}), or null when there are none. */
		public synchronized String cookieHeader() {
			if (cookies.isEmpty()) {
				return null;
			}
			return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
		}

		public HttpRequest.Builder request(String url) {
			HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
			String cookie = cookieHeader();
			if (cookie != null) {
				b.header("Cookie", cookie);
			}
			return b;
		}

		void take(HttpResponse<?> response) {
			take(response.headers().allValues("set-cookie"), Instant.now());
		}

		/** Keeps (or drops) the cookies of these {@code Set-Cookie} values, as of {@code now}. */
		synchronized void take(List<String> setCookies, Instant now) {
			for (String c : setCookies) {
				String[] parts = c.split(";");
				int eq = parts[0].indexOf('=');
				if (eq <= 0) {
					continue; // not a cookie (RFC 6265 5.2: a pair without a name is ignored)
				}
				String name = parts[0].substring(0, eq).trim();
				String value = parts[0].substring(eq + 1).trim();
				Long maxAge = null;
				Instant expires = null;
				for (int i = 1; i < parts.length; i++) {
					String attribute = parts[i].trim();
					int aeq = attribute.indexOf('=');
					String key = (aeq < 0 ? attribute : attribute.substring(0, aeq)).trim();
					String v = aeq < 0 ? "" : attribute.substring(aeq + 1).trim();
					if (key.equalsIgnoreCase("Max-Age")) {
						try {
							maxAge = Long.parseLong(v);
						}
						catch (NumberFormatException ignored) {
							// an unreadable Max-Age is ignored, as browsers do
						}
					}
					else if (key.equalsIgnoreCase("Expires")) {
						expires = expiry(v);
					}
				}
				// Max-Age wins over Expires (RFC 6265 5.3)
				boolean expired = maxAge != null ? maxAge <= 0 : expires != null && !expires.isAfter(now);
				if (expired) {
					cookies.remove(name);
				}
				else {
					cookies.put(name, value);
				}
			}
		}

	}

	/**
	 * The dates {@code Expires} is written in, without the day of the week: RFC 1123 ({@code 01 Jan 1970
	 * 00:00:10 GMT}), and the older Netscape form with dashes.
	 */
	private static final List<DateTimeFormatter> EXPIRES = List.of(DateTimeFormatter.RFC_1123_DATE_TIME,
			DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss zzz", Locale.ROOT),
			DateTimeFormatter.ofPattern("d-MMM-yy HH:mm:ss zzz", Locale.ROOT));

	/**
	 * An {@code Expires} date, or null when it cannot be read (such a date is ignored, as browsers do). The day
	 * of the week is not checked, as browsers do not.
	 */
	static Instant expiry(String date) {
		int comma = date.indexOf(',');
		String withoutDay = (comma < 0 ? date : date.substring(comma + 1)).trim();
		for (DateTimeFormatter f : EXPIRES) {
			try {
				return ZonedDateTime.parse(withoutDay, f).toInstant();
			}
			catch (DateTimeParseException ignored) {
				// the next form
			}
		}
		return null;
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
