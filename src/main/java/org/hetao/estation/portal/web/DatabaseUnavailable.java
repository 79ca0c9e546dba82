package org.hetao.estation.portal.web;

import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Whether a failure means the database cannot be reached (answered with 503 and Retry-After, never 500). */
final class DatabaseUnavailable {

	private DatabaseUnavailable() {
	}

	/** The connection itself failed (not a lock or a timeout on a working database). */
	static boolean connectionLost(Throwable failure) {
		int depth = 0;
		for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
			if (t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
					|| t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
					|| t instanceof SQLNonTransientConnectionException || t instanceof ConnectException
					|| t instanceof org.springframework.transaction.TransactionSystemException) {
				return true;
			}
			if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The pool gave no connection in time and saw no connection fail: Hikari then throws a
	 * {@link SQLTransientConnectionException} with no cause (with the last connection failure as its
	 * cause when the database refused one).
	 */
	static boolean poolTimeout(Throwable failure) {
		int depth = 0;
		for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
			if (t instanceof SQLTransientConnectionException && t.getCause() == null) {
				return true;
			}
		}
		return false;
	}

	/** Whether the failure came from data access at all (then a probe decides whether the database is away). */
	static boolean involvesDatabase(Throwable failure) {
		int depth = 0;
		for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
			if (t instanceof java.sql.SQLException || t instanceof org.springframework.dao.DataAccessException
					|| t instanceof org.springframework.transaction.TransactionException) {
				return true;
			}
		}
		return false;
	}

	static boolean causedIt(Throwable failure) {
		int depth = 0;
		for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
			if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
					|| t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
					|| t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
					|| t instanceof ConnectException || t instanceof org.springframework.transaction.TransactionSystemException) {
				return true;
			}
			if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true; // SQL state class 08: connection exception
			}
		}
		return false;
	}

}
