package org.hetao.estation.casework;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receipt numbers {@code HT20261127-000123}: the day and its sequence. The counter row is incremented in
 * the submitting transaction, so the number is used only if the case is stored, without gaps, and the
 * database's row lock and unique receipt constraint keep it unique across application nodes.
 */
@Component
class ReceiptNumbers {

	private final JdbcClient jdbc;

	private final TransactionTemplate separately;

	ReceiptNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	String next(LocalDate day) {
		String key = day.format(DateTimeFormatter.BASIC_ISO_DATE);
		Integer number = increment(key);
		if (number == null) {
			try {
				// the day's first receipt: create the counter in its own transaction, so that a
				// concurrent creation on another node cannot abort the submission
				separately.executeWithoutResult(s -> jdbc
					.sql("insert into casework_receipt_counter (receipt_day, last_number) values (:d, 0)")
					.param("d", key)
					.update());
			}
			catch (DuplicateKeyException alreadyThere) {
				// another submission created it first
			}
			number = increment(key);
			if (number == null) {
				throw new IllegalStateException("no receipt counter for " + key);
			}
		}
		return "HT" + key + "-" + String.format("%06d", number);
	}

	/**
	 * Adds one to the day's counter and reads the new value back in the same round trip (the driver
	 * returns the updated column as a generated key); null when the day has no counter yet.
	 */
	private Integer increment(String key) {
		GeneratedKeyHolder updated = new GeneratedKeyHolder();
		int rows = jdbc.sql("update casework_receipt_counter set last_number = last_number + 1 where receipt_day = :d")
			.param("d", key)
			.update(updated, "last_number");
		if (rows == 0) {
			return null;
		}
		Map<String, Object> values = updated.getKeys();
		Object value = values.containsKey("last_number") ? values.get("last_number") : values.values().iterator().next();
		return ((Number) value).intValue();
	}

}
