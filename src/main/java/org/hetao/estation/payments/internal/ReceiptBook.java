package org.hetao.estation.payments.internal;

import static org.hetao.estation.shared.Timestamps.ts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The e-receipts' table: which number belongs to which payment. */
@Repository
public class ReceiptBook {

	private final JdbcClient jdbc;

	ReceiptBook(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The payment's receipt number, or {@code fresh} made its number now (a second caller's fresh is dropped). */
	public String numberFor(String paymentId, String fresh, Instant now) {
		jdbc.sql("""
				insert into payments_receipt (number, payment_id, issued_at) values (:n, :p, :now)
				on conflict do nothing""")
			.param("n", fresh)
			.param("p", paymentId)
			.param("now", ts(now))
			.update();
		return jdbc.sql("select number from payments_receipt where payment_id = :p")
			.param("p", paymentId)
			.query(String.class)
			.single();
	}

	public Optional<String> paymentOf(String number) {
		return jdbc.sql("select payment_id from payments_receipt where number = :n")
			.param("n", number)
			.query(String.class)
			.optional();
	}

	/** When the payment went through (null when it has not). */
	public Instant succeededAt(String paymentId) {
		return jdbc.sql("select succeeded_at from payments_payment where id = :p")
			.param("p", paymentId)
			.query((rs, n) -> {
				OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
				return at == null ? null : at.toInstant();
			})
			.optional()
			.orElse(null);
	}

}
