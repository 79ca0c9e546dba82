package org.hetao.estation.identity;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits on the doors that attackers and scripts knock on: sign-in (and its second factor),
 * registration, password reset, submission and the kiosk, and failed HTTP Basic sign-ins (which spend the sign-in
 * allowance). A token bucket per rule and per client (the signed-in user, else the IP address), kept in
 * this node's memory: with N nodes a client gets at most N times the rate, which still stops floods.
 * The kiosk's limit is high: a hall kiosk issues every ticket from one address.
 * Over the limit: 429 with Retry-After (a problem detail on the API, the error page otherwise). Runs
 * before Spring Security, which answers the sign-in form itself.
 */
@Component
@Order(-104)
class RateLimits extends OncePerRequestFilter {

	/** A limited door: method and path pattern, and how many requests a minute one client may make. */
	record Rule(String name, String method, String pattern, int perMinute) {
	}

	private final List<Rule> rules;

	private final boolean enabled;

	private final Clock clock;

	private final AntPathMatcher paths = new AntPathMatcher();

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	RateLimits(@Value("${estation.rate-limit.enabled:true}") boolean enabled,
			@Value("${estation.rate-limit.sign-in-per-minute:10}") int signIn,
			@Value("${estation.rate-limit.register-per-minute:5}") int register,
			@Value("${estation.rate-limit.submit-per-minute:30}") int submit,
			@Value("${estation.rate-limit.kiosk-per-minute:120}") int kiosk,
			@Value("${estation.rate-limit.password-reset-per-minute:5}") int passwordReset, Clock clock) {
		this.enabled = enabled;
		this.clock = clock;
		this.rules = List.of(new Rule("sign-in", "POST", "/login", signIn),
				new Rule("register", "POST", "/register", register),
				new Rule("submit", "POST", "/api/v1/applications", submit),
				new Rule("submit", "POST", "/applications/**/submit", submit),
				new Rule("kiosk", "POST", "/hall/kiosk/**", kiosk), new Rule("kiosk", "POST", "/api/v1/hall/tickets", kiosk),
				new Rule("second-factor", "POST", "/account/mfa/**", signIn),
				new Rule("second-factor", "POST", "/account/mfa", signIn),
				new Rule("password-reset", "POST", "/password-reset", passwordReset),
				new Rule("password-reset", "POST", "/password-reset/**", passwordReset));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !enabled || ("GET".equals(request.getMethod()) && !isBasic(request));
	}

	private static boolean isBasic(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Bucket basic = null;
		if (isBasic(request)) {
			// HTTP Basic is a sign-in on every request: its failures spend the client's sign-in allowance (#21), and
			// a client that has spent it is refused before its credentials are checked
			Rule signIn = rules.get(0);
			basic = buckets.computeIfAbsent(signIn.name() + "|ip:" + request.getRemoteAddr(),
					k -> new Bucket(signIn.perMinute(), clock.millis()));
			long waitMillis = basic.peek(clock.millis());
			if (waitMillis > 0) {
				response.setHeader("Retry-After", Long.toString(Math.max(1, waitMillis / 1000)));
				response.sendError(429);
				return;
			}
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (Rule rule : rules) {
			if (rule.method().equals(request.getMethod()) && paths.match(rule.pattern(), path)) {
				String key = rule.name() + "|" + client(request);
				Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(rule.perMinute(), clock.millis()));
				long waitMillis = bucket.take(clock.millis());
				if (waitMillis > 0) {
					response.setHeader("Retry-After", Long.toString(Math.max(1, waitMillis / 1000)));
					response.sendError(429);
					return;
				}
				break;
			}
		}
		if (buckets.size() > 100_000) {
			long now = clock.millis();
			buckets.values().removeIf(b -> b.idleSince(now) > 600_000);
		}
		chain.doFilter(request, response);
		if (basic != null && (response.getStatus() == 401 || response.getStatus() == 429)) {
			basic.take(clock.millis());
		}
	}

	private static String client(HttpServletRequest request) {
		var session = request.getSession(false);
		Object context = session == null ? null
				: session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		Authentication authentication = context instanceof SecurityContext c ? c.getAuthentication() : null;
		if (authentication != null && authentication.isAuthenticated() && authentication.getPrincipal() instanceof EstationUser user) {
			return "user:" + user.id();
		}
		return "ip:" + request.getRemoteAddr();
	}

	/** Refills continuously at perMinute tokens a minute, up to perMinute. */
	static final class Bucket {

		private final int capacity;

		private double tokens;

		private long last;

		Bucket(int capacity, long now) {
			this.capacity = capacity;
			this.tokens = capacity;
			this.last = now;
		}

		/** Takes a token; 0 when allowed, else how long to wait in milliseconds. */
		synchronized long take(long now) {
			tokens = Math.min(capacity, tokens + (now - last) * capacity / 60_000.0);
			last = now;
			if (tokens >= 1) {
				tokens -= 1;
				return 0;
			}
			return (long) Math.ceil((1 - tokens) * 60_000.0 / capacity);
		}

		/** How long until a token is free, without taking one; 0 when one is free now. */
		synchronized long peek(long now) {
			double available = Math.min(capacity, tokens + (now - last) * capacity / 60_000.0);
			return available >= 1 ? 0 : (long) Math.ceil((1 - available) * 60_000.0 / capacity);
		}

		synchronized long idleSince(long now) {
			return now - last;
		}

	}

}
