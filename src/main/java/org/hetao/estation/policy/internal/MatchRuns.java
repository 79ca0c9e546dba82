package org.hetao.estation.policy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The record of each 免申即享 run: who ran which policy, who qualified, when they were notified. */
@Repository
public class MatchRuns {

	private final JdbcClient jdbc;

	MatchRuns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record MatchRun(long id, String policyCode, String departmentCode, long officerId, Instant runAt,
			int profilesChecked, int qualified, Instant notifiedAt, List<Long> recipients) {
	}

	long create(String policyCode, String departmentCode, long officerId, Instant at, int checked, List<Long> recipients) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into policy_match_run (policy_code, department_code, officer_id, run_at, profiles_checked, qualified) values (?, ?, ?, ?, ?, ?)")
			.params(policyCode, departmentCode, officerId, Timestamp.from(at), checked, recipients.size())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		for (Long account : recipients) {
			jdbc.sql("insert into policy_match_recipient (run_id, account_id) values (?, ?)").params(id, account).update();
		}
		return id;
	}

	public Optional<MatchRun> find(long id) {
		List<Long> recipients = jdbc.sql("select account_id from policy_match_recipient where run_id = ? order by account_id")
			.param(id).query(Long.class).list();
		return jdbc.sql("select id, policy_code, department_code, officer_id, run_at, profiles_checked, qualified, notified_at from policy_match_run where id = ?")
			.param(id)
			.query((rs, n) -> new MatchRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getTimestamp(5).toInstant(), rs.getInt(6), rs.getInt(7),
					rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(), recipients))
			.optional();
	}

	/** Marks the run notified; false when it already was (the database decides, so twice never notifies twice). */
	boolean markNotified(long id, Instant at) {
		return jdbc.sql("update policy_match_run set notified_at = ? where id = ? and notified_at is null")
			.params(Timestamp.from(at), id)
			.update() == 1;
	}

}
