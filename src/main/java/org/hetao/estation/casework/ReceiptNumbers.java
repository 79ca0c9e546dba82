package org.hetao.estation.casework;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
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
		if (increment(key) == 0) {
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
			if (increment(key) == 0) {
				throw new IllegalStateException("no receipt counter for " + key);
			}
		}
		int number = jdbc.sql("select last_number from casework_receipt_counter where receipt_day = :d")
			.param("d", key)
			.query(Integer.class)
			.single();
		return "HT" + key + "-" + String.format("%06d", number);
	}

	private int increment(String key) {
		return jdbc.sql("update casework_receipt_counter set last_number = last_number + 1 where receipt_day = :d")
			.param("d", key)
			.update();
	}

}
