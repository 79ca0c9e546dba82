package org.hetao.estation.certificates.web;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Verification is public, so it is rate-limited per client address (like the identity module's
 * {@code RateLimits}): {@code estation.certificates.verify-per-minute} lookups and uploads a minute, a token
 * bucket in this node's memory. Over the limit: 429 with Retry-After.
 */
@Component
@Order(-103)
class VerificationRateLimit extends OncePerRequestFilter {

	private final int perMinute;

	private final Clock clock;

	private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

	VerificationRateLimit(@Value("${estation.certificates.verify-per-minute:60}") int perMinute, Clock clock) {
		this.perMinute = perMinute;
		this.clock = clock;
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
		return perMinute <= 0 || !isVerification(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long wait = take(request.getRemoteAddr(), clock.millis());
		if (wait > 0) {
			response.setHeader("Retry-After", Long.toString(Math.max(1, wait / 1000)));
			response.sendError(429);
			return;
		}
		chain.doFilter(request, response);
	}

	/** Takes a token for this client: 0 when allowed, else milliseconds to wait. */
	long take(String client, long now) {
		if (buckets.size() > 100_000) {
			buckets.clear();
		}
		double[] bucket = buckets.computeIfAbsent(client, c -> new double[] { perMinute, now });
		synchronized (bucket) {
			bucket[0] = Math.min(perMinute, bucket[0] + (now - bucket[1]) * perMinute / 60_000.0);
			bucket[1] = now;
			if (bucket[0] >= 1) {
				bucket[0] -= 1;
				return 0;
			}
			return (long) Math.ceil((1 - bucket[0]) * 60_000.0 / perMinute);
		}
	}

}
