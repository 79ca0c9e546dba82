package org.hetao.estation.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session that has lived longer than {@code estation.session.absolute-timeout}, however active
 * it was (the idle time-out is the session's own). Not a bean: it runs in the main security filter chain
 * just before the security context is read, so static files and the public read-only API, which never
 * look at a session, do not load one for it.
 */
class AbsoluteSessionTimeout extends OncePerRequestFilter {

	private final Duration maximum;

	private final Clock clock;

	AbsoluteSessionTimeout(Duration maximum, Clock clock) {
		this.maximum = maximum;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && clock.millis() - session.getCreationTime() > maximum.toMillis()) {
			session.invalidate();
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			}
			else {
				response.sendRedirect(request.getContextPath() + "/login?expired");
			}
			return;
		}
		chain.doFilter(request, response);
	}

}
