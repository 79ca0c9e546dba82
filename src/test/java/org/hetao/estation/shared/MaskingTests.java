package org.hetao.estation.shared;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class MaskingTests {

	@Test
	void aChineseNameKeepsItsFirstAndLastCharacters() {
		assertThat(Masking.name("陳大文")).isEqualTo("陳*文");
		assertThat(Masking.name("歐陽小明")).isEqualTo("歐**明");
		assertThat(Masking.name("李明")).isEqualTo("李*");
		assertThat(Masking.name("王")).isEqualTo("王");
	}

	@Test
	void aLatinNameKeepsOnlyItsInitials() {
		assertThat(Masking.name("CHAN Tai Man")).isEqualTo("C. T. M.");
		assertThat(Masking.name("  mary   o'brien ")).isEqualTo("M. O.");
		assertThat(Masking.name("陳大文 CHAN Tai Man")).isEqualTo("陳*文 C. T. M.");
	}

	@Test
	void aNameMaskedTheOldWayRevealsNoMore() {
		// what certificates stored before #21 (Masking.mask): the Chinese name whole, the rest starred
		assertThat(Masking.name(Masking.mask("陳大文 CHAN Tai Man"))).isEqualTo("陳*文 M.");
		assertThat(Masking.name(Masking.mask("陳大文"))).doesNotContain("陳", "大");
		assertThat(Masking.name("陳*文 C. T. M.")).isEqualTo("陳*文 C. T. M.");
		assertThat(Masking.name("****")).isEqualTo("*");
		assertThat(Masking.name(null)).isNull();
	}

	@Test
	void aPhoneKeepsItsCountryCodeAndLastFourDigitsWhateverItsSpacing() {
		assertThat(Masking.phone("+852 9123 4567")).isEqualTo("+852 **** 4567");
		assertThat(Masking.phone("+85291234567")).isEqualTo("+852 **** 4567");
		assertThat(Masking.phone("+852-9123-4567")).isEqualTo("+852 **** 4567");
		assertThat(Masking.phone("+86 138 0013 8000")).isEqualTo("+86 *** **** 8000");
		assertThat(Masking.phone("+8613800138000")).isEqualTo("+86 *** **** 8000");
		assertThat(Masking.phone("13800138000")).isEqualTo("*** **** 8000");
		assertThat(Masking.phone("９１２３ ４５６７")).as("full-width digits").isEqualTo("**** 4567");
		assertThat(Masking.phone("+44 20 7946 0958")).isEqualTo("+44 ** **** 0958");
		assertThat(Masking.phone(null)).isNull();
	}

	@Test
	void aPersonalFieldIsMaskedForItsKind() {
		assertThat(Masking.field("applicantPhone", "+852 9123 4567")).isEqualTo("+852 **** 4567");
		assertThat(Masking.field("mobile", "91234567")).isEqualTo("**** 4567");
		assertThat(Masking.field("idNumber", "A123456(3)")).isEqualTo(Masking.mask("A123456(3)"));
	}

	@Property
	void aMaskedPhoneShowsOnlyItsLastFourDigitsAndTheCountryCode(@ForAll("phones") String phone) {
		String digits = PhoneNumbers.normalise(phone).replace("+", "");
		String masked = Masking.phone(phone);
		String shown = masked.replaceAll("[^0-9]", "");
		String code = masked.startsWith("+") ? masked.substring(1, masked.indexOf(' ')) : "";
		assertThat(shown).isEqualTo(code + digits.substring(digits.length() - 4));
		assertThat(masked.chars().filter(c -> c == '*').count()).isEqualTo(digits.length() - code.length() - 4);
		assertThat(Masking.phone(PhoneNumbers.normalise(phone))).as("however it was typed").isEqualTo(masked);
	}

	@Provide
	Arbitrary<String> phones() {
		Arbitrary<String> local = Arbitraries.strings().numeric().ofMinLength(8).ofMaxLength(11);
		Arbitrary<String> country = Arbitraries.of("", "+852 ", "+853", "+86 ", "+86-", "+852");
		Arbitrary<String> separator = Arbitraries.of("", " ", "-");
		return Combinators.combine(country, local, separator)
			.as((c, l, sep) -> c + l.substring(0, 4) + sep + l.substring(4));
	}

}
