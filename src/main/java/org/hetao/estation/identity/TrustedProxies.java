package org.hetao.estation.identity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who the client is, when the platform runs behind proxies (#21). The forwarding headers ({@code Forwarded},
 * {@code X-Forwarded-For}, {@code -Proto}, {@code -Host}, {@code -Port}) are believed only when the direct peer is
 * one of {@code estation.trusted-proxies} (CIDRs, none by default), and only back to the last trusted hop: the
 * client is the right-most address in the chain that is not itself a trusted proxy. Everything after this filter
 * (rate limits, sign-in throttling, the audit log, HSTS) reads that address from {@code getRemoteAddr()}.
 * <p>
 * Redirects never take their host from the request: a relative {@code Location} is made absolute with the
 * configured public address ({@code estation.notification.base-url}) when there is one, and is otherwise left
 * relative (Tomcat's own absolute redirects are off: {@code server.tomcat.use-relative-redirects}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class TrustedProxies extends OncePerRequestFilter {

	private final List<IpAddressMatcher> trusted;

	private final String publicBaseUrl;

	TrustedProxies(@Value("${estation.trusted-proxies:}") List<String> cidrs,
			@Value("${estation.notification.base-url:}") String publicBaseUrl) {
		this.trusted = cidrs.stream().map(String::strip).filter(s -> !s.isEmpty()).map(IpAddressMatcher::new).toList();
		String base = publicBaseUrl == null ? "" : publicBaseUrl.strip();
		this.publicBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/** Whether an address is one of the configured proxies. */
	boolean isTrusted(String address) {
		if (address == null || address.isBlank()) {
			return false;
		}
		for (IpAddressMatcher matcher : trusted) {
			try {
				if (matcher.matches(address)) {
					return true;
				}
			}
			catch (IllegalArgumentException notAnAddress) {
				return false;
			}
		}
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpServletRequest effective = request;
		if (!trusted.isEmpty() && isTrusted(request.getRemoteAddr())) {
			Forwarded forwarded = Forwarded.of(request);
			effective = forwarded.resolve(request, this);
		}
		chain.doFilter(effective, new Redirects(response, publicBaseUrl));
	}

	/** What the proxies said: the chain of addresses (client first) and, from the nearest proxy, scheme and host. */
	record Forwarded(List<String> chain, String proto, String host, String port) {

		static Forwarded of(HttpServletRequest request) {
			List<String> forwardedHeaders = Collections.list(request.getHeaders("Forwarded"));
			if (!forwardedHeaders.isEmpty()) {
				List<String> chain = new ArrayList<>();
				String proto = null;
				String host = null;
				for (String header : forwardedHeaders) {
					for (String element : header.split(",")) {
						for (String pair : element.split(";")) {
							int eq = pair.indexOf('=');
							if (eq < 0) {
								continue;
							}
							String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
							String value = unquote(pair.substring(eq + 1).strip());
							switch (name) {
								case "for" -> chain.add(nodeAddress(value));
								case "proto" -> proto = value;
								case "host" -> host = value;
								default -> {
								}
							}
						}
					}
				}
				return new Forwarded(chain, proto, host, null);
			}
			List<String> chain = new ArrayList<>();
			Collections.list(request.getHeaders("X-Forwarded-For"))
				.forEach(h -> Arrays.stream(h.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(chain::add));
			return new Forwarded(chain, last(request.getHeader("X-Forwarded-Proto")),
					last(request.getHeader("X-Forwarded-Host")), last(request.getHeader("X-Forwarded-Port")));
		}

		/** The request as the client made it, as far as the trusted proxies can vouch for it. */
		HttpServletRequest resolve(HttpServletRequest request, TrustedProxies proxies) {
			// right to left: each hop was added by the one after it; the first that is not a trusted proxy is the client
			String client = request.getRemoteAddr();
			for (int i = chain.size() - 1; i >= 0; i--) {
				String hop = chain.get(i);
				if (!hop.matches("\\[?[0-9A-Fa-f:.]{2,45}\\]?")) {
					break; // "unknown", an obfuscated name or garbage: the nearest hop we know is the client
				}
				client = hop;
				if (!proxies.isTrusted(client)) {
					break;
				}
			}
			String scheme = proto == null ? null : proto.toLowerCase(Locale.ROOT);
			if (scheme != null && !scheme.equals("http") && !scheme.equals("https")) {
				scheme = null;
			}
			String serverHost = host;
			Integer serverPort = null;
			if (serverHost != null && !serverHost.matches("[A-Za-z0-9.\\-\\[\\]:]{1,255}")) {
				serverHost = null;
			}
			if (serverHost != null && serverHost.matches(".*:\\d{1,5}") && !serverHost.endsWith("]")) {
				int colon = serverHost.lastIndexOf(':');
				serverPort = Integer.valueOf(serverHost.substring(colon + 1));
				serverHost = serverHost.substring(0, colon);
			}
			if (port != null && port.matches("\\d{1,5}")) {
				serverPort = Integer.valueOf(port);
			}
			String address = client.startsWith("[") && client.endsWith("]") ? client.substring(1, client.length() - 1)
					: client;
			return new ForwardedRequest(request, address, scheme, serverHost, serverPort);
		}

		private static String last(String header) {
			if (header == null) {
				return null;
			}
			String[] parts = header.split(",");
			String value = parts[parts.length - 1].strip();
			return value.isEmpty() ? null : value;
		}

		private static String unquote(String value) {
			return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
					? value.substring(1, value.length() - 1) : value;
		}

		/** {@code for=192.0.2.60:4711}, {@code for="[2001:db8::1]:4711"}: the address without the port. */
		private static String nodeAddress(String node) {
			if (node.startsWith("[")) {
				int close = node.indexOf(']');
				return close < 0 ? node : node.substring(1, close);
			}
			int colon = node.indexOf(':');
			return colon >= 0 && node.indexOf(':', colon + 1) < 0 ? node.substring(0, colon) : node;
		}
	}

	/** The request with the client's address, scheme and host as the trusted proxies report them. */
	static final class ForwardedRequest extends HttpServletRequestWrapper {

		private final String address;

		private final String scheme;

		private final String host;

		private final Integer port;

		ForwardedRequest(HttpServletRequest request, String address, String scheme, String host, Integer port) {
			super(request);
			this.address = address;
			this.scheme = scheme;
			this.host = host;
			this.port = port;
		}

		@Override
		public String getRemoteAddr() {
			return address;
		}

		@Override
		public String getRemoteHost() {
			return address;
		}

		@Override
		public String getScheme() {
			return scheme == null ? super.getScheme() : scheme;
		}

		@Override
		public boolean isSecure() {
			return scheme == null ? super.isSecure() : scheme.equals("https");
		}

		@Override
		public String getServerName() {
			return host == null ? super.getServerName() : host;
		}

		@Override
		public int getServerPort() {
			if (port != null) {
				return port;
			}
			if (scheme != null || host != null) {
				return "https".equals(getScheme()) ? 443 : 80;
			}
			return super.getServerPort();
		}

		@Override
		public StringBuffer getRequestURL() {
			StringBuffer url = new StringBuffer(getScheme()).append("://").append(getServerName());
			int p = getServerPort();
			if (!(("https".equals(getScheme()) && p == 443) || ("http".equals(getScheme()) && p == 80))) {
				url.append(':').append(p);
			}
			return url.append(getRequestURI());
		}

	}

	/** Relative redirects made absolute with the public address, never with the request's Host. */
	static final class Redirects extends HttpServletResponseWrapper {

		private final String base;

		Redirects(HttpServletResponse response, String base) {
			super(response);
			this.base = base;
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			super.sendRedirect(absolute(location));
		}

		@Override
		public void sendRedirect(String location, boolean clearBuffer) throws IOException {
			super.sendRedirect(absolute(location), clearBuffer);
		}

		@Override
		public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
			super.sendRedirect(absolute(location), sc, clearBuffer);
		}

		private String absolute(String location) {
			if (base.isEmpty() || location == null || !location.startsWith("/") || location.startsWith("//")) {
				return location;
			}
			return base + location;
		}

	}

}
