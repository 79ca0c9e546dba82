package org.hetao.estation.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session that has lived longer than {@code estation.session.absolute-timeout}, however active
 * it was (the idle time-out is the session's own). Runs after the session is loaded from the
 * database and before security reads it.
 */
@Component
@Order(-105)
class AbsoluteSessionTimeout extends OncePerRequestFilter {

	private final Duration maximum;

	private final Clock clock;

	AbsoluteSessionTimeout(@Value("${estation.session.absolute-timeout:12h}") Duration maximum, Clock clock) {
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
