package org.hetao.estation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityDocumentsTests {

	@ParameterizedTest
	@CsvSource({
			// Published examples: HKID A123456(3) and G123456(A); GB 11643's own examples; real enterprises' codes.
			"HKID, A123456(3)", "HKID, G123456(A)", "HKID, a1234563", "HKID, AB987654(3)", "HKID, C668668(9)",
			"CN_RESIDENT_ID, 11010519491231002X", "CN_RESIDENT_ID, 440524188001010014",
			"CN_RESIDENT_ID, 11010519491231002x", "MTP, H12345678", "MTP, M87654321",
			"USCC, 91440300708461136T", "USCC, 914403001922038216", "USCC, 91350100M000100Y43",
			"USCC, 91110000802100433B" })
	void acceptsRealNumbers(IdentityDocumentKind kind, String number) {
		assertThat(IdentityDocuments.check(kind, number).valid()).as(number).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "HKID, A123456(4), identity.document.checkDigit", "HKID, G123456(3), identity.document.checkDigit",
			"HKID, 1234567, identity.document.format.HKID", "HKID, ABC123456(7), identity.document.format.HKID",
			"CN_RESIDENT_ID, 110105194912310021, identity.document.checkDigit",
			"CN_RESIDENT_ID, 110105194902300020, identity.document.birthDate",
			"CN_RESIDENT_ID, 11010519491231002, identity.document.format.CN_RESIDENT_ID",
			"MTP, H1234567, identity.document.format.MTP", "MTP, X12345678, identity.document.format.MTP",
			"USCC, 91440300708461136A, identity.document.checkDigit",
			"USCC, 9144030070846113IT, identity.document.format.USCC" })
	void refusesWrongNumbersWithTheReason(IdentityDocumentKind kind, String number, String reason) {
		IdentityDocuments.Check check = IdentityDocuments.check(kind, number);
		assertThat(check.valid()).isFalse();
		assertThat(check.reasonKey()).isEqualTo(reason);
	}

	@Property
	void everySingleDigitTypoInAResidentIdIsCaught(@ForAll @IntRange(min = 0, max = 16) int position,
			@ForAll @IntRange(min = 1, max = 9) int delta) {
		String valid = "440524188001010014";
		char[] digits = valid.toCharArray();
		digits[position] = (char) ('0' + (digits[position] - '0' + delta) % 10);
		IdentityDocuments.Check check = IdentityDocuments.check(IdentityDocumentKind.CN_RESIDENT_ID, new String(digits));
		assertThat(check.valid()).isFalse();
	}

	@Property
	void everySingleCharacterTypoInACreditCodeIsCaught(@ForAll @IntRange(min = 8, max = 16) int position,
			@ForAll @IntRange(min = 1, max = 30) int delta) {
		String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		char[] code = "91440300708461136T".toCharArray();
		code[position] = chars.charAt((chars.indexOf(code[position]) + delta) % 31);
		assertThat(IdentityDocuments.check(IdentityDocumentKind.USCC, new String(code)).valid()).isFalse();
	}

	@Property
	void neverThrowsOnAnyInput(@ForAll String anything, @ForAll IdentityDocumentKind kind) {
		assertThat(IdentityDocuments.check(kind, anything)).isNotNull();
	}

	@org.junit.jupiter.api.Test
	void normalisesHkidToItsPrintedForm() {
		assertThat(IdentityDocuments.check(IdentityDocumentKind.HKID, " a 123456 3").normalized()).isEqualTo("A123456(3)");
	}

}
