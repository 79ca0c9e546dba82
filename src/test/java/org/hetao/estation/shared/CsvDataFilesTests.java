package org.hetao.estation.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvDataFilesTests {

	static ByteArrayInputStream file(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void skipsCommentsAndBlankLinesTrimsValuesAndReadsQuotedCommas() {
		List<CSVRecord> records = CsvDataFiles.read(file("""
				# category,years,basis
				caseDecided, 30 ,privacy.basis.archives

				"a, b",0,"x"
				"""), false);
		assertThat(records).extracting(CSVRecord::toList)
			.containsExactly(List.of("caseDecided", "30", "privacy.basis.archives"), List.of("a, b", "0", "x"));
	}

	@Test
	void withAHeaderValuesAreFoundByColumnName() {
		List<CSVRecord> records = CsvDataFiles.read(file("""
				# demo accounts
				username,display_name,phone
				clerk,陳小姐 Ms Chan,
				"""), true);
		assertThat(records).singleElement().satisfies(r -> {
			assertThat(r.get("username")).isEqualTo("clerk");
			assertThat(r.get("display_name")).isEqualTo("陳小姐 Ms Chan");
			assertThat(r.get("phone")).isEmpty();
		});
	}

}
