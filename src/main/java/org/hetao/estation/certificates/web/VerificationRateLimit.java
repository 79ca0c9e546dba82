package org.hetao.estation.certificates.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hetao.estation.shared.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Verification is public, so it is rate-limited per client address (like the identity module's
 * {@code RateLimits}): {@code estation.certificates.verify-per-minute} lookups and uploads a minute, a
 * {@link RateLimiter}. Over the limit: 429 with Retry-After.
 */
@Component
@Order(-103)
class VerificationRateLimit extends OncePerRequestFilter {

	/** None when the limit is off (0 a minute). */
	private final RateLimiter limiter;

	VerificationRateLimit(@Value("${estation.certificates.verify-per-minute:60}") int perMinute, Clock clock) {
		this.limiter = perMinute <= 0 ? null : new RateLimiter(perMinute, clock);
	}

	/** A number lookup or a file upload, on the page or the API. */
	static boolean isVerification(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if ("/verify".equals(path)) {
			return "POST".equals(request.getMethod()) || request.getParameter("number") != null;
		}
		if ("/api/v1/certificates/verify".equals(path)) {
			return "POST".equals(request.getMethod());
		}
		return "GET".equals(request.getMethod()) && path.startsWith("/api/v1/certificates/")
				&& path.indexOf('/', "/api/v1/certificates/".length()) < 0;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return limiter == null || !isVerification(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Duration wait = limiter.take(request.getRemoteAddr());
		if (!wait.isZero()) {
			RateLimiter.refuse(response, wait);
			return;
		}
		chain.doFilter(request, response);
	}

}
