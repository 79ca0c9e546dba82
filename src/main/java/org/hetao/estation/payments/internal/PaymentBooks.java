package org.hetao.estation.payments.internal;

import static org.hetao.estation.shared.Timestamps.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.hetao.estation.catalog.Fee;
import org.hetao.estation.payments.FeeLine;
import org.hetao.estation.payments.FeeStatus;
import org.hetao.estation.payments.Payment;
import org.hetao.estation.payments.PaymentMethod;
import org.hetao.estation.payments.PaymentStatus;
import org.hetao.estation.shared.Money;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payments module's tables: fee lines, payments and the notifications applied. */
@Repository
public class PaymentBooks {

	private final JdbcClient jdbc;

	PaymentBooks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The rows a query finds for one case, named {@code :r} by its receipt number. */
	private <T> List<T> ofCase(String sql, String receipt, RowMapper<T> rows) {
		return jdbc.sql(sql).param("r", receipt).query(rows).list();
	}

	// --- fee lines

	/** Records a task's fee once (a second record of the same task changes nothing); true when it was new. */
	public boolean addLine(long caseId, String receipt, long taskId, String itemCode, String department, Long applicant,
			Money amount, FeeStatus status, Fee.PayPoint payBefore, String waiveReason, Instant now) {
		return jdbc.sql("""
					insert into payments_fee_line (case_id, receipt_number, task_id, item_code, department_code,
					    applicant_account_id, amount_minor, currency, status, pay_before, waive_reason, created_at, due_at)
					values (:c, :r, :t, :i, :d, :a, :m, :cur, :s, :p, :w, :now, :due)
					on conflict do nothing""")
				.param("c", caseId)
				.param("r", receipt)
				.param("t", taskId)
				.param("i", itemCode)
				.param("d", department)
				.param("a", applicant)
				.param("m", amount.minor())
				.param("cur", amount.currency())
				.param("s", status.name())
				.param("p", payBefore.name())
				.param("w", waiveReason)
				.param("now", ts(now))
				.param("due", status == FeeStatus.DUE ? ts(now) : null)
				.update() == 1;
	}

	public Optional<FeeLine> lineOfTask(long taskId) {
		return jdbc.sql("select * from payments_fee_line where task_id = :t").param("t", taskId).query(PaymentBooks::line).optional();
	}

	/** Makes a line payable, with the amount assessed at acceptance; only from NOT_YET_DUE. */
	public boolean makeDue(long taskId, Money amount, Instant now) {
		return jdbc.sql("""
				update payments_fee_line set status = 'DUE', amount_minor = :m, currency = :cur, due_at = :now,
				    version = version + 1
				where task_id = :t and status = 'NOT_YET_DUE'""")
			.param("m", amount.minor())
			.param("cur", amount.currency())
			.param("now", ts(now))
			.param("t", taskId)
			.update() == 1;
	}

	public List<FeeLine> lines(String receipt) {
		return ofCase("select * from payments_fee_line where receipt_number = :r order by id",
				receipt, PaymentBooks::line);
	}

	/**
	 * The case's lines that are due and held by no live payment, locked for this transaction (so that two
	 * payments made at once cannot both take them).
	 */
	public List<FeeLine> unpaidDueLinesForUpdate(String receipt) {
		return ofCase("""
				select * from payments_fee_line l
				where l.receipt_number = :r and l.status = 'DUE'
				  and not exists (select 1 from payments_payment_line pl join payments_payment p on p.id = pl.payment_id
				                  where pl.fee_line_id = l.id and p.status in ('CREATED', 'SUBMITTED', 'SUCCEEDED'))
				order by l.id
				for update""", receipt, PaymentBooks::line);
	}

	/**
	 * The case's lines that are due, locked for this transaction, whether or not an online payment is open for
	 * them: the window takes the money in front of it (an online payment that then succeeds is refunded).
	 */
	public List<FeeLine> dueLinesForUpdate(String receipt) {
		return ofCase("select * from payments_fee_line where receipt_number = :r and status = 'DUE' order by id for update",
				receipt, PaymentBooks::line);
	}

	/** Waives a line not yet paid (due or not yet due), keeping the reason; false when it was paid, waived or refunded. */
	public boolean waive(long taskId, String reason, Instant now) {
		return jdbc.sql("""
				update payments_fee_line set status = 'WAIVED', waive_reason = :why, version = version + 1
				where task_id = :t and status in ('DUE', 'NOT_YET_DUE')""")
			.param("why", reason)
			.param("t", taskId)
			.update() == 1;
	}

	/** One currency's fee lines in one status, of one department: their count and sum. */
	public record Total(String departmentCode, String currency, FeeStatus status, long count, long minor) {
	}

	/** The fee lines summed by department, currency and status. */
	public List<Total> totals() {
		return jdbc.sql("""
				select department_code, currency, status, count(*) as n, sum(amount_minor) as total
				from payments_fee_line group by department_code, currency, status
				order by department_code, currency, status""")
			.query((rs, row) -> new Total(rs.getString("department_code"), rs.getString("currency"),
					FeeStatus.valueOf(rs.getString("status")), rs.getLong("n"), rs.getLong("total")))
			.list();
	}

	public List<FeeLine> linesOf(String paymentId) {
		return jdbc.sql("""
				select l.* from payments_fee_line l join payments_payment_line pl on pl.fee_line_id = l.id
				where pl.payment_id = :p order by l.id""").param("p", paymentId).query(PaymentBooks::line).list();
	}

	/** Marks the payment's lines paid; the number of lines that were still due (the others were paid another way). */
	public int markPaid(String paymentId, Instant now) {
		return jdbc.sql("""
				update payments_fee_line set status = 'PAID', paid_at = :now, version = version + 1
				where status = 'DUE' and id in (select fee_line_id from payments_payment_line where payment_id = :p)""")
			.param("now", ts(now))
			.param("p", paymentId)
			.update();
	}

	static FeeLine line(ResultSet rs, int row) throws SQLException {
		return new FeeLine(rs.getLong("id"), rs.getLong("case_id"), rs.getString("receipt_number"), rs.getLong("task_id"),
				rs.getString("item_code"), rs.getString("department_code"), (Long) rs.getObject("applicant_account_id", Long.class),
				Money.of(rs.getLong("amount_minor"), rs.getString("currency")), FeeStatus.valueOf(rs.getString("status")),
				Fee.PayPoint.valueOf(rs.getString("pay_before")), rs.getString("waive_reason"));
	}

	// --- payments

	/** Inserts a payment with its lines; false when the payer already used this idempotency key. */
	public boolean addPayment(Payment p, String idempotencyKey, List<FeeLine> lines, Instant now) {
		int added = paymentValues(jdbc.sql("""
					insert into payments_payment (id, receipt_number, payer_account_id, amount_minor, currency, status,
					    provider, idempotency_key, created_at, updated_at)
					values (:id, :r, :payer, :m, :cur, :s, :prov, :key, :now, :now)
					on conflict do nothing"""), p, idempotencyKey, now)
			.param("s", p.status().name())
			.update();
		if (added == 0) {
			return false;
		}
		addPaymentLines(p.id(), lines);
		return true;
	}

	/** What every new payment row holds, bound for its insert. */
	private static JdbcClient.StatementSpec paymentValues(JdbcClient.StatementSpec insert, Payment p, String idempotencyKey,
			Instant now) {
		return insert.param("id", p.id())
			.param("r", p.receiptNumber())
			.param("payer", p.payerAccountId())
			.param("m", p.amount().minor())
			.param("cur", p.amount().currency())
			.param("prov", p.provider())
			.param("key", idempotencyKey)
			.param("now", ts(now));
	}

	/** Ties a payment to the fee lines it pays. */
	private void addPaymentLines(String paymentId, List<FeeLine> lines) {
		for (FeeLine line : lines) {
			jdbc.sql("insert into payments_payment_line (payment_id, fee_line_id) values (:p, :l)")
				.param("p", paymentId)
				.param("l", line.id())
				.update();
		}
	}

	/**
	 * Removes a payment its provider never took (it could not be reached), with its hold on the fees; only while it
	 * is still CREATED with no provider reference.
	 */
	public void forgetUnsent(String id) {
		int removed = jdbc.sql("delete from payments_payment where id = :id and status = 'CREATED' and provider_ref is null")
			.param("id", id)
			.update();
		if (removed == 1) {
			jdbc.sql("delete from payments_payment_line where payment_id = :id").param("id", id).update();
		}
	}

	/** Removes the case's payments that were made before {@code before} and never reached their provider. */
	public void forgetUnsentBefore(String receipt, Instant before) {
		jdbc.sql("""
				select id from payments_payment
				where receipt_number = :r and status = 'CREATED' and provider_ref is null and created_at < :before""")
			.param("r", receipt)
			.param("before", ts(before))
			.query(String.class)
			.list()
			.forEach(this::forgetUnsent);
	}

	/**
	 * Inserts a payment taken at the window, succeeded at once, with its lines, and marks them paid; false when
	 * the clerk already used this idempotency key.
	 */
	public boolean addWindowPayment(Payment p, String idempotencyKey, List<FeeLine> lines, Instant now) {
		int added = paymentValues(jdbc.sql("""
					insert into payments_payment (id, receipt_number, payer_account_id, amount_minor, currency, status,
					    provider, idempotency_key, created_at, updated_at, succeeded_at, method, reference)
					values (:id, :r, :payer, :m, :cur, 'SUCCEEDED', :prov, :key, :now, :now, :now, :method, :ref)
					on conflict do nothing"""), p, idempotencyKey, now)
			.param("method", p.method().name())
			.param("ref", p.reference())
			.update();
		if (added == 0) {
			return false;
		}
		addPaymentLines(p.id(), lines);
		markPaid(p.id(), now);
		return true;
	}

	public Optional<Payment> payment(String id) {
		return jdbc.sql("select * from payments_payment where id = :id").param("id", id).query(PaymentBooks::payment).optional();
	}

	public Optional<Payment> paymentByKey(long payer, String idempotencyKey) {
		return jdbc.sql("select * from payments_payment where payer_account_id = :p and idempotency_key = :k")
			.param("p", payer)
			.param("k", idempotencyKey)
			.query(PaymentBooks::payment)
			.optional();
	}

	public Optional<Payment> paymentByProviderRef(String provider, String ref) {
		return jdbc.sql("select * from payments_payment where provider = :p and provider_ref = :r")
			.param("p", provider)
			.param("r", ref)
			.query(PaymentBooks::payment)
			.optional();
	}

	public List<Payment> payments(String receipt) {
		return ofCase("select * from payments_payment where receipt_number = :r order by created_at, id",
				receipt, PaymentBooks::payment);
	}

	public void attachProvider(String id, String ref, String nextUrl, Instant now) {
		jdbc.sql("update payments_payment set provider_ref = :ref, next_url = :next, updated_at = :now where id = :id")
			.param("ref", ref)
			.param("next", nextUrl)
			.param("now", ts(now))
			.param("id", id)
			.update();
	}

	/** Moves a payment on, only from one of the states given; true when it moved. */
	public boolean move(String id, PaymentStatus to, Instant now, PaymentStatus... from) {
		return jdbc.sql("""
				update payments_payment set status = :to, updated_at = :now,
				    succeeded_at = case when :to = 'SUCCEEDED' then :now else succeeded_at end
				where id = :id and status in (:from)""")
			.param("to", to.name())
			.param("now", ts(now))
			.param("id", id)
			.param("from", java.util.Arrays.stream(from).map(Enum::name).toList())
			.update() == 1;
	}

	/**
	 * Books a refund of {@code minor} on a succeeded payment, never more than was paid and not yet refunded: false
	 * (and nothing booked) otherwise — so two refunds at once cannot together return more than was paid.
	 */
	public boolean bookRefund(String id, long minor, Instant now) {
		return jdbc.sql("""
				update payments_payment set refunded_minor = refunded_minor + :m,
				    status = case when refunded_minor + :m = amount_minor then 'REFUNDED' else 'PARTIALLY_REFUNDED' end,
				    updated_at = :now
				where id = :id and status in ('SUCCEEDED', 'PARTIALLY_REFUNDED') and refunded_minor + :m <= amount_minor""")
			.param("m", minor)
			.param("now", ts(now))
			.param("id", id)
			.update() == 1;
	}

	/** Records a refund the provider made. */
	public void addRefund(String paymentId, Money amount, String reason, String by, Instant at) {
		jdbc.sql("""
				insert into payments_refund (payment_id, amount_minor, currency, reason, refunded_by, refunded_at)
				values (:p, :m, :c, :r, :b, :at)""")
			.param("p", paymentId)
			.param("m", amount.minor())
			.param("c", amount.currency())
			.param("r", reason)
			.param("b", by)
			.param("at", ts(at))
			.update();
	}

	/** Takes back a booked refund the provider did not make. */
	public void unbookRefund(String id, long minor, Instant now) {
		jdbc.sql("""
				update payments_payment set refunded_minor = refunded_minor - :m,
				    status = case when refunded_minor - :m = 0 then 'SUCCEEDED' else 'PARTIALLY_REFUNDED' end, updated_at = :now
				where id = :id""")
			.param("m", minor)
			.param("now", ts(now))
			.param("id", id)
			.update();
	}

	/** Marks the payment's paid lines refunded (when all of it went back). */
	public void markRefunded(String paymentId) {
		jdbc.sql("""
				update payments_fee_line set status = 'REFUNDED', version = version + 1
				where status = 'PAID' and id in (select fee_line_id from payments_payment_line where payment_id = :p)""")
			.param("p", paymentId)
			.update();
	}

	public void refunded(String id, long refundedMinor, PaymentStatus status, Instant now) {
		jdbc.sql("update payments_payment set refunded_minor = :m, status = :s, updated_at = :now where id = :id")
			.param("m", refundedMinor)
			.param("s", status.name())
			.param("now", ts(now))
			.param("id", id)
			.update();
	}

	static Payment payment(ResultSet rs, int row) throws SQLException {
		return new Payment(rs.getString("id"), rs.getString("receipt_number"), rs.getLong("payer_account_id"),
				Money.of(rs.getLong("amount_minor"), rs.getString("currency")), PaymentStatus.valueOf(rs.getString("status")),
				rs.getString("provider"), rs.getString("provider_ref"), rs.getString("next_url"), rs.getLong("refunded_minor"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), PaymentMethod.valueOf(rs.getString("method")),
				rs.getString("reference"));
	}

	// --- notifications

	/** Records a provider's notification; false when it was applied before (a duplicate). */
	public boolean firstTime(String provider, String eventId, String paymentId, String outcome, Instant now) {
		return jdbc.sql("""
					insert into payments_notification (provider, event_id, payment_id, outcome, received_at)
					values (:p, :e, :pay, :o, :now)
					on conflict do nothing""")
				.param("p", provider)
				.param("e", eventId)
				.param("pay", paymentId)
				.param("o", outcome)
				.param("now", ts(now))
				.update() == 1;
	}

}
