package org.hetao.estation.policy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hetao.estation.policy.Policy;
import org.hetao.estation.policy.PolicyGrants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The grants of 免申即享: one per (policy, enterprise), the database's unique key deciding, so a second run or a
 * second notify records nothing new. The sums come from {@code policy/grants.json} (data, see its comment).
 */
@Repository
public class Grants implements PolicyGrants {

	private final JdbcClient jdbc;

	private final Map<String, BigDecimal> amounts;

	Grants(JdbcClient jdbc, ObjectMapper json,
			@Value("${estation.policy.grants:classpath:policy/grants.json}") Resource amountsFile) throws IOException {
		this.jdbc = jdbc;
		Map<String, BigDecimal> read = new LinkedHashMap<>();
		try (InputStream in = amountsFile.getInputStream()) {
			JsonNode root = json.readTree(in);
			for (var e : root.path("amounts").properties()) {
				BigDecimal amount = e.getValue().decimalValue();
				if (amount.signum() <= 0) {
					throw new IllegalStateException("policy/grants.json: the sum of " + e.getKey() + " must be positive");
				}
				read.put(e.getKey(), amount);
			}
		}
		this.amounts = Map.copyOf(read);
	}

	/** The sum the policy grants, if it grants a fixed one. */
	public Optional<BigDecimal> amountOf(String policyCode) {
		return Optional.ofNullable(amounts.get(policyCode));
	}

	/**
	 * Records the grant of the policy to the enterprise, matched by the run; empty when it had been granted before
	 * (by this run's earlier notify, or another run): then nobody is told twice.
	 */
	Optional<Grant> grant(Policy policy, long accountId, long runId, LocalDate on, Instant at) {
		if (jdbc.sql("select count(*) from policy_grant where policy_code = ? and account_id = ?")
			.params(policy.code(), accountId).query(Integer.class).single() > 0) {
			return Optional.empty();
		}
		List<String> conditions = policy.conditions().stream().map(Policy.Condition::id).toList();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					insert into policy_grant (policy_code, account_id, run_id, amount, granted_on, status, conditions,
					    created_at, messages)
					values (?, ?, ?, ?, ?, ?, ?, ?, 0)""")
				.params(policy.code(), accountId, runId, amounts.get(policy.code()), on, Status.GRANTED.name(),
						String.join(",", conditions), Timestamp.from(at))
				.update(keys, "id");
		}
		catch (DuplicateKeyException grantedMeanwhile) {
			return Optional.empty();
		}
		return find(keys.getKey().longValue());
	}

	public Optional<Grant> find(long id) {
		return jdbc.sql("select * from policy_grant where id = ?").param(id).query(this::map).optional();
	}

	@Override
	public List<Grant> of(long accountId) {
		return jdbc.sql("select * from policy_grant where account_id = ? order by granted_on desc, id desc")
			.param(accountId).query(this::map).list();
	}

	/** The grants a run recorded, and those of its matches granted earlier (by another run). */
	public List<Grant> ofRunMatches(long runId) {
		return jdbc.sql("""
				select g.* from policy_grant g
				join policy_match_run r on r.id = ? and r.policy_code = g.policy_code
				join policy_match_recipient m on m.run_id = r.id and m.account_id = g.account_id
				order by g.account_id""")
			.param(runId).query(this::map).list();
	}

	@Override
	public boolean claimTelling(long grantId, Instant at) {
		return jdbc.sql("update policy_grant set status = ?, notified_at = ? where id = ? and notified_at is null")
			.params(Status.NOTIFIED.name(), Timestamp.from(at), grantId)
			.update() == 1;
	}

	@Override
	public void told(long grantId, int messages) {
		jdbc.sql("update policy_grant set messages = ? where id = ?").params(messages, grantId).update();
	}

	private Grant map(ResultSet rs, int n) throws SQLException {
		Timestamp notified = rs.getTimestamp("notified_at");
		String conditions = rs.getString("conditions");
		return new Grant(rs.getLong("id"), rs.getString("policy_code"), rs.getLong("account_id"), rs.getLong("run_id"),
				rs.getBigDecimal("amount"), rs.getObject("granted_on", LocalDate.class), Status.valueOf(rs.getString("status")),
				conditions.isBlank() ? List.of() : Arrays.asList(conditions.split(",")),
				notified == null ? null : notified.toInstant(), rs.getInt("messages"));
	}

}
