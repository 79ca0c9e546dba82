package org.hetao.estation.shared;

import static org.assertj.core.api.Assertions.assertThat;

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

}
