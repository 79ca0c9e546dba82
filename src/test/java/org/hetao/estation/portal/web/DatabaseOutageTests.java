package org.hetao.estation.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;


import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.hetao.estation.portal.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 503 mapping of a database outage, without starting the application: the filter in front of the session
 * filter answers a problem detail on the API and a page elsewhere, with Retry-After, in the caller's language;
 * once a connection failed it answers at once until the probe reaches the (H2) database again; other failures
 * are left alone.
 */
class DatabaseOutageTests {

	final AtomicBoolean databaseUp = new AtomicBoolean(true);

	final AtomicInteger chainCalls = new AtomicInteger();

	DatabaseUnavailableFilter filter;

	@BeforeEach
	void setUp() throws Exception {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		Constructor<Problems> constructor = Problems.class.getDeclaredConstructor(MessageSource.class);
		constructor.setAccessible(true);
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		SpringTemplateEngine templates = new SpringTemplateEngine();
		templates.setTemplateResolver(resolver);
		templates.setTemplateEngineMessageSource(messages);
		AcceptHeaderLocaleResolver locales = new AcceptHeaderLocaleResolver();
		locales.setDefaultLocale(Locale.forLanguageTag("zh-Hant"));
		problems = constructor.newInstance(messages);
		this.locales = locales;
		this.templates = templates;
		filter = filter(new SwitchedDataSource());
	}

	Problems problems;

	AcceptHeaderLocaleResolver locales;

	SpringTemplateEngine templates;

	DatabaseUnavailableFilter filter(DataSource dataSource) {
		// no probe thread: the tests probe themselves
		return new DatabaseUnavailableFilter(problems, locales, templates, JsonMapper.builder().build(), 5, dataSource,
				java.time.Duration.ZERO);
	}

	/** H2 in memory while {@link #databaseUp}, a refused connection otherwise. */
	class SwitchedDataSource extends DelegatingDataSource {

		SwitchedDataSource() {
			JdbcDataSource h2 = new JdbcDataSource();
			h2.setURL("jdbc:h2:mem:outage-tests;DB_CLOSE_DELAY=-1");
			setTargetDataSource(h2);
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (!databaseUp.get()) {
				throw new SQLTransientConnectionException("Connection is not available, request timed out after 3000ms");
			}
			return super.getConnection();
		}

	}

	MockHttpServletResponse run(MockHttpServletRequest request, RuntimeException failure) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain chain = (req, res) -> {
			chainCalls.incrementAndGet();
			if (failure != null) {
				throw new ServletException("Request processing failed: " + failure, failure);
			}
			res.getWriter().write("fine");
		};
		filter.doFilter(request, response, chain);
		return response;
	}

	static MockHttpServletRequest get(String uri, String language) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.addHeader("Accept-Language", language);
		return request;
	}

	static RuntimeException connectionRefused() {
		return new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
	}

	@Test
	void anApiRequestThatLostTheDatabaseIsA503ProblemWithRetryAfterInTheCallersLanguage() throws Exception {
		databaseUp.set(false);
		MockHttpServletResponse response = run(get("/api/v1/applications", "en"), connectionRefused());
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		JsonNode problem = JsonMapper.builder().build().readTree(response.getContentAsString());
		assertThat(problem.get("status").asInt()).isEqualTo(503);
		assertThat(problem.get("title").asString()).isEqualTo("Service unavailable");
		assertThat(problem.get("detail").asString()).contains("cannot reach its database").contains("never half-way");
		assertThat(problem.get("code").asString()).isEqualTo("error.databaseUnavailable");
		assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/applications");
		assertThat(filter.isDown()).isTrue();
	}

	@Test
	void whileTheDatabaseIsAwayPagesAre503AtOnceAndStaticFilesStillServed() throws Exception {
		databaseUp.set(false);
		run(get("/applications", "en"), new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));
		chainCalls.set(0);

		MockHttpServletResponse page = run(get("/applications", "zh-Hans"), null);
		assertThat(chainCalls).as("answered without trying the database again").hasValue(0);
		assertThat(page.getStatus()).isEqualTo(503);
		assertThat(page.getContentType()).startsWith("text/html");
		assertThat(page.getHeader("Retry-After")).isEqualTo("5");
		assertThat(page.getContentAsString()).contains("服务暂时不可用").contains("系统暂时无法连接数据库").contains("5 秒");
		assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'none'");
		assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");

		MockHttpServletResponse css = run(get("/css/estation.css", "en"), null);
		assertThat(css.getStatus()).isEqualTo(200);
		assertThat(chainCalls).hasValue(1);
	}

	@Test
	void theProbeNoticesTheDatabaseIsBackAndRequestsFlowAgain() throws Exception {
		databaseUp.set(false);
		run(get("/api/v1/applications", "en"), connectionRefused());
		filter.probe();
		assertThat(filter.isDown()).as("still away").isTrue();
		databaseUp.set(true);
		filter.probe();
		assertThat(filter.isDown()).isFalse();
		MockHttpServletResponse response = run(get("/api/v1/applications", "en"), null);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEqualTo("fine");
	}

	@Test
	void itsOwnProbeThreadOpensTheDoorWhenTheDatabaseReturns() throws Exception {
		DatabaseUnavailableFilter probing = new DatabaseUnavailableFilter(null, null, null, null, 5, new SwitchedDataSource(),
				java.time.Duration.ofMillis(50));
		databaseUp.set(false);
		probing.markDown(connectionRefused());
		Thread.sleep(300);
		assertThat(probing.isDown()).isTrue();
		databaseUp.set(true);
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (probing.isDown() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(probing.isDown()).isFalse();
	}

	@Test
	void aFailedRollbackCountsAsAnOutageOnlyWhenTheDatabaseIsReallyAway() throws Exception {
		RuntimeException rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
		databaseUp.set(false);
		assertThat(run(get("/applications", "en"), rollback).getStatus()).isEqualTo(503);
		assertThat(filter.isDown()).isTrue();
	}

	@Test
	void aLockTimeoutOnAWorkingDatabaseIs503ButDoesNotCloseTheDoor() throws Exception {
		MockHttpServletResponse response = run(get("/api/v1/applications", "en"), new CannotAcquireLockException("lock timeout"));
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(filter.isDown()).isFalse();
	}

	@Test
	void aPoolWithEveryConnectionBusyTurnsBackTheRequestButDoesNotCloseTheDoor() throws Exception {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:h2:mem:outage-pool-tests;DB_CLOSE_DELAY=-1");
		config.setMaximumPoolSize(1);
		config.setConnectionTimeout(250);
		try (HikariDataSource pool = new HikariDataSource(config)) {
			filter = filter(pool);
			FilterChain needsAConnection = (req, res) -> {
				chainCalls.incrementAndGet();
				try (Connection connection = pool.getConnection()) {
					res.getWriter().write("fine");
				}
				catch (SQLException ex) {
					throw new ServletException(new CannotGetJdbcConnectionException("no connection", ex));
				}
			};
			MockHttpServletResponse busy = new MockHttpServletResponse();
			try (Connection held = pool.getConnection()) {
				filter.doFilter(get("/api/v1/search", "en"), busy, needsAConnection);
			}
			assertThat(busy.getStatus()).isEqualTo(503);
			assertThat(busy.getHeader("Retry-After")).isEqualTo("5");
			assertThat(filter.isDown()).as("a busy pool is not an outage").isFalse();
			MockHttpServletResponse after = new MockHttpServletResponse();
			filter.doFilter(get("/api/v1/search", "en"), after, needsAConnection);
			assertThat(after.getStatus()).isEqualTo(200);
			assertThat(after.getContentAsString()).isEqualTo("fine");
		}
	}

	@Test
	void otherFailuresAreNotTurnedInto503() {
		assertThatThrownBy(() -> run(get("/applications", "en"), new IllegalStateException("a bug")))
			.hasRootCauseInstanceOf(IllegalStateException.class);
		assertThat(filter.isDown()).isFalse();
		assertThat(DatabaseUnavailable.causedIt(new IllegalArgumentException("x"))).isFalse();
		assertThat(DatabaseUnavailable.connectionLost(new SQLException("syntax error", "42601"))).isFalse();
		assertThat(DatabaseUnavailable.connectionLost(new SQLException("I/O error", "08006"))).isTrue();
	}

}
