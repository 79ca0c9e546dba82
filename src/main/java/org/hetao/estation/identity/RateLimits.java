package org.hetao.estation.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hetao.estation.shared.RateLimiter;
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
 * allowance). A {@link RateLimiter} per rule, keyed by client (the signed-in user, else the IP address).
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

	private final AntPathMatcher paths = new AntPathMatcher();

	/** One limiter per rule name: rules of one name (the two submission doors) share their clients' buckets. */
	private final Map<String, RateLimiter> limiters = new HashMap<>();

	RateLimits(@Value("${estation.rate-limit.enabled:true}") boolean enabled,
			@Value("${estation.rate-limit.sign-in-per-minute:10}") int signIn,
			@Value("${estation.rate-limit.register-per-minute:5}") int register,
			@Value("${estation.rate-limit.submit-per-minute:30}") int submit,
			@Value("${estation.rate-limit.kiosk-per-minute:120}") int kiosk,
			@Value("${estation.rate-limit.password-reset-per-minute:5}") int passwordReset, Clock clock) {
		this.enabled = enabled;
		this.rules = List.of(new Rule("sign-in", "POST", "/login", signIn),
				new Rule("register", "POST", "/register", register),
				new Rule("submit", "POST", "/api/v1/applications", submit),
				new Rule("submit", "POST", "/applications/**/submit", submit),
				new Rule("kiosk", "POST", "/hall/kiosk/**", kiosk), new Rule("kiosk", "POST", "/api/v1/hall/tickets", kiosk),
				new Rule("second-factor", "POST", "/account/mfa/**", signIn),
				new Rule("second-factor", "POST", "/account/mfa", signIn),
				new Rule("password-reset", "POST", "/password-reset", passwordReset),
				new Rule("password-reset", "POST", "/password-reset/**", passwordReset));
		rules.forEach(rule -> limiters.computeIfAbsent(rule.name(), name -> new RateLimiter(rule.perMinute(), clock)));
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
		String basicClient = null;
		RateLimiter signIn = limiters.get(rules.get(0).name());
		if (isBasic(request)) {
			// HTTP Basic is a sign-in on every request: its failures spend the client's sign-in allowance (#21), and
			// a client that has spent it is refused before its credentials are checked
			basicClient = "ip:" + request.getRemoteAddr();
			Duration wait = signIn.peek(basicClient);
			if (!wait.isZero()) {
				RateLimiter.refuse(response, wait);
				return;
			}
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (Rule rule : rules) {
			if (rule.method().equals(request.getMethod()) && paths.match(rule.pattern(), path)) {
				Duration wait = limiters.get(rule.name()).take(client(request));
				if (!wait.isZero()) {
					RateLimiter.refuse(response, wait);
					return;
				}
				break;
			}
		}
		chain.doFilter(request, response);
		if (basicClient != null && (response.getStatus() == 401 || response.getStatus() == 429)) {
			signIn.take(basicClient);
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

}
