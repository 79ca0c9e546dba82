package org.hetao.estation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;

/** The session's last-access time reaches the stored session at most once a minute; changes always do. */
class SessionWritesTests {

	/** Sessions kept in a map; remembers the last-access time of each save. */
	static final class Stored implements FindByIndexNameSessionRepository<Session> {

		final MapSessionRepository map = new MapSessionRepository(new HashMap<>());

		final Map<String, Instant> savedAccess = new HashMap<>();

		int saves;

		@Override
		public Session createSession() {
			return map.createSession();
		}

		@Override
		public void save(Session session) {
			saves++;
			savedAccess.put(session.getId(), session.getLastAccessedTime());
			map.save((MapSession) session);
		}

		@Override
		public Session findById(String id) {
			return map.findById(id);
		}

		@Override
		public void deleteById(String id) {
			map.deleteById(id);
		}

		@Override
		public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return Map.of();
		}

	}

	final Stored stored = new Stored();

	final SessionWrites.Throttled sessions = new SessionWrites.Throttled(stored, Duration.ofMinutes(1), () -> {
	});

	@Test
	void aTouchWithinTheIntervalDoesNotReachTheStoredSession() {
		Session created = sessions.createSession();
		Instant start = Instant.now();
		created.setLastAccessedTime(start);
		sessions.save(created);
		assertThat(stored.savedAccess.get(created.getId())).isEqualTo(start);

		SessionWrites.requestDone();
		Session again = sessions.findById(created.getId());
		again.setLastAccessedTime(start.plusSeconds(59));
		assertThat(again.getLastAccessedTime()).isEqualTo(start.plusSeconds(59));
		assertThat(stored.findById(created.getId()).getLastAccessedTime()).as("stored").isEqualTo(start);

		assertThat(sessions.findById(created.getId())).as("the same request's second lookup").isSameAs(again);
		SessionWrites.requestDone();
		Session later = sessions.findById(created.getId());
		later.setLastAccessedTime(start.plusSeconds(60));
		sessions.save(later);
		assertThat(stored.savedAccess.get(created.getId())).isEqualTo(start.plusSeconds(60));
	}

	@Test
	void attributesAndTimeOutsPassStraightThrough() {
		Session created = sessions.createSession();
		sessions.save(created);
		SessionWrites.requestDone();
		Session again = sessions.findById(created.getId());
		again.setAttribute("estation.mfa.pending", "VERIFY");
		again.setMaxInactiveInterval(Duration.ofMinutes(5));
		sessions.save(again);
		Session read = stored.findById(created.getId());
		assertThat((String) read.getAttribute("estation.mfa.pending")).isEqualTo("VERIFY");
		assertThat(read.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(5));
		again.removeAttribute("estation.mfa.pending");
		sessions.save(again);
		assertThat((Object) stored.findById(created.getId()).getAttribute("estation.mfa.pending")).isNull();
		sessions.deleteById(created.getId());
		assertThat(sessions.findById(created.getId())).isNull();
		SessionWrites.requestDone();
	}

}
