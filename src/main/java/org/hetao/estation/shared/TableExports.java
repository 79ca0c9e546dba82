package org.hetao.estation.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A table (rows of cells, the first row its headings) as a download: CSV for any spreadsheet (UTF-8 with a byte
 * order mark so that Excel reads Chinese right; a cell starting = + - @ neutralised against formula injection) and
 * an Excel workbook (numbers as numbers).
 */
public final class TableExports {

	public static final String CSV_TYPE = "text/csv;charset=UTF-8";

	public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private TableExports() {
	}

	/** A file to download: its bytes, type and name (a Content-Disposition attachment). */
	public static org.springframework.http.ResponseEntity<byte[]> download(byte[] body, String type, String name) {
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType(type))
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

	public static byte[] csv(List<? extends List<?>> table) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		for (List<?> row : table) {
			csv.append(String.join(",", row.stream().map(TableExports::cell).toList())).append("\r\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** One CSV cell: quoted when needed, a leading = + - @ of a text neutralised. */
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

	public static byte[] xlsx(String sheetName, List<? extends List<?>> table) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet(sheetName);
			for (int i = 0; i < table.size(); i++) {
				Row row = sheet.createRow(i);
				List<?> cells = table.get(i);
				for (int j = 0; j < cells.size(); j++) {
					Object v = cells.get(j);
					if (v instanceof Number n) {
						row.createCell(j).setCellValue(n.doubleValue());
					}
					else if (v != null) {
						row.createCell(j).setCellValue(v.toString());
					}
				}
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
