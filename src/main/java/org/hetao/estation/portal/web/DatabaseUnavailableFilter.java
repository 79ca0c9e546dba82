package org.hetao.estation.portal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import org.hetao.estation.portal.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import tools.jackson.databind.ObjectMapper;

/**
 * When the database cannot be reached, any request (even one that failed while its session was being
 * loaded or saved, before or after the controllers) is answered with 503 and {@code Retry-After}: a problem
 * detail on {@code /api/**}, a small page in the user's language elsewhere, built without the database.
 * Transactions roll back as a whole, so nothing is half-written; the connection pool fails fast
 * ({@code spring.datasource.hikari.connection-timeout}) and reconnects by itself when the database returns.
 * Once a connection has failed, requests are answered 503 at once (static files and health excepted) until a
 * probe every half second gets a working connection again: no request waits for the pool while the database is away.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	private final Problems problems;

	private final LocaleResolver locales;

	private final ITemplateEngine templates;

	private final ObjectMapper json;

	private final int retryAfterSeconds;

	private final DataSource dataSource;

	private final Duration probeInterval;

	/**
	 * When the database was found unreachable ({@link System#nanoTime()}: only the outage's length is read from it);
	 * null while it is reachable.
	 */
	private volatile Long downSince;

	DatabaseUnavailableFilter(Problems problems, LocaleResolver locales, ITemplateEngine templates, ObjectMapper json,
			@Value("${estation.unavailable.retry-after-seconds:5}") int retryAfterSeconds, DataSource dataSource,
			@Value("${estation.unavailable.probe-interval:PT0.5S}") Duration probeInterval) {
		this.dataSource = dataSource;
		this.probeInterval = probeInterval;
		this.problems = problems;
		this.locales = locales;
		this.templates = templates;
		this.json = json;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (downSince != null && !exempt(request)) {
			respond(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (response.isCommitted()) {
				throw ex;
			}
			if (DatabaseUnavailable.poolTimeout(ex) && poolBusy()) {
				// every connection is in use by other requests: the database is busy, not away, so only this
				// request is turned back (the door stays open, and no probe waits for the pool as well)
				log.warn("No database connection free in time, answered 503 to {} {}", request.getMethod(),
						request.getRequestURI());
				respond(request, response);
				return;
			}
			boolean lost = DatabaseUnavailable.connectionLost(ex)
					|| (DatabaseUnavailable.involvesDatabase(ex) && !reachable());
			if (!lost && !DatabaseUnavailable.causedIt(ex)) {
				throw ex;
			}
			if (lost) {
				markDown(ex);
			}
			log.warn("Database unavailable, answered 503 to {} {}: {}", request.getMethod(), request.getRequestURI(),
					ex.getMessage());
			respond(request, response);
		}
	}

	/**
	 * Called when a connection to the database failed: requests are answered 503 until {@link #probe()} succeeds,
	 * tried by a thread of its own (the scheduler's thread is itself waiting for connections during an outage).
	 */
	synchronized void markDown(Throwable cause) {
		if (downSince == null) {
			downSince = System.nanoTime();
			log.warn("The database cannot be reached: answering 503 until it is back ({})", cause.getMessage());
			if (!probeInterval.isZero() && !probeInterval.isNegative()) {
				Thread prober = new Thread(this::probeUntilBack, "database-probe");
				prober.setDaemon(true);
				prober.start();
			}
		}
	}

	boolean isDown() {
		return downSince != null;
	}

	private void probeUntilBack() {
		while (downSince != null) {
			try {
				Thread.sleep(probeInterval.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			probe();
		}
	}

	/** One attempt to reach the database; opens the door again when it answers. */
	void probe() {
		Long since = downSince;
		if (since != null && reachable()) {
			downSince = null;
			log.info("The database is back after {} s", Duration.ofNanos(System.nanoTime() - since).toSeconds());
		}
	}

	/** The pool holds connections and none of them is idle: all are working for other requests. */
	private boolean poolBusy() {
		try {
			if (!dataSource.isWrapperFor(HikariDataSource.class)) {
				return false;
			}
			HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
			return pool != null && pool.getTotalConnections() > 0 && pool.getIdleConnections() == 0;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private boolean reachable() {
		try (Connection connection = dataSource.getConnection()) {
			return connection.isValid(2);
		}
		catch (SQLException | RuntimeException ex) {
			log.debug("The database cannot be reached: {}", ex.getMessage());
			return false;
		}
	}

	/** Also on error dispatches: an error page rendered while the database is away would need it again. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	static boolean exempt(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
				|| path.startsWith("/webjars/") || path.equals("/favicon.ico") || path.startsWith("/actuator/");
	}

	void respond(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = locale(request);
		response.reset();
		response.setStatus(503);
		response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		// reset() dropped the security filter's headers: the page needs nothing but its own style sheet.
		response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; frame-ancestors 'none'");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (wantsProblem(request)) {
			ProblemDetail problem = problems.of(503, "error.databaseUnavailable", null, locale, request.getRequestURI());
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
			body.put("title", problem.getTitle());
			body.put("status", 503);
			body.put("detail", problem.getDetail());
			body.put("instance", request.getRequestURI());
			body.put("code", "error.databaseUnavailable");
			body.put("retryAfterSeconds", retryAfterSeconds);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write(json.writeValueAsString(body));
		}
		else {
			Context context = new Context(locale);
			context.setVariable("errorTitle", problems.title(503, locale));
			context.setVariable("retryAfterSeconds", retryAfterSeconds);
			context.setVariable("htmlLang", locale.toLanguageTag());
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.getWriter().write(templates.process("unavailable", context));
		}
		response.flushBuffer();
	}

	private Locale locale(HttpServletRequest request) {
		try {
			return locales.resolveLocale(request);
		}
		catch (RuntimeException ex) {
			return request.getLocale();
		}
	}

	static boolean wantsProblem(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				|| request.getRequestURI().startsWith(request.getContextPath() + "/actuator/")
				|| (accept != null && accept.contains("json") && !accept.contains("text/html"));
	}

}
