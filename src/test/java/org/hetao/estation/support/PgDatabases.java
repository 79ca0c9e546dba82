package org.hetao.estation.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fresh PostgreSQL databases for tests that start the application as separate processes: created on the
 * server the PostgreSQL test run points at ({@code spring.datasource.url} or {@code ESTATION_TEST_PG_URL}).
 */
public final class PgDatabases {

	private PgDatabases() {
	}

	/** The configured test database URL. */
	public static String baseUrl() {
		String url = System.getProperty("spring.datasource.url");
		if (url == null || !url.startsWith("jdbc:postgresql:")) {
			url = System.getenv("ESTATION_TEST_PG_URL");
		}
		if (url == null || !url.startsWith("jdbc:postgresql:")) {
			throw new IllegalStateException("No PostgreSQL URL (spring.datasource.url / ESTATION_TEST_PG_URL)");
		}
		return url;
	}

	public static String user() {
		String user = System.getProperty("spring.datasource.username");
		return user == null || user.isBlank() ? "postgres" : user;
	}

	public static String password() {
		String password = System.getProperty("spring.datasource.password");
		return password == null ? "" : password;
	}

	/** jdbc:postgresql://host:port/name?params → host:port */
	public static String hostAndPort() {
		String rest = baseUrl().substring("jdbc:postgresql://".length());
		int slash = rest.indexOf('/');
		String hostPort = slash < 0 ? rest : rest.substring(0, slash);
		return hostPort.contains(":") ? hostPort : hostPort + ":5432";
	}

	public static String url(String hostPort, String database) {
		return "jdbc:postgresql://" + hostPort + "/" + database;
	}

	public static String create(String prefix) {
		String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		admin("create database " + name);
		return name;
	}

	public static void drop(String name) {
		try {
			admin("drop database if exists " + name + " with (force)");
		}
		catch (RuntimeException ex) {
			System.err.println("Could not drop " + name + ": " + ex.getMessage());
		}
	}

	public static Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(url(hostAndPort(), database), user(), password());
	}

	private static void admin(String sql) {
		try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

}
