package org.hetao.estation.casework.internal;

import java.time.LocalDate;

import org.hetao.estation.shared.ReceiptNumberFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Receipt numbers ({@link ReceiptNumberFormat}, {@code HT20261127-000123}): the day and a number from the database
 * sequence {@code casework_receipt_seq} (its last six digits). Drawing a number takes no lock and needs no transaction of
 * its own, so submissions never wait for each other here: the day's counter row this replaces was locked from
 * the draw to the submission's commit and serialised every submission (the benchmark's profile), and drawing
 * blocks of it in a separate transaction needed a second pooled connection per submitting thread. Numbers are
 * unique across nodes (the sequence, and {@code receipt_number} is unique in the database) and increase; they
 * skip when a submission fails, and do not restart at 1 each day.
 */
@Component
public class ReceiptNumbers {

	private final JdbcClient jdbc;

	ReceiptNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public String next(LocalDate date) {
		long value = jdbc.sql("select nextval('casework_receipt_seq')").query(Long.class).single();
		return ReceiptNumberFormat.format(date, value);
	}

}
