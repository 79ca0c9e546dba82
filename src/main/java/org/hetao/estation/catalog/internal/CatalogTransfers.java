package org.hetao.estation.catalog.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hetao.estation.catalog.CatalogChanged;
import org.hetao.estation.catalog.Department;
import org.hetao.estation.catalog.Matter;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.catalog.internal.CatalogDocument.Category;
import org.hetao.estation.shared.LocalizedText;
import org.springframework.stereotype.Service;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Export and import of the catalogue by administrators. JSON: one document in the data files' format.
 * CSV: one row per item in {@link #CSV_COLUMNS} (materials, form fields and outputs as JSON in their
 * cells); a CSV import changes the items only. An import is checked whole before anything is written,
 * then applied in one transaction with a new version; items it no longer holds are retired.
 */
@Service
public class CatalogTransfers {

	/** The CSV's columns, in order. Lists of codes are separated by spaces; texts have one column per language. */
	public static final List<String> CSV_COLUMNS = List.of("code", "name_zh_hant", "name_zh_hans", "name_en",
			"description_zh_hant", "description_zh_hans", "description_en", "department", "domain", "theme", "kind",
			"applicant_types", "legal_limit_days", "promised_limit_days", "jurisdiction", "fee", "fee_note_zh_hant",
			"fee_note_zh_hans", "fee_note_en", "channels", "legal_basis_zh_hant", "legal_basis_zh_hans", "legal_basis_en",
			"appointment_required", "ticket_category", "materials", "fields", "outputs");

	/** Item fields as the CSV names them, for error messages about a CSV row. */
	static final Map<String, String> CSV_NAMES = Map.ofEntries(Map.entry("departmentCode", "department"),
			Map.entry("applicantTypes", "applicant_types"), Map.entry("legalLimitDays", "legal_limit_days"),
			Map.entry("promisedLimitDays", "promised_limit_days"), Map.entry("feeNote", "fee_note"),
			Map.entry("legalBasis", "legal_basis"), Map.entry("appointmentRequired", "appointment_required"),
			Map.entry("ticketCategory", "ticket_category"));

	private static final JsonMapper JSON = CatalogJson.MAPPER;

	private final StoredCatalog catalog;

	private final Clock clock;

	private final CatalogReader reader = new CatalogReader(JSON);

	CatalogTransfers(StoredCatalog catalog, Clock clock) {
		this.catalog = catalog;
		this.clock = clock;
	}

	/** A matter as the data files write it (without the active flag). */
	record MatterDocument(String code, LocalizedText name, LocalizedText description, List<Matter.MatterItem> items,
			List<Matter.SharedField> sharedFields, List<Matter.OutputMapping> outputMappings,
			List<Matter.ProducedMaterial> producedMaterials) {
	}

	/** The whole document of the JSON export. */
	record ExportDocument(String version, LocalizedText notice, List<Category> themes, List<Category> domains,
			List<Department> departments, List<ItemJson> items, List<MatterDocument> matters) {
	}

	public byte[] exportJson() {
		CatalogDocument doc = catalog.snapshot().toDocument();
		ExportDocument export = new ExportDocument(doc.version(), doc.notice(), doc.themes(), doc.domains(),
				doc.departments(), doc.items().stream().map(i -> ItemJson.of(i, false)).toList(),
				doc.matters()
					.stream()
					.map(m -> new MatterDocument(m.code(), m.name(), m.description(), m.items(), m.sharedFields(),
							m.outputMappings(), m.producedMaterials()))
					.toList());
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(export);
	}

	/** UTF-8 with a byte-order mark, so that spreadsheet programs show the Chinese texts right. */
	public byte[] exportCsv() {
		StringBuilder out = new StringBuilder("\uFEFF").append(Csv.line(CSV_COLUMNS));
		for (ServiceItem item : catalog.snapshot().items()) {
			ItemJson i = ItemJson.of(item, false);
			List<String> row = new ArrayList<>();
			row.add(i.code());
			texts(row, i.name());
			texts(row, i.description());
			row.add(i.departmentCode());
			row.add(i.domain().name());
			row.add(i.theme().name());
			row.add(i.kind().name());
			row.add(String.join(" ", i.applicantTypes().stream().map(Enum::name).toList()));
			row.add(String.valueOf(i.legalLimitDays()));
			row.add(String.valueOf(i.promisedLimitDays()));
			row.add(i.jurisdiction().name());
			// the fee as a JSON object, like materials and fields; empty when the item is free
			row.add(i.fee() == null ? "" : JSON.writeValueAsString(i.fee()));
			texts(row, i.feeNote());
			row.add(String.join(" ", i.channels().stream().map(Enum::name).toList()));
			texts(row, i.legalBasis());
			row.add(String.valueOf(i.appointmentRequired()));
			row.add(i.ticketCategory() == null ? "" : i.ticketCategory());
			row.add(JSON.writeValueAsString(i.materials()));
			row.add(JSON.writeValueAsString(i.fields()));
			row.add(JSON.writeValueAsString(i.outputs()));
			out.append(Csv.line(row));
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void texts(List<String> row, LocalizedText text) {
		row.add(text == null ? "" : text.zhHant());
		row.add(text == null ? "" : text.zhHans());
		row.add(text == null ? "" : text.en());
	}

	/** The outcome of an import: applied with its changes, or refused with every fault. */
	public record ImportResult(List<CatalogError> errors, CatalogChanged changes) {

		public boolean applied() {
			return errors.isEmpty() && changes != null;
		}

	}

	public enum Format {
		JSON, CSV;

		/** By the file name, else by the first character of the content. */
		public static Format guess(String filename, byte[] content) {
			if (filename != null && filename.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
				return CSV;
			}
			if (filename != null && filename.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
				return JSON;
			}
			String start = new String(content, 0, Math.min(content.length, 64), StandardCharsets.UTF_8).strip();
			return start.startsWith("{") || start.startsWith("\uFEFF{") ? JSON : CSV;
		}
	}

	public ImportResult importFile(Format format, byte[] content, String filename, String by) {
		String source = filename == null || filename.isBlank() ? (format == Format.CSV ? "catalog.csv" : "catalog.json")
				: filename;
		Optional<String> text = utf8(content);
		if (text.isEmpty()) {
			return refused(List.of(CatalogError.of(source, "", "", "catalog.import.notUtf8")));
		}
		String expected = catalog.snapshot().version();
		CatalogReader.Read read;
		List<CatalogError> errors;
		if (format == Format.JSON) {
			read = reader.readDocument(new ByteArrayInputStream(text.get().getBytes(StandardCharsets.UTF_8)), source);
			errors = StoredCatalog.check(read, source, source);
		}
		else {
			List<CatalogError> parseErrors = new ArrayList<>();
			read = readCsv(text.get(), source, parseErrors);
			if (read == null) {
				return refused(parseErrors);
			}
			List<CatalogError> all = new ArrayList<>(parseErrors);
			all.addAll(StoredCatalog.check(read, "catalog", "matters"));
			errors = all.stream().distinct().map(CatalogTransfers::csvNames).toList();
		}
		if (!errors.isEmpty()) {
			return refused(errors);
		}
		CatalogDocument doc = read.document();
		String version = doc.version() != null && !doc.version().isBlank() && !doc.version().equals(expected)
				&& format == Format.JSON ? doc.version() : nextVersion(expected);
		Optional<CatalogChanged> changed = catalog.applyImport(doc.withVersion(version), expected, by);
		if (changed.isEmpty()) {
			return refused(List.of(CatalogError.of(source, "", "", "catalog.import.concurrent")));
		}
		return new ImportResult(List.of(), changed.get());
	}

	private static ImportResult refused(List<CatalogError> errors) {
		return new ImportResult(List.copyOf(errors), null);
	}

	private String nextVersion(String current) {
		String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd.HHmmss"));
		String base = current == null ? "" : current.replaceFirst("\\+import\\.[0-9.]+$", "");
		String next = base + "+import." + stamp;
		return next.length() <= 64 ? next : next.substring(next.length() - 64);
	}

	private static Optional<String> utf8(byte[] content) {
		try {
			return Optional.of(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString());
		}
		catch (CharacterCodingException e) {
			return Optional.empty();
		}
	}

	/** Reads the CSV's rows into items, keeping the rest of the current catalogue; null when not even the header is usable. */
	private CatalogReader.Read readCsv(String text, String source, List<CatalogError> errors) {
		List<Csv.Row> rows;
		try {
			rows = Csv.parse(text);
		}
		catch (IllegalArgumentException openQuote) {
			errors.add(CatalogError.of("row " + openQuote.getMessage(), "", "", "catalog.import.openQuote"));
			return null;
		}
		if (rows.isEmpty()) {
			errors.add(CatalogError.of(source, "", "", "catalog.import.empty"));
			return null;
		}
		List<String> header = rows.get(0).fields().stream().map(String::strip).toList();
		List<String> missing = CSV_COLUMNS.stream().filter(c -> !header.contains(c)).toList();
		if (!missing.isEmpty()) {
			errors.add(CatalogError.of("row 1", "", String.join(", ", missing), "catalog.import.columnsMissing",
					String.join(", ", missing)));
			return null;
		}
		List<JsonNode> nodes = new ArrayList<>();
		List<String> sources = new ArrayList<>();
		for (Csv.Row row : rows.subList(1, rows.size())) {
			String src = "row " + row.line();
			if (row.fields().size() != header.size()) {
				errors.add(CatalogError.of(src, "", "", "catalog.import.columnCount", row.fields().size(), header.size()));
				continue;
			}
			Map<String, String> cells = new LinkedHashMap<>();
			for (int c = 0; c < header.size(); c++) {
				cells.put(header.get(c), row.fields().get(c).strip());
			}
			int before = errors.size();
			ObjectNode node = itemNode(cells, src, errors);
			// a row whose cells could not be read is reported once, not again by the rules
			if (errors.size() == before) {
				nodes.add(node);
				sources.add(src);
			}
		}
		return reader.readItems(nodes, sources, catalog.snapshot().toDocument());
	}

	private static ObjectNode itemNode(Map<String, String> cells, String src, List<CatalogError> errors) {
		ObjectNode node = JSON.createObjectNode();
		String code = cells.get("code");
		node.put("code", code);
		text(node, "name", cells, "name");
		text(node, "description", cells, "description");
		node.put("departmentCode", cells.get("department"));
		for (String key : List.of("domain", "theme", "kind", "jurisdiction")) {
			node.put(key, cells.get(key).isEmpty() ? null : cells.get(key));
		}
		codes(node, "applicantTypes", cells.get("applicant_types"));
		codes(node, "channels", cells.get("channels"));
		number(node, "legalLimitDays", cells.get("legal_limit_days"), src, code, "legal_limit_days", errors, true);
		number(node, "promisedLimitDays", cells.get("promised_limit_days"), src, code, "promised_limit_days", errors, true);
		String fee = cells.get("fee");
		if (!fee.isEmpty()) {
			try {
				JsonNode parsed = JSON.readTree(fee);
				if (!parsed.isObject()) {
					errors.add(CatalogError.of(src, code, "fee", "catalog.error.notAnObject"));
				}
				else {
					node.set("fee", parsed);
				}
			}
			catch (JacksonException e) {
				errors.add(CatalogError.of(src, code, "fee", "catalog.error.notAnObject"));
			}
		}
		if (!(cells.get("fee_note_zh_hant") + cells.get("fee_note_zh_hans") + cells.get("fee_note_en")).isEmpty()) {
			text(node, "feeNote", cells, "fee_note");
		}
		text(node, "legalBasis", cells, "legal_basis");
		String appointment = cells.get("appointment_required").toLowerCase(java.util.Locale.ROOT);
		if (appointment.equals("true") || appointment.equals("false")) {
			node.put("appointmentRequired", Boolean.parseBoolean(appointment));
		}
		else {
			errors.add(CatalogError.of(src, code, "appointment_required", "catalog.import.notBoolean", appointment));
		}
		node.put("ticketCategory", cells.get("ticket_category").isEmpty() ? null : cells.get("ticket_category"));
		for (String key : List.of("materials", "fields", "outputs")) {
			String cell = cells.get(key);
			if (cell.isEmpty()) {
				node.putArray(key);
				continue;
			}
			try {
				JsonNode parsed = JSON.readTree(cell);
				if (!parsed.isArray()) {
					errors.add(CatalogError.of(src, code, key, "catalog.import.notJsonArray"));
				}
				else {
					node.set(key, parsed);
				}
			}
			catch (JacksonException e) {
				errors.add(CatalogError.of(src, code, key, "catalog.import.notJsonArray"));
			}
		}
		return node;
	}

	private static void text(ObjectNode node, String key, Map<String, String> cells, String column) {
		ObjectNode t = node.putObject(key);
		t.put("zh-Hant", cells.get(column + "_zh_hant"));
		t.put("zh-Hans", cells.get(column + "_zh_hans"));
		t.put("en", cells.get(column + "_en"));
	}

	private static void codes(ObjectNode node, String key, String cell) {
		ArrayNode array = node.putArray(key);
		Arrays.stream(cell.split("[\\s;,]+")).filter(s -> !s.isBlank()).forEach(array::add);
	}

	private static void number(ObjectNode node, String key, String cell, String src, String code, String column,
			List<CatalogError> errors, boolean integer) {
		try {
			if (integer) {
				node.put(key, Integer.parseInt(cell));
			}
			else {
				node.put(key, new java.math.BigDecimal(cell));
			}
		}
		catch (NumberFormatException e) {
			errors.add(CatalogError.of(src, code, column, "catalog.import.notANumber", cell));
		}
	}

	private static CatalogError csvNames(CatalogError e) {
		String field = e.field();
		for (var entry : CSV_NAMES.entrySet()) {
			if (field.equals(entry.getKey()) || field.startsWith(entry.getKey() + "[") || field.startsWith(entry.getKey() + ".")) {
				field = entry.getValue() + field.substring(entry.getKey().length());
				break;
			}
		}
		return new CatalogError(e.source(), e.code(), field, e.messageKey(), e.args());
	}

}
