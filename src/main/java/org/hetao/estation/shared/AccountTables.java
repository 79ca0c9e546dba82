package org.hetao.estation.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link PersonalDataContributor} whose data are rows of its module's tables that name the account: the export is
 * one list of rows per category, in the order given; the subclass says how they are erased.
 */
public abstract class AccountTables implements PersonalDataContributor {

	/** A category of the export and the query of its rows (naming the account {@code :a}). */
	public record Export(String category, String sql) {
	}

	private final String section;

	private final JdbcClient jdbc;

	private final List<Export> exports;

	protected AccountTables(String section, JdbcClient jdbc, Export... exports) {
		this.section = section;
		this.jdbc = jdbc;
		this.exports = List.of(exports);
	}

	@Override
	public String section() {
		return section;
	}

	@Override
	public Map<String, Object> export(long accountId) {
		AccountRows rows = new AccountRows(jdbc, accountId);
		Map<String, Object> out = new LinkedHashMap<>();
		for (Export export : exports) {
			out.put(export.category(), rows.list(export.sql()));
		}
		return out;
	}

	@Override
	public List<Outcome> erase(long accountId, Retention retention) {
		return erase(new AccountRows(jdbc, accountId), retention);
	}

	/** Erases or anonymises the account's rows that may go; one outcome per category. */
	protected abstract List<Outcome> erase(AccountRows rows, Retention retention);

}
