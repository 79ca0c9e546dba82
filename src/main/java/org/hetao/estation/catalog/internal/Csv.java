package org.hetao.estation.catalog.internal;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: fields quoted when they hold a comma, a quote or a line break; quotes doubled. */
final class Csv {

	private Csv() {
	}

	static String line(List<String> fields) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			String f = fields.get(i) == null ? "" : fields.get(i);
			if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
				out.append('"').append(f.replace("\"", "\"\"")).append('"');
			}
			else {
				out.append(f);
			}
		}
		return out.append("\r\n").toString();
	}

	/** A parsed record and the line it starts on (1-based). */
	record Row(int line, List<String> fields) {
	}

	/** Parses a whole document; a quote left open is an error naming its line. */
	static List<Row> parse(String text) {
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<Row> rows = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		int line = 1;
		int rowStart = 1;
		boolean any = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append(c);
				}
				continue;
			}
			switch (c) {
				case '"' -> {
					quoted = true;
					any = true;
				}
				case ',' -> {
					fields.add(field.toString());
					field.setLength(0);
					any = true;
				}
				case '\r' -> {
				}
				case '\n' -> {
					fields.add(field.toString());
					field.setLength(0);
					if (any || fields.size() > 1 || !fields.get(0).isEmpty()) {
						rows.add(new Row(rowStart, List.copyOf(fields)));
					}
					fields.clear();
					any = false;
					line++;
					rowStart = line;
				}
				default -> {
					field.append(c);
					any = true;
				}
			}
		}
		if (quoted) {
			throw new IllegalArgumentException(String.valueOf(rowStart));
		}
		if (any || !field.isEmpty()) {
			fields.add(field.toString());
			rows.add(new Row(rowStart, List.copyOf(fields)));
		}
		return rows;
	}

}
