package org.hetao.estation.identity;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions live in the database (Spring Session JDBC) so that any node serves any request. Spring Session
 * stamps every request's time on its session and so rewrote the session row on every request of a signed-in
 * person, in a transaction of its own. Here a session is written only when something in it changed
 * (signing in, the second factor, an attribute), or when its last-access time is more than
 * {@code estation.session.touch-interval} (one minute) behind: the idle time-out then counts from a time
 * at most that much older than the true last request (a 30-minute idle time-out ends after 29 to 30
 * minutes of inactivity).
 * <p>
 * Nothing is cached: every request still reads its session from the database (one statement), so
 * signing out, "sign out everywhere" and an administrator's reset take effect on every node at the next
 * request.
 */
@Configuration(proxyBeanMethods = false)
class SessionWrites {

	/**
	 * Wraps Spring Boot's {@link JdbcIndexedSessionRepository} where it is made (a repository of our own would
	 * turn Boot's whole JDBC session configuration off), so every user of the session repository, the
	 * session filter included, gets the throttled one.
	 */
	@Bean
	static BeanPostProcessor throttledSessionWrites(Environment environment) {
		return new BeanPostProcessor() {
			@Override
			@SuppressWarnings({ "unchecked", "rawtypes" })
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcIndexedSessionRepository jdbc) {
					Duration interval = environment.getProperty("estation.session.touch-interval", Duration.class,
							Duration.ofMinutes(1));
					return new Throttled((FindByIndexNameSessionRepository) jdbc, interval, jdbc);
				}
				return bean;
			}
		};
	}

	/**
	 * The session found for the request being served on this thread. Spring Session commits a session twice when
	 * the response is committed before the request ends (a page longer than the response buffer): the second time
	 * it looks the session up again. Remembered from the lookup until the end of the request
	 * ({@link #requestDone()}), so a request reads its session once.
	 */
	private static final ThreadLocal<Touched> FOUND = new ThreadLocal<>();

	/** Forgets the session found for the request served on this thread. */
	static void requestDone() {
		FOUND.remove();
	}

	/** Outside the session filter: forgets the request's session when the request is done. */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> forgetFoundSession() {
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				requestDone();
				try {
					chain.doFilter(request, response);
				}
				finally {
					requestDone();
				}
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/** The database's sessions, their last-access time written at most once per interval. */
	static final class Throttled implements FindByIndexNameSessionRepository<Session>, DisposableBean {

		private final FindByIndexNameSessionRepository<Session> sessions;

		private final Duration interval;

		private final DisposableBean stopped;

		Throttled(FindByIndexNameSessionRepository<Session> sessions, Duration interval, DisposableBean stopped) {
			this.sessions = sessions;
			this.interval = interval;
			this.stopped = stopped;
		}

		@Override
		public void destroy() throws Exception {
			stopped.destroy(); // the wrapped repository's clean-up scheduler
		}

		@Override
		public Session createSession() {
			return new Touched(sessions.createSession(), null, interval);
		}

		@Override
		public void save(Session session) {
			sessions.save(((Touched) session).stored);
		}

		@Override
		public Session findById(String id) {
			Touched found = FOUND.get();
			if (found != null && found.getId().equals(id)) {
				return found;
			}
			Session stored = sessions.findById(id);
			found = stored == null ? null : new Touched(stored, stored.getLastAccessedTime(), interval);
			FOUND.set(found);
			return found;
		}

		@Override
		public void deleteById(String id) {
			FOUND.remove();
			sessions.deleteById(id);
		}

		@Override
		public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return sessions.findByIndexNameAndIndexValue(indexName, indexValue)
				.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey,
						e -> new Touched(e.getValue(), e.getValue().getLastAccessedTime(), interval)));
		}

	}

	/**
	 * A session whose new last-access time reaches the stored session (and so marks it changed) only when
	 * the stored one is at least the interval old; everything else passes straight through.
	 */
	static final class Touched implements Session {

		final Session stored;

		private final Instant storedAccess;

		private final Duration interval;

		private Instant lastAccess;

		Touched(Session stored, Instant storedAccess, Duration interval) {
			this.stored = stored;
			this.storedAccess = storedAccess;
			this.interval = interval;
			this.lastAccess = stored.getLastAccessedTime();
		}

		@Override
		public void setLastAccessedTime(Instant time) {
			lastAccess = time;
			if (storedAccess == null || Duration.between(storedAccess, time).compareTo(interval) >= 0) {
				stored.setLastAccessedTime(time);
			}
		}

		@Override
		public Instant getLastAccessedTime() {
			return lastAccess;
		}

		@Override
		public String getId() {
			return stored.getId();
		}

		@Override
		public String changeSessionId() {
			return stored.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String name) {
			return stored.getAttribute(name);
		}

		@Override
		public Set<String> getAttributeNames() {
			return stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String name, Object value) {
			stored.setAttribute(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			stored.removeAttribute(name);
		}

		@Override
		public Instant getCreationTime() {
			return stored.getCreationTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return stored.isExpired();
		}

	}

}
