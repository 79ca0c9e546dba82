package org.hetao.estation.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Money;
import org.junit.jupiter.api.Test;

/** A fee assessed from a form's answers, in minor units, and shown as people read money. */
class FeeTests {

	static Fee perDocument = new Fee(25000, "HKD", Fee.Basis.PER_DOCUMENT, "documentCount", null, null, null, null);

	static Fee byValidity = new Fee(80000, "CNY", null, null,
			new Fee.AmountByAnswer("permitValidity", Map.of("UNDER_1_YEAR", 40000L, "1_TO_3_YEARS", 80000L, "3_TO_5_YEARS", 100000L)),
			null, null, new Fee.Exemptions(Set.of(ApplicantType.MAINLAND_ENTERPRISE), List.of("POL-035")));

	@Test
	void aFeePerDocumentIsTheUnitTimesHowManyTheFormSays() {
		assertThat(perDocument.assess(Map.of("documentCount", "3"))).contains(Money.of(75000, "HKD"));
		assertThat(perDocument.assess(Map.of("documentCount", " 1 "))).contains(Money.of(25000, "HKD"));
		// no quantity, none, or no number: nothing to assess (the form asks first)
		assertThat(perDocument.assess(Map.of())).isEmpty();
		assertThat(perDocument.assess(Map.of("documentCount", "0"))).isEmpty();
		assertThat(perDocument.assess(Map.of("documentCount", "two"))).isEmpty();
	}

	@Test
	void aFeeByAnswerTakesTheAmountOfTheChoiceMade() {
		assertThat(byValidity.assess(Map.of("permitValidity", "UNDER_1_YEAR"))).contains(Money.of(40000, "CNY"));
		assertThat(byValidity.assess(Map.of("permitValidity", "3_TO_5_YEARS"))).contains(Money.of(100000, "CNY"));
		assertThat(byValidity.assess(Map.of("permitValidity", "FOREVER"))).isEmpty();
		assertThat(byValidity.amountFor("1_TO_3_YEARS")).isEqualTo(Money.of(80000, "CNY"));
	}

	@Test
	void defaultsArePerApplicationPaidBeforeTheDecisionDueAtAcceptance() {
		Fee plain = new Fee(1000, "CNY", null, null, null, null, null, null);
		assertThat(plain.basis()).isEqualTo(Fee.Basis.PER_APPLICATION);
		assertThat(plain.payBefore()).isEqualTo(Fee.PayPoint.DECISION);
		assertThat(plain.dueAt()).isEqualTo(Fee.DuePoint.ACCEPTANCE);
		assertThat(plain.assess(Map.of())).contains(Money.of(1000, "CNY"));
	}

	@Test
	void exemptionsByApplicantTypeOrPolicy() {
		assertThat(byValidity.exempts(ApplicantType.MAINLAND_ENTERPRISE, Set.of())).isTrue();
		assertThat(byValidity.exempts(ApplicantType.HK_ENTERPRISE, Set.of("POL-035"))).isTrue();
		assertThat(byValidity.exempts(ApplicantType.HK_ENTERPRISE, Set.of("POL-001"))).isFalse();
	}

	@Test
	void moneyIsExactAndReadInEachLanguage() {
		Money fee = Money.of(123456, "CNY");
		assertThat(fee.major()).isEqualByComparingTo("1234.56");
		assertThat(fee.format(Locale.forLanguageTag("zh-Hant"))).isEqualTo("人民幣 1,234.56 元");
		assertThat(fee.format(Locale.forLanguageTag("zh-Hans"))).isEqualTo("人民币 1,234.56 元");
		assertThat(fee.format(Locale.ENGLISH)).isEqualTo("CNY 1,234.56");
		assertThat(Money.of(5, "HKD").format(Locale.forLanguageTag("zh-Hant"))).isEqualTo("港幣 0.05 元");
		assertThat(fee.plus(Money.of(44, "CNY"))).isEqualTo(Money.of(123500, "CNY"));
		assertThatThrownBy(() -> fee.plus(Money.of(1, "HKD"))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Money.of(1, "USD")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "CNY").times(2)).isInstanceOf(ArithmeticException.class);
	}

}
