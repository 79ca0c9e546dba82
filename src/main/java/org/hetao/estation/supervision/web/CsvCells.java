package org.hetao.estation.supervision.web;

/** CSV cells: quoted when needed, and a leading = + - @ neutralised against formula injection in spreadsheets. */
public final class CsvCells {

	private CsvCells() {
	}

	public static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String s = value.toString();
		if (!(value instanceof Number) && !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
			s = "'" + s;
		}
		if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
			s = "\"" + s.replace("\"", "\"\"") + "\"";
		}
		return s;
	}

}
