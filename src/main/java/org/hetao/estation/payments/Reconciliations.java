package org.hetao.estation.payments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.hetao.estation.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily reconciliation (對賬): each provider's settlement file of a day against the platform's books of the
 * same day — every payment taken and every refund made, by the provider's reference — and the day's totals per
 * department, channel and currency. Runs every night for the day before (and on demand); a run of a day replaces
 * that day's findings, so running it twice, or on two nodes, finds the same.
 */
@Service
public class Reconciliations {

	private static final Logger log = LoggerFactory.getLogger(Reconciliations.class);

	/** The zone whose calendar days the settlement files follow: the platform's. */
	static final ZoneId ZONE = org.hetao.estation.shared.Zone.ID;

	private final JdbcClient jdbc;

	private final List<PaymentProvider> providers;

	private final Clock clock;

	Reconciliations(JdbcClient jdbc, List<PaymentProvider> providers, Clock clock) {
		this.jdbc = jdbc;
		this.providers = providers;
		this.clock = clock;
	}

	/** What differs between the books: the platform's and the provider's amounts of one reference. */
	public enum Kind {

		/** the platform counts money the provider did not settle */
		MISSING_AT_PROVIDER,
		/** the provider settled money the platform does not know of (e.g. a notification that never came) */
		MISSING_ON_PLATFORM,
		AMOUNT_DIFFERS

	}

	public record Mismatch(String provider, String providerRef, Kind kind, Money platform, Money provider_) {
	}

	/** One total of the day: what was paid (and refunded) for one department through one channel in one currency. */
	public record Total(String departmentCode, String channel, Money paid, Money refunded) {
	}

	public record Report(LocalDate day, Instant ranAt, int matched, List<Mismatch> mismatches, List<Total> totals) {
	}

	public ZoneId zone() {
		return ZONE;
	}

	public LocalDate yesterday() {
		return LocalDate.now(clock.withZone(ZONE)).minusDays(1);
	}

	@Scheduled(cron = "${estation.payments.reconciliation-cron:0 30 1 * * *}", zone = org.hetao.estation.shared.Zone.NAME)
	void nightly() {
		Report report = run(yesterday());
		if (!report.mismatches().isEmpty()) {
			log.warn("Reconciliation of {}: {} difference(s) between the books and the providers' settlement",
					report.day(), report.mismatches().size());
		}
	}

	/** Reconciles one day with every provider and keeps what it found. */
	@Transactional
	public Report run(LocalDate day) {
		Instant now = clock.instant();
		OffsetDateTime from = day.atStartOfDay(ZONE).toOffsetDateTime();
		OffsetDateTime to = day.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime();
		for (PaymentProvider provider : providers) {
			// the platform's books: payments that went through that day, refunds made that day
			Map<String, Long> platform = new HashMap<>();
			Map<String, String> currency = new HashMap<>();
			jdbc.sql("""
					select provider_ref, amount_minor, currency from payments_payment
					where provider = :p and succeeded_at >= :from and succeeded_at < :to and provider_ref is not null""")
				.param("p", provider.name()).param("from", from).param("to", to)
				.query(rs -> {
					platform.merge("PAYMENT/" + rs.getString(1), rs.getLong(2), Long::sum);
					currency.put(rs.getString(1), rs.getString(3));
				});
			jdbc.sql("""
					select p.provider_ref, r.amount_minor, r.currency from payments_refund r
					join payments_payment p on p.id = r.payment_id
					where p.provider = :p and r.refunded_at >= :from and r.refunded_at < :to""")
				.param("p", provider.name()).param("from", from).param("to", to)
				.query(rs -> {
					platform.merge("REFUND/" + rs.getString(1), rs.getLong(2), Long::sum);
					currency.put(rs.getString(1), rs.getString(3));
				});
			// the provider's settlement file
			Map<String, Long> settled = new HashMap<>();
			for (PaymentProvider.SettlementLine line : provider.settlement(day, ZONE)) {
				settled.merge(line.kind() + "/" + line.providerRef(), line.amount().minor(), Long::sum);
				currency.putIfAbsent(line.providerRef(), line.amount().currency());
			}
			Set<String> keys = new TreeSet<>(platform.keySet());
			keys.addAll(settled.keySet());
			jdbc.sql("delete from payments_mismatch where settlement_day = :d and provider = :p")
				.param("d", day).param("p", provider.name()).update();
			int matched = 0;
			int mismatched = 0;
			for (String key : keys) {
				String ref = key.substring(key.indexOf('/') + 1);
				long ours = platform.getOrDefault(key, 0L);
				long theirs = settled.getOrDefault(key, 0L);
				Kind kind = !platform.containsKey(key) ? Kind.MISSING_ON_PLATFORM
						: !settled.containsKey(key) ? Kind.MISSING_AT_PROVIDER : ours != theirs ? Kind.AMOUNT_DIFFERS : null;
				if (kind == null) {
					matched++;
					continue;
				}
				mismatched++;
				jdbc.sql("""
						insert into payments_mismatch (settlement_day, provider, provider_ref, kind, currency, platform_minor,
						    provider_minor) values (:d, :p, :ref, :k, :c, :ours, :theirs)""")
					.param("d", day).param("p", provider.name()).param("ref", ref).param("k", kind.name())
					.param("c", currency.get(ref)).param("ours", ours).param("theirs", theirs)
					.update();
			}
			jdbc.sql("delete from payments_reconciliation where settlement_day = :d and provider = :p")
				.param("d", day).param("p", provider.name()).update();
			jdbc.sql("""
					insert into payments_reconciliation (settlement_day, provider, ran_at, matched, mismatched)
					values (:d, :p, :now, :m, :x)""")
				.param("d", day).param("p", provider.name()).param("now", now.atOffset(java.time.ZoneOffset.UTC))
				.param("m", matched).param("x", mismatched)
				.update();
		}
		return report(day);
	}

	/** What the last run of a day found (nothing when it has not run), and the day's totals as the books stand. */
	@Transactional(readOnly = true)
	public Report report(LocalDate day) {
		OffsetDateTime from = day.atStartOfDay(ZONE).toOffsetDateTime();
		OffsetDateTime to = day.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime();
		var runs = jdbc.sql("select max(ran_at), coalesce(sum(matched), 0), count(*) from payments_reconciliation where settlement_day = :d")
			.param("d", day)
			.query((rs, n) -> new Object[] { rs.getObject(1, OffsetDateTime.class), rs.getInt(2), rs.getInt(3) })
			.single();
		List<Mismatch> mismatches = jdbc.sql("""
				select provider, provider_ref, kind, currency, platform_minor, provider_minor from payments_mismatch
				where settlement_day = :d order by provider, kind, provider_ref""")
			.param("d", day)
			.query((rs, n) -> new Mismatch(rs.getString(1), rs.getString(2), Kind.valueOf(rs.getString(3)),
					Money.of(rs.getLong(5), rs.getString(4)), Money.of(rs.getLong(6), rs.getString(4))))
			.list();
		Map<String, long[]> sums = new java.util.TreeMap<>();
		jdbc.sql("""
				select l.department_code, p.provider, l.currency, sum(l.amount_minor) from payments_payment p
				join payments_payment_line pl on pl.payment_id = p.id join payments_fee_line l on l.id = pl.fee_line_id
				where p.succeeded_at >= :from and p.succeeded_at < :to
				group by l.department_code, p.provider, l.currency""")
			.param("from", from).param("to", to)
			.query(rs -> {
				sums.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3), k -> new long[2])[0] += rs.getLong(4);
			});
		// refunds of the day, by the department of the payment's (first) fee
		jdbc.sql("""
				select d.department_code, p.provider, r.currency, sum(r.amount_minor)
				from payments_refund r join payments_payment p on p.id = r.payment_id
				join (select pl.payment_id, min(l.department_code) as department_code from payments_payment_line pl
				      join payments_fee_line l on l.id = pl.fee_line_id group by pl.payment_id) d on d.payment_id = p.id
				where r.refunded_at >= :from and r.refunded_at < :to
				group by d.department_code, p.provider, r.currency""")
			.param("from", from).param("to", to)
			.query(rs -> {
				sums.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3), k -> new long[2])[1] += rs.getLong(4);
			});
		List<Total> totals = new ArrayList<>();
		sums.forEach((key, v) -> {
			String[] k = key.split("\\|");
			totals.add(new Total(k[0], k[1], Money.of(v[0], k[2]), Money.of(v[1], k[2])));
		});
		OffsetDateTime ranAt = (OffsetDateTime) runs[0];
		return new Report(day, ranAt == null ? null : ranAt.toInstant(), (Integer) runs[1], mismatches, totals);
	}

}
