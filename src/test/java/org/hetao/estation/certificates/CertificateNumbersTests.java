package org.hetao.estation.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CertificateNumbersTests {

	final CertificateNumbers numbers = new CertificateNumbers();

	@Test
	void numbersHaveTheYearTenRandomCharactersAndACheckCharacterAndAreUnique() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 2000; i++) {
			String n = numbers.next(2026);
			assertThat(n).matches("HTC-2026-[0-9A-HJKMNP-TV-Z]{11}");
			assertThat(CertificateNumbers.normalize(n)).contains(n);
			seen.add(n);
		}
		assertThat(seen).hasSize(2000);
	}

	@Test
	void aMistypedOrSwappedCharacterIsCaught() {
		String n = numbers.next(2026);
		char[] chars = n.toCharArray();
		int i = 12;
		chars[i] = chars[i] == 'A' ? 'B' : 'A';
		assertThat(CertificateNumbers.normalize(new String(chars))).isEmpty();
		char[] swapped = n.toCharArray();
		int a = 10;
		while (swapped[a] == swapped[a + 1] && a < 17) {
			a++;
		}
		char t = swapped[a];
		swapped[a] = swapped[a + 1];
		swapped[a + 1] = t;
		if (swapped[a] != swapped[a + 1]) {
			assertThat(CertificateNumbers.normalize(new String(swapped))).isEmpty();
		}
	}

	@Test
	void typedNumbersAreReadLeniently() {
		String n = numbers.next(2026);
		String typed = " " + n.substring(0, 9).toLowerCase() + n.substring(9).toLowerCase().replace('0', 'o').replace('1', 'l') + " ";
		assertThat(CertificateNumbers.normalize(typed)).contains(n);
		assertThat(CertificateNumbers.normalize("HTC-2026-")).isEmpty();
		assertThat(CertificateNumbers.normalize("not a number")).isEmpty();
		assertThat(CertificateNumbers.normalize(null)).isEmpty();
	}

}
