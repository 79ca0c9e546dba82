package org.hetao.estation.casework;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receipt numbers {@code HT20261127-000123}: the day and its sequence. Each node reserves a block of the
 * day's numbers ({@code estation.casework.receipt-block}, 20 by default) from the day's counter row in a
 * short transaction of its own, and hands them out from memory. The counter row is thus locked for one
 * tiny commit per block, not from the number draw to the submission's commit: submissions no longer
 * queue behind each other's commits (the benchmark's profile showed that lock serialising every
 * submission). Numbers stay unique across nodes (the blocks do not overlap, and {@code receipt_number}
 * is unique in the database) and increase on each node; they may skip — a submission that fails does
 * not give its number back, and a node that stops leaves the rest of its block unused.
 */
@Component
class ReceiptNumbers {

	private final JdbcClient jdbc;

	private final TransactionTemplate separately;

	private final int blockSize;

	private String day;

	private int next;

	private int last;

	ReceiptNumbers(JdbcClient jdbc, PlatformTransactionManager transactions,
			@Value("${estation.casework.receipt-block:20}") int blockSize) {
		if (blockSize < 1) {
			throw new IllegalArgumentException("estation.casework.receipt-block must be at least 1");
		}
		this.jdbc = jdbc;
		this.blockSize = blockSize;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	String next(LocalDate date) {
		String key = date.format(DateTimeFormatter.BASIC_ISO_DATE);
		return "HT" + key + "-" + String.format("%06d", take(key));
	}

	private synchronized int take(String key) {
		if (!key.equals(day) || next > last) {
			int reservedLast = reserve(key);
			day = key;
			next = reservedLast - blockSize + 1;
			last = reservedLast;
		}
		if (next > 999_999) {
			throw new IllegalStateException("receipt numbers of " + key + " exhausted");
		}
		return next++;
	}

	/** Reserves the next block of the day in its own transaction; returns the block's last number. */
	private int reserve(String key) {
		Integer last = separately.execute(s -> increment(key));
		if (last == null) {
			try {
				// the day's first block: create the counter in its own transaction, so that a
				// concurrent creation on another node cannot abort anything
				separately.executeWithoutResult(s -> jdbc
					.sql("insert into casework_receipt_counter (receipt_day, last_number) values (:d, 0)")
					.param("d", key)
					.update());
			}
			catch (DuplicateKeyException alreadyThere) {
				// another node created it first
			}
			last = separately.execute(s -> increment(key));
			if (last == null) {
				throw new IllegalStateException("no receipt counter for " + key);
			}
		}
		return last;
	}

	/**
	 * Adds a block to the day's counter and reads the new value back in the same round trip (the driver
	 * returns the updated column as a generated key); null when the day has no counter yet.
	 */
	private Integer increment(String key) {
		GeneratedKeyHolder updated = new GeneratedKeyHolder();
		int rows = jdbc
			.sql("update casework_receipt_counter set last_number = last_number + :block where receipt_day = :d")
			.param("block", blockSize)
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
