package org.hetao.estation.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.hetao.estation.catalog.Matter;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.catalog.internal.StoredCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Export and import by an administrator: only administrators may; a file with faults is refused whole
 * (every fault with its row or item and field, in the admin's language) and changes nothing; a good one
 * is applied with a new version, retiring what it no longer holds.
 */
@SpringBootTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class CatalogImportExportIntegrationTests {

	static final String PASSWORD = "test-Password-2026";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StoredCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	final JsonMapper json = JsonMapper.builder().build();

	byte[] original;

	static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	@BeforeEach
	void keepTheCatalogue() {
		original = export("json");
	}

	@AfterEach
	void putTheCatalogueBack() {
		MvcTestResult result = mvc.post()
			.uri("/api/v1/admin/catalog/import")
			.header("Authorization", basic("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(original)
			.exchange();
		assertThat(result).hasStatusOk();
	}

	byte[] export(String format) {
		MvcTestResult result = mvc.get()
			.uri("/api/v1/admin/catalog/export?format=" + format)
			.header("Authorization", basic("admin"))
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
		return result.getResponse().getContentAsByteArray();
	}

	MvcTestResult importFile(String name, byte[] content, String language) {
		return mvc.post()
			.uri("/api/v1/admin/catalog/import")
			.multipart()
			.file(new MockMultipartFile("file", name, "application/octet-stream", content))
			.header("Authorization", basic("admin"))
			.header("Accept-Language", language)
			.exchange();
	}

	String fingerprint() {
		return jdbc.sql("select version || changed_at from catalog_state").query(String.class).single()
				+ jdbc.sql("select count(*) || '/' || sum(length(data)) from catalog_item where active").query(String.class).single()
				+ jdbc.sql("select count(*) from catalog_matter where active").query(String.class).single();
	}

	/** An active item that no matter uses: removing it breaks nothing else. */
	ServiceItem loneItem() {
		Set<String> inMatters = catalog.matters()
			.stream()
			.flatMap(m -> m.items().stream())
			.map(Matter.MatterItem::itemCode)
			.collect(Collectors.toSet());
		return catalog.items().stream().filter(i -> !inMatters.contains(i.code())).findFirst().orElseThrow();
	}

	@Test
	void onlyAdministratorsMayExportOrImport() {
		assertThat(mvc.get().uri("/api/v1/admin/catalog/export").exchange()).hasStatus(401);
		assertThat(mvc.get().uri("/api/v1/admin/catalog/export").header("Authorization", basic("applicant-hk")).exchange())
			.hasStatus(403);
		assertThat(mvc.get().uri("/api/v1/admin/catalog/export").header("Authorization", basic("clerk")).exchange())
			.hasStatus(403);
		assertThat(mvc.post()
			.uri("/api/v1/admin/catalog/import")
			.header("Authorization", basic("supervisor"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(original)
			.exchange()).hasStatus(403);
		assertThat(mvc.get().uri("/admin/catalog").header("Authorization", basic("applicant-hk")).exchange())
			.hasStatus(403);
		assertThat(mvc.get().uri("/admin/catalog").header("Authorization", basic("admin")).exchange()).hasStatusOk();
		// the public side needs no sign-in
		assertThat(mvc.get().uri("/api/v1/catalog/items").exchange()).hasStatusOk();
		assertThat(mvc.get().uri("/catalog").exchange()).hasStatusOk();
	}

	@Test
	void theJsonExportIsTheDataFilesFormatAndImportsUnchangedWithANewVersion() throws Exception {
		JsonNode doc = json.readTree(original);
		assertThat(doc.propertyNames()).containsExactlyInAnyOrder("version", "notice", "themes", "domains",
				"departments", "items", "matters");
		assertThat(doc.get("items").size()).isEqualTo(catalog.items().size());
		assertThat(doc.get("items").get(0).has("active")).isFalse();
		String before = catalog.version();

		MvcTestResult result = importFile("catalog.json", original, "en");

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.itemsAdded").isEqualTo(0);
		assertThat(result).bodyJson().extractingPath("$.itemsUpdated").isEqualTo(0);
		assertThat(result).bodyJson().extractingPath("$.itemsRetired").isEqualTo(0);
		assertThat(catalog.version()).isNotEqualTo(before).startsWith(before.replaceFirst("\\+import.*", "") + "+import.");
	}

	@Test
	void aGoodCsvUpdatesAddsAndRetiresItems() throws Exception {
		String csv = new String(export("csv"), StandardCharsets.UTF_8);
		List<String> lines = new ArrayList<>(csv.lines().toList());
		assertThat(lines.get(0)).startsWith("\uFEFFcode,name_zh_hant,name_zh_hans,name_en,");
		ServiceItem lone = loneItem();
		ServiceItem renamed = catalog.items().stream().filter(i -> !i.code().equals(lone.code())).findFirst().orElseThrow();
		lines.removeIf(l -> l.startsWith(lone.code() + ","));
		for (int i = 1; i < lines.size(); i++) {
			if (lines.get(i).startsWith(renamed.code() + ",")) {
				lines.set(i, lines.get(i).replace(renamed.name().en(), renamed.name().en() + " (revised)"));
			}
		}

		MvcTestResult result = importFile("items.csv", String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8), "en");

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.itemsUpdated").isEqualTo(1);
		assertThat(result).bodyJson().extractingPath("$.itemsRetired").isEqualTo(1);
		assertThat(catalog.item(renamed.code()).orElseThrow().name().en()).endsWith(" (revised)");
		assertThat(catalog.item(lone.code()).orElseThrow().active()).isFalse();
		assertThat(catalog.items()).doesNotContain(catalog.item(lone.code()).orElseThrow());
	}

	@Test
	void aCsvWithBadRowsIsRefusedWholeWithEveryRowAndFieldAndChangesNothing() throws Exception {
		String csv = new String(export("csv"), StandardCharsets.UTF_8);
		List<String> lines = new ArrayList<>(csv.lines().toList());
		List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(","));
		int legal = header.indexOf("legal_limit_days");
		int promised = header.indexOf("promised_limit_days");
		int fee = header.indexOf("fee");
		int department = header.indexOf("department");
		// row 3: promised > legal; row 4: a fee that is no JSON object; row 5: an unknown department
		lines.set(2, setCell(lines.get(2), header.size(), legal, "5", promised, "9"));
		lines.set(3, setCell(lines.get(3), header.size(), fee, "abc"));
		lines.set(4, setCell(lines.get(4), header.size(), department, "no-such-department"));
		String code3 = lines.get(2).split(",")[0];
		String code4 = lines.get(3).split(",")[0];
		String code5 = lines.get(4).split(",")[0];
		String before = fingerprint();

		MvcTestResult result = importFile("items.csv", String.join("\n", lines).getBytes(StandardCharsets.UTF_8), "en");

		assertThat(result).hasStatus(422);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		JsonNode errors = json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("errors");
		List<String> where = new ArrayList<>();
		errors.forEach(e -> where.add(e.get("source").asString() + "|" + e.get("item").asString() + "|" + e.get("field").asString()));
		assertThat(where).contains("row 3|" + code3 + "|promised_limit_days", "row 4|" + code4 + "|fee",
				"row 5|" + code5 + "|department");
		assertThat(errors.findValuesAsString("message")).anyMatch(m -> m.contains("longer than the legal limit"));
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void aJsonWithABrokenMatterIsRefusedInTheAdminsLanguageAndChangesNothing() throws Exception {
		ObjectNode doc = (ObjectNode) json.readTree(original);
		ObjectNode matter = (ObjectNode) doc.get("matters").get(0);
		ArrayNode items = (ArrayNode) matter.get("items");
		String first = items.get(0).get("itemCode").asString();
		String last = items.get(items.size() - 1).get("itemCode").asString();
		// the first item now waits for the last one, which (through the others) waits for the first: a cycle,
		// or at least a dependency on an item that comes later; and an item that does not exist
		((ArrayNode) ((ObjectNode) items.get(0)).get("dependsOn")).add(last);
		((ObjectNode) items.get(items.size() - 1)).putArray("dependsOn").add(first);
		items.addObject().put("itemCode", "NO-SUCH-ITEM").putArray("dependsOn");
		String before = fingerprint();

		MvcTestResult result = importFile("catalog.json", json.writeValueAsBytes(doc), "zh-HK");

		assertThat(result).hasStatus(422);
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("依賴關係形成循環", "目錄中沒有事項「NO-SUCH-ITEM」", matter.get("code").asString());
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void theAdminPageRefusesABadFileWithEveryFaultListed() {
		byte[] bad = "code,name_en\nX,Y\n".getBytes(StandardCharsets.UTF_8);
		String before = fingerprint();
		MvcTestResult result = mvc.post()
			.uri("/admin/catalog/import")
			.multipart()
			.file(new MockMultipartFile("file", "items.csv", "text/csv", bad))
			.header("Authorization", basic("admin"))
			.header("Accept-Language", "en")
			.with(csrf())
			.exchange();
		assertThat(result).hasStatus(422);
		assertThat(result).bodyText().contains("was not imported", "Columns missing from the header", "legal_limit_days");
		assertThat(fingerprint()).isEqualTo(before);
	}

	/** Sets cells of a CSV line whose cells hold no quoted commas before the last index changed. */
	static String setCell(String line, int columns, Object... indexAndValue) {
		List<String> cells = parse(line);
		assertThat(cells).hasSize(columns);
		for (int i = 0; i < indexAndValue.length; i += 2) {
			cells.set((Integer) indexAndValue[i], (String) indexAndValue[i + 1]);
		}
		return cells.stream().map(c -> c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c)
			.collect(Collectors.joining(","));
	}

	static List<String> parse(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

}
