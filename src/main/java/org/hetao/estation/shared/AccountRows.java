package org.hetao.estation.shared;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One account's rows in a module's tables, as a {@link PersonalDataContributor} exports and erases them: each
 * statement names the account {@code :a}.
 */
public final class AccountRows {

	private final JdbcClient jdbc;

	private final long accountId;

	public AccountRows(JdbcClient jdbc, long accountId) {
		this.jdbc = jdbc;
		this.accountId = accountId;
	}

	/** The rows a query finds, column names to values, for the export. */
	public List<Map<String, Object>> list(String sql) {
		return jdbc.sql(sql).param("a", accountId).query().listOfRows();
	}

	/** How many rows an update or delete changed. */
	public int update(String sql) {
		return update(sql, Map.of());
	}

	/** How many rows an update or delete changed; the statement names other parameters too. */
	public int update(String sql, Map<String, ?> params) {
		return jdbc.sql(sql).param("a", accountId).params(params).update();
	}

	/** The number a {@code select count(*)} finds; the query names other parameters too. */
	public int count(String sql, Map<String, ?> params) {
		return jdbc.sql(sql).param("a", accountId).params(params).query(Integer.class).single();
	}

}
