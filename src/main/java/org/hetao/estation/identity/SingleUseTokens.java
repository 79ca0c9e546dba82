package org.hetao.estation.identity;

import static org.hetao.estation.shared.Timestamps.ts;

import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table of single-use link tokens (a password reset link, an unlock link), kept as SHA-256 hashes: which account
 * a token names while it is still usable. Built by the bean that owns the table, with its own {@link JdbcClient}.
 */
final class SingleUseTokens {

	private final JdbcClient jdbc;

	private final String table;

	private final Clock clock;

	SingleUseTokens(JdbcClient jdbc, String table, Clock clock) {
		this.jdbc = jdbc;
		this.table = table;
		this.clock = clock;
	}

	/** The account of a well-formed token that is neither used nor expired. */
	Optional<Long> accountOf(String token) {
		if (token == null || token.length() < 20 || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("select account_id from " + table
				+ " where token_hash = :h and used_at is null and expires_at > :now")
			.param("h", SecondFactor.sha256(token))
			.param("now", ts(clock.instant()))
			.query(Long.class)
			.optional();
	}

}
