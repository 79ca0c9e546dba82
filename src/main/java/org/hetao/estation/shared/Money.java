package org.hetao.estation.shared;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An amount of money in a currency's minor units (fen, cents) — never in floating point. The platform takes
 * fees in Renminbi (Mainland departments) and Hong Kong dollars (departments in Hong Kong), both with two
 * decimal places.
 *
 * @param minor the amount in minor units: {@code 25000} is 250.00
 * @param currency the ISO 4217 code, {@code CNY} or {@code HKD}
 */
public record Money(long minor, String currency) implements Comparable<Money> {

	public static final Set<String> CURRENCIES = Set.of("CNY", "HKD");

	public Money {
		Objects.requireNonNull(currency, "currency");
		if (!CURRENCIES.contains(currency)) {
			throw new IllegalArgumentException("not a currency the platform takes: " + currency);
		}
	}

	public static Money of(long minor, String currency) {
		return new Money(minor, currency);
	}

	public static Money zero(String currency) {
		return new Money(0, currency);
	}

	public Money plus(Money other) {
		sameCurrency(other);
		return new Money(Math.addExact(minor, other.minor), currency);
	}

	public Money minus(Money other) {
		sameCurrency(other);
		return new Money(Math.subtractExact(minor, other.minor), currency);
	}

	public Money times(long quantity) {
		return new Money(Math.multiplyExact(minor, quantity), currency);
	}

	public boolean isZero() {
		return minor == 0;
	}

	/** The amount in major units, exactly: {@code 250.00}. */
	public BigDecimal major() {
		return BigDecimal.valueOf(minor, 2);
	}

	/** As people read it: 人民幣 250.00 元 · 人民币 250.00 元 · CNY 250.00 (and 港幣/港币/HKD). */
	public String format(Locale locale) {
		String amount = String.format(Locale.ROOT, "%,.2f", major());
		return switch (Language.of(locale)) {
			case ZH_HANT -> (currency.equals("HKD") ? "港幣 " : "人民幣 ") + amount + " 元";
			case ZH_HANS -> (currency.equals("HKD") ? "港币 " : "人民币 ") + amount + " 元";
			case EN -> currency + " " + amount;
		};
	}

	@Override
	public int compareTo(Money other) {
		sameCurrency(other);
		return Long.compare(minor, other.minor);
	}

	private void sameCurrency(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException(currency + " and " + other.currency + " do not add up");
		}
	}

}
