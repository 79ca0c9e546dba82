package org.hetao.estation.catalog.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The catalogue's CSV (RFC 4180, Apache Commons CSV): fields quoted when they hold a comma, a quote or a line break;
 * quotes doubled; lines end in CR LF. Reading keeps the line each row starts on, for error messages.
 */
final class Csv {

	/** Blank lines are read as rows of one empty field and skipped here, so each row's position is its own. */
	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

	private Csv() {
	}

	static String line(List<String> fields) {
		StringBuilder out = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
			printer.printRecord(fields.stream().map(f -> f == null ? "" : f));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	/** A parsed record and the line it starts on (1-based). */
	record Row(int line, List<String> fields) {
	}

	/** Parses a whole document; a quote left open is an error naming its line. */
	static List<Row> parse(String text) {
		String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
		List<Row> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.builder().setReader(new StringReader(body)).setFormat(FORMAT).get()) {
			Iterator<CSVRecord> records = parser.iterator();
			while (true) {
				// every line is a record (blank ones too), so the next one starts on the line after those read
				int start = (int) parser.getCurrentLineNumber() + 1;
				CSVRecord record;
				try {
					if (!records.hasNext()) {
						return rows;
					}
					record = records.next();
				}
				catch (UncheckedIOException openQuote) {
					throw new IllegalArgumentException(String.valueOf(start), openQuote);
				}
				if (record.size() > 1 || !record.get(0).isEmpty()) {
					rows.add(new Row(start, record.toList()));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
