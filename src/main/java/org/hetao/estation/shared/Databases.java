package org.hetao.estation.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

/** What kind of database the platform runs on, for the few statements written for one kind. */
public final class Databases {

	private Databases() {
	}

	/** Whether the database is PostgreSQL (production); else it is H2 (development, tests). */
	public static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot tell the database's kind", e);
		}
	}

}
