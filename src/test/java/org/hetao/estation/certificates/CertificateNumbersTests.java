package org.hetao.estation.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CertificateNumbersTests {

	final CertificateNumbers numbers = new CertificateNumbers();

	@Test
	void numbersHaveTheYearElevenRandomCharactersAndACheckCharacterAndAreUnique() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 2000; i++) {
			String n = numbers.next(2026);
			assertThat(n).matches("HTC-2026-[0-9A-HJKMNP-TV-Y]{12}");
			assertThat(CertificateNumbers.normalize(n)).contains(n);
			seen.add(n);
		}
		assertThat(seen).hasSize(2000);
	}

	/**
	 * Every single substitution (by any character a person could type: the 32 of the old alphabet, Z included)
	 * and every swap of two neighbours, at every position, of many numbers: none may pass the check. (#21: the old
	 * check let a 0 typed as Z through, about once in 500 runs of a one-substitution test.)
	 */
	@Test
	void everyMistypedCharacterAndEverySwapOfNeighboursIsCaught() {
		CertificateNumbers seeded = new CertificateNumbers(new Random(21));
		List<String> samples = new java.util.ArrayList<>(List.of("HTC-2026-00000000000" + CertificateNumbers.check("00000000000"),
				"HTC-2026-YYYYYYYYYYY" + CertificateNumbers.check("YYYYYYYYYYY"),
				"HTC-2026-0Y0Y0Y0Y0Y0" + CertificateNumbers.check("0Y0Y0Y0Y0Y0")));
		for (int i = 0; i < 300; i++) {
			samples.add(seeded.next(2026));
		}
		String typeable = CertificateNumbers.FIRST_ALPHABET;
		int tried = 0;
		for (String n : samples) {
			assertThat(CertificateNumbers.normalize(n)).contains(n);
			for (int i = 9; i < n.length(); i++) {
				for (char c : typeable.toCharArray()) {
					if (c == n.charAt(i)) {
						continue;
					}
					String wrong = n.substring(0, i) + c + n.substring(i + 1);
					assertThat(CertificateNumbers.normalize(wrong)).as("%s typed as %s", n, wrong).isEmpty();
					tried++;
				}
				if (i + 1 < n.length() && n.charAt(i) != n.charAt(i + 1)) {
					String swapped = n.substring(0, i) + n.charAt(i + 1) + n.charAt(i) + n.substring(i + 2);
					assertThat(CertificateNumbers.normalize(swapped)).as("%s typed as %s", n, swapped).isEmpty();
					tried++;
				}
			}
		}
		assertThat(tried).isGreaterThan(100_000);
	}

	/** Numbers issued before the new check (ten characters and a mod-31 check over 32) still verify. */
	@Test
	void numbersIssuedWithTheFirstCheckStillVerify() {
		Random random = new Random(2026);
		for (int i = 0; i < 500; i++) {
			StringBuilder body = new StringBuilder();
			for (int j = 0; j < 10; j++) {
				body.append(CertificateNumbers.FIRST_ALPHABET.charAt(random.nextInt(32)));
			}
			String old = "HTC-2026-" + body + CertificateNumbers.firstCheck(body);
			assertThat(CertificateNumbers.normalize(old)).contains(old);
			assertThat(CertificateNumbers.normalize(old.toLowerCase())).contains(old);
		}
		// a number from before, as printed on an issued certificate (QrCodesTests)
		assertThat(CertificateNumbers.normalize("HTC-2026-SKGB75ZH8D0")).contains("HTC-2026-SKGB75ZH8D0");
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
