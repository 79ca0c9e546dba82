package org.hetao.estation.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Data files an administrator edits as CSV (demo accounts, retention periods), read with Apache Commons CSV: UTF-8,
 * lines starting with {@code #} are comments, blank lines are skipped, spaces around a value are dropped, and a value
 * may be quoted to hold a comma.
 */
public final class CsvDataFiles {

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setCommentMarker('#')
		.setIgnoreEmptyLines(true)
		.setIgnoreSurroundingSpaces(true)
		.get();

	private CsvDataFiles() {
	}

	/** The file's records; with {@code header}, the first one names the columns ({@code record.get("name")}). */
	public static List<CSVRecord> read(InputStream in, boolean header) {
		CSVFormat format = header ? FORMAT.builder().setHeader().setSkipHeaderRecord(true).get() : FORMAT;
		try (CSVParser parser = CSVParser.builder()
			.setReader(new InputStreamReader(in, StandardCharsets.UTF_8))
			.setFormat(format)
			.get()) {
			return parser.getRecords();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
