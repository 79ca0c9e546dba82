package org.hetao.estation.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTests {

	@Test
	void quotesWhatNeedsQuotingAndReadsItBack() {
		List<String> fields = List.of("CUS-001", "a, b", "say \"hi\"", "two\nlines", "", "[{\"k\":1}]");
		String text = "\uFEFF" + Csv.line(List.of("h1", "h2", "h3", "h4", "h5", "h6")) + Csv.line(fields);
		List<Csv.Row> rows = Csv.parse(text);
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).fields()).containsExactly("h1", "h2", "h3", "h4", "h5", "h6");
		assertThat(rows.get(1).fields()).isEqualTo(fields);
		assertThat(rows.get(1).line()).isEqualTo(2);
	}

	@Test
	void countsLinesAcrossQuotedLineBreaksAndSkipsBlankLines() {
		List<Csv.Row> rows = Csv.parse("a,b\n\"x\ny\",1\n\nlast,2");
		assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 2, 5);
	}

	@Test
	void anOpenQuoteIsAnErrorNamingItsLine() {
		assertThatThrownBy(() -> Csv.parse("a,b\nc,\"open\n")).hasMessage("2");
	}

}
