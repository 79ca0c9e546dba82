package org.hetao.estation.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a password-only staff session out of everything but the second-factor pages. A staff password
 * sign-in marks the session {@link #PENDING} ({@code ENROL} or {@code VERIFY}); until a good code clears
 * the mark, pages redirect to {@code /account/mfa} (or {@code /account/mfa/enrol}); API calls, htmx
 * fragments and event streams get a 401 problem. Staff cannot use HTTP Basic either (it has no second factor) unless
 * {@code estation.mfa.staff-http-basic} allows it (the test profile does, for old API tests).
 * Principals built directly (tests' {@code with(user(...))}) carry no mark: they count as fully signed in.
 * Not a bean: added to the security filter chain just before authorization.
 */
class SecondFactorGate extends OncePerRequestFilter {

	/** Session attribute: the second factor still to do, {@link #ENROL} or {@link #VERIFY}. */
	static final String PENDING = "estation.mfa.pending";

	static final String ENROL = "ENROL";

	static final String VERIFY = "VERIFY";

	private static final List<String> OPEN_WHILE_PENDING = List.of("/account/mfa", "/account/mfa/**", "/login",
			"/logout", "/language", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error");

	private final AntPathMatcher paths = new AntPathMatcher();

	private final ProblemSecurityHandlers problems;

	private final boolean staffHttpBasic;

	SecondFactorGate(ProblemSecurityHandlers problems, boolean staffHttpBasic) {
		this.problems = problems;
		this.staffHttpBasic = staffHttpBasic;
	}

	/** Marks a staff session as waiting for its second factor. */
	static void markPending(HttpServletRequest request, boolean enrolled) {
		request.getSession().setAttribute(PENDING, enrolled ? VERIFY : ENROL);
	}

	static String pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session == null ? null : (String) session.getAttribute(PENDING);
	}

	static void clear(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(PENDING);
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean api = path.startsWith("/api/");
		String pending = pending(request);
		if (pending != null && OPEN_WHILE_PENDING.stream().noneMatch(p -> paths.match(p, path))) {
			if (api || isBackgroundRequest(request)) {
				// htmx fragments, event streams: a redirect would paste the code page into the page
				problems.write(request, response, 401, "error.title.401", "identity.mfa.required");
			}
			else {
				response.sendRedirect(
						request.getContextPath() + (ENROL.equals(pending) ? "/account/mfa/enrol" : "/account/mfa"));
			}
			return;
		}
		if (!staffHttpBasic && isBasic(request) && isStaff(SecurityContextHolder.getContext().getAuthentication())) {
			problems.write(request, response, 401, "error.title.401", "identity.mfa.basicRefused");
			return;
		}
		chain.doFilter(request, response);
	}

	/** An htmx fragment or an event stream: part of a page, not a page of its own. */
	static boolean isBackgroundRequest(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return request.getHeader("HX-Request") != null || (accept != null && accept.contains("text/event-stream"));
	}

	private static boolean isBasic(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
	}

	private static boolean isStaff(Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof EstationUser user && user.isStaff();
	}

}
