package org.hetao.estation.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ReceiptNumberFormatTests {

	@Test
	void aDrawnNumberIsTheDayAndItsLastSixDigits() {
		assertThat(ReceiptNumberFormat.format(LocalDate.of(2026, 11, 27), 123)).isEqualTo("HT20261127-000123");
		assertThat(ReceiptNumberFormat.format(LocalDate.of(2026, 1, 2), 12_345_678)).isEqualTo("HT20260102-345678");
	}

	@Test
	void recognisesOnlyReceiptNumbers() {
		assertThat(ReceiptNumberFormat.matches(ReceiptNumberFormat.format(LocalDate.of(2026, 11, 27), 1))).isTrue();
		assertThat(ReceiptNumberFormat.matches("HT20261127-00012")).isFalse();
		assertThat(ReceiptNumberFormat.matches("ht20261127-000123")).isFalse();
		assertThat(ReceiptNumberFormat.matches("HTC20261127-000123")).isFalse();
		assertThat(ReceiptNumberFormat.matches(null)).isFalse();
		assertThat(ReceiptNumberFormat.ROUTE_VARIABLE).isEqualTo("{receipt:HT[0-9]{8}-[0-9]{6}}");
	}

}
