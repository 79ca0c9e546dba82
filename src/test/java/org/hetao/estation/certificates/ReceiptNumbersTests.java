package org.hetao.estation.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** E-receipt numbers: the certificates' form and check in a series of their own, never taken for a certificate's. */
class ReceiptNumbersTests {

	@Test
	void receiptNumbersAreOfTheirOwnSeriesWithTheSameCheck() {
		CertificateNumbers receipts = new CertificateNumbers(new Random(20), CertificateNumbers.RECEIPTS);
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 500; i++) {
			String n = receipts.next(2026);
			assertThat(n).matches("HTR-2026-[0-9A-HJKMNP-TV-Y]{12}");
			assertThat(EReceipts.normalize(n)).contains(n);
			assertThat(EReceipts.normalize(" " + n.toLowerCase() + " ")).contains(n);
			// not a certificate number, and a certificate number is no receipt number
			assertThat(CertificateNumbers.normalize(n)).isEmpty();
			assertThat(EReceipts.normalize("HTC" + n.substring(3))).isEmpty();
			// a mistyped character is caught as on certificates
			char last = n.charAt(n.length() - 1);
			String wrong = n.substring(0, n.length() - 1) + (last == '0' ? '1' : '0');
			assertThat(EReceipts.normalize(wrong)).isEmpty();
			seen.add(n);
		}
		assertThat(seen).hasSize(500);
	}

	@Test
	void onlyCertificatesHaveNumbersOfTheFirstForm() {
		String body = "0123456789";
		String first = "HTC-2026-" + body + CertificateNumbers.firstCheck(body);
		assertThat(CertificateNumbers.normalize(first)).contains(first);
		assertThat(EReceipts.normalize("HTR" + first.substring(3))).isEmpty();
	}

}
