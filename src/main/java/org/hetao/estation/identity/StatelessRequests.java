package org.hetao.estation.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests whose answer is the same for everyone: static files and the public read-only API. They go through
 * the lightest security filter chain ({@link SecurityConfiguration}), and below the session filter they see no
 * session at all: a browser sends its session cookie with every keystroke of the type-ahead, and nothing on
 * the way (the flash-attribute lookup of Spring MVC, a filter asking "is anyone signed in?") is to read the
 * session from the database for it.
 */
@Configuration(proxyBeanMethods = false)
class StatelessRequests {

	/** Static files. */
	static final String[] STATIC = { "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico" };

	/** GET requests of the API whose answer does not depend on who asks. */
	static final String[] PUBLIC_READS = { "/api/v1/catalog/**", "/api/v1/search", "/api/v1/search/suggest",
			"/api/v1/directory/**" };

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	/** A static file or a GET of the public read-only API. */
	static boolean isPublicRead(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return matches(path, PUBLIC_READS) || matches(path, STATIC);
	}

	private static boolean matches(String path, String[] patterns) {
		for (String pattern : patterns) {
			if (PATHS.match(pattern, path)) {
				return true;
			}
		}
		return false;
	}

	/** Just inside the session filter: a public read is served as if it carried no session cookie. */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> sessionlessPublicReads() {
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				return !isPublicRead(request);
			}

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				chain.doFilter(new WithoutSession(request), response);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
		return registration;
	}

	/** A request that has no session and cannot start one. */
	static final class WithoutSession extends HttpServletRequestWrapper {

		WithoutSession(HttpServletRequest request) {
			super(request);
		}

		@Override
		public HttpSession getSession(boolean create) {
			if (create) {
				throw new IllegalStateException("A public read-only request starts no session: " + getRequestURI());
			}
			return null;
		}

		@Override
		public HttpSession getSession() {
			return getSession(true);
		}

		@Override
		public String getRequestedSessionId() {
			return null;
		}

		@Override
		public boolean isRequestedSessionIdValid() {
			return false;
		}

		@Override
		public String changeSessionId() {
			throw new IllegalStateException("A public read-only request has no session");
		}

	}

}
