package org.hetao.estation.hall.internal;

import static org.hetao.estation.shared.Timestamps.ts;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.hetao.estation.shared.Problem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which clerk is signed in at which window for their shift. A window holds one clerk and a clerk one
 * window; the window is claimed with a conditional update so two clerks cannot both take it.
 */
@Service
public class WindowSessions {

	private final JdbcClient jdbc;

	private final HallSettings settings;

	private final Clock clock;

	public WindowSessions(JdbcClient jdbc, HallSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	public void signIn(String window, long clerkId, String clerkName) {
		settings.window(window).orElseThrow(() -> Problem.notFound("hall.error.noSuchWindow", window));
		try {
			jdbc.sql("insert into hall_window_state (window_number) values (?)").param(window).update();
		}
		catch (DuplicateKeyException exists) {
			// the window's row was created before
		}
		int taken = jdbc.sql("""
				update hall_window_state set clerk_id = ?, clerk_name = ?, since = ?
				where window_number = ? and (clerk_id is null or clerk_id = ?)""")
			.params(clerkId, clerkName, ts(clock.instant()), window, clerkId)
			.update();
		if (taken != 1) {
			throw Problem.conflict("hall.error.windowTaken", window);
		}
		// A clerk works at one window at a time: leave any other.
		jdbc.sql("update hall_window_state set clerk_id = null, clerk_name = null, since = null where clerk_id = ? and window_number <> ?")
			.params(clerkId, window)
			.update();
	}

	public void signOut(long clerkId) {
		jdbc.sql("update hall_window_state set clerk_id = null, clerk_name = null, since = null where clerk_id = ?")
			.param(clerkId)
			.update();
	}

	public Optional<String> windowOf(long clerkId) {
		return jdbc.sql("select window_number from hall_window_state where clerk_id = ?")
			.param(clerkId)
			.query(String.class)
			.optional();
	}

	public boolean isSignedIn(String window, long clerkId) {
		return windowOf(clerkId).filter(window::equals).isPresent();
	}

	/** Window number → name of the clerk signed in there. */
	public Map<String, String> signedIn() {
		Map<String, String> result = new LinkedHashMap<>();
		jdbc.sql("select window_number, clerk_name from hall_window_state where clerk_id is not null order by window_number")
			.query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(e -> result.put(e.getKey(), e.getValue()));
		return result;
	}

}
