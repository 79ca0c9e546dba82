package org.hetao.estation.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.LocalizedText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards the demonstration catalogue data files under {@code src/main/resources/catalog/}: their shape
 * (the public contract the loader and the API rely on), the counts the product promises (360 items over
 * 8 domains and 4 themes, at least 12 matters), and the integrity of every matter.
 */
class CatalogDataFileTests {

	static final List<String> ITEM_FILES = List.of("government-affairs", "customs", "public-security", "traffic-police",
			"finance", "legal", "accounting", "taxation");

	static final List<String> ITEM_KEYS = List.of("code", "name", "description", "departmentCode", "domain", "theme",
			"kind", "applicantTypes", "materials", "fields", "outputs", "legalLimitDays", "promisedLimitDays",
			"jurisdiction", "fee", "feeNote", "channels", "legalBasis", "appointmentRequired", "ticketCategory");

	static final Set<String> DEPARTMENTS = Set.of("customs", "exit-entry", "traffic-police", "public-security", "tax",
			"market-regulation", "hrss", "science-innovation", "commerce", "housing", "justice", "notary",
			"legal-services", "bank", "accounting", "zone-admin");

	static final Map<ServiceDomain, String> PREFIX = Map.of(ServiceDomain.GOVERNMENT_AFFAIRS, "GOV",
			ServiceDomain.CUSTOMS, "CUS", ServiceDomain.PUBLIC_SECURITY, "PSB", ServiceDomain.TRAFFIC_POLICE, "TRF",
			ServiceDomain.FINANCE, "FIN", ServiceDomain.LEGAL, "LEG", ServiceDomain.ACCOUNTING, "ACC",
			ServiceDomain.TAXATION, "TAX");

	static final Set<String> TEXT_KEYS = Set.of("name", "description", "label", "legalBasis", "notice", "feeNote");

	static final JsonMapper JSON = JsonMapper.builder().build();

	static JsonNode catalog;

	static JsonNode matterFile;

	static final Map<String, JsonNode> itemFiles = new LinkedHashMap<>();

	static final Map<String, JsonNode> items = new LinkedHashMap<>();

	@BeforeAll
	static void read() throws IOException {
		catalog = read("catalog/catalog.json");
		matterFile = read("catalog/matters.json");
		for (String file : ITEM_FILES) {
			JsonNode node = read("catalog/items/" + file + ".json");
			itemFiles.put(file, node);
			for (JsonNode item : node.get("items")) {
				assertThat(items.put(item.get("code").asString(), item)).as("item code %s twice", item.get("code"))
					.isNull();
			}
		}
	}

	static JsonNode read(String resource) throws IOException {
		try (InputStream in = CatalogDataFileTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return JSON.readTree(in);
		}
	}

	/**
	 * Each theme's picture is there, light, a 320 × 180 drawing with no words in it (it serves every language), and
	 * the folder says who made the pictures and under which licence.
	 */
	@Test
	void everyThemeHasALightLicensedPicture() throws IOException {
		java.nio.file.Path folder = java.nio.file.Path.of("src/main/resources/static/img/themes");
		Set<String> named = new HashSet<>();
		for (JsonNode theme : catalog.get("themes")) {
			String image = theme.path("image").asString("");
			assertThat(image).as("the picture of %s", theme.get("code")).matches("[a-z0-9-]+\\.svg");
			assertThat(named.add(image)).as("%s has a picture of its own", theme.get("code")).isTrue();
			java.nio.file.Path file = folder.resolve(image);
			assertThat(file).as("the picture of %s", theme.get("code")).isRegularFile();
			assertThat(java.nio.file.Files.size(file)).as("%s is light", image).isLessThan(8 * 1024);
			String svg = java.nio.file.Files.readString(file);
			assertThat(svg).as(image).startsWith("<svg").contains("viewBox=\"0 0 320 180\"").doesNotContain("<text", "<script",
					"href=\"http", "style=");
		}
		String licence = java.nio.file.Files.readString(folder.resolve("LICENSE.md"));
		assertThat(licence).contains("CC0 1.0").contains(named);
	}

	@Test
	void catalogueHeaderHasVersionNoticeThemesDomainsAndTheKnownDepartments() {
		assertThat(catalog.get("version").asString()).matches("\\d{4}\\.\\d{1,2}\\.\\d+");
		assertThat(text(catalog.get("notice")).en()).containsIgnoringCase("demonstration").containsIgnoringCase("illustrative");
		assertThat(codes(catalog.get("themes"))).containsExactlyInAnyOrder(names(Theme.values()));
		assertThat(codes(catalog.get("domains"))).containsExactlyInAnyOrder(names(ServiceDomain.values()));
		List<Department> departments = new ArrayList<>();
		for (JsonNode d : catalog.get("departments")) {
			departments.add(JSON.treeToValue(d, Department.class));
		}
		assertThat(departments).extracting(Department::code).containsExactlyInAnyOrderElementsOf(DEPARTMENTS);
		assertThat(departments).allSatisfy(d -> {
			assertThat(d.name().isComplete()).as(d.code()).isTrue();
			assertThat(d.domain()).as(d.code()).isNotNull();
		});
		assertThat(departments).filteredOn(Department::partner)
			.extracting(Department::code)
			.containsExactlyInAnyOrder("legal-services", "bank", "accounting");
	}

	@Test
	void thereAre360ItemsWithTheContractedKeysAndUniqueCodes() {
		assertThat(items).hasSize(360);
		for (JsonNode item : items.values()) {
			String code = item.get("code").asString();
			assertThat(item.propertyNames()).as(code).containsExactlyElementsOf(ITEM_KEYS);
			ServiceDomain domain = ServiceDomain.valueOf(item.get("domain").asString());
			assertThat(code).matches(PREFIX.get(domain) + "-\\d{3}");
		}
		for (var file : itemFiles.entrySet()) {
			assertThat(text(file.getValue().get("notice")).isComplete()).isTrue();
			for (JsonNode item : file.getValue().get("items")) {
				assertThat(item.get("domain").asString().toLowerCase().replace('_', '-')).isEqualTo(file.getKey());
			}
		}
	}

	@Test
	void itemNamesAreUniqueInEveryLanguage() {
		Map<String, Set<String>> seen = Map.of("zh-Hant", new HashSet<>(), "zh-Hans", new HashSet<>(), "en",
				new HashSet<>());
		for (JsonNode item : items.values()) {
			for (var language : seen.entrySet()) {
				String name = item.get("name").get(language.getKey()).asString().strip();
				assertThat(language.getValue().add(name)).as("%s name '%s' used twice", language.getKey(), name).isTrue();
			}
		}
	}

	@Test
	void everyLocalizedTextIsCompleteInAllThreeLanguages() {
		List<String> incomplete = new ArrayList<>();
		walk(catalog, "catalog", incomplete);
		walk(matterFile, "matters", incomplete);
		itemFiles.forEach((file, node) -> walk(node, file, incomplete));
		assertThat(incomplete).isEmpty();
	}

	@Test
	void itemsAreWellFormed() {
		Map<String, String> materialNames = new HashMap<>();
		for (JsonNode item : items.values()) {
			String code = item.get("code").asString();
			assertThat(DEPARTMENTS).as(code).contains(item.get("departmentCode").asString());
			int legal = item.get("legalLimitDays").asInt();
			int promised = item.get("promisedLimitDays").asInt();
			assertThat(promised).as("%s promised ≤ legal", code).isBetween(0, legal);
			JsonNode fee = item.get("fee");
			if (!fee.isNull()) {
				// in minor units, in the currency of the department's side of the river
				assertThat(fee.get("amount").asLong()).as(code).isPositive();
				assertThat(fee.get("currency").asString()).as(code)
					.isEqualTo(item.get("jurisdiction").asString().equals("HK") ? "HKD" : "CNY");
			}
			assertThat(item.get("ticketCategory").asString()).as(code).isIn("A", "B", "C", "D");
			assertThat(item.get("jurisdiction").asString()).as(code).isIn("CN", "HK");
			ItemKind.valueOf(item.get("kind").asString());
			Theme.valueOf(item.get("theme").asString());
			Set<ApplicantType> types = applicantTypes(item.get("applicantTypes"));
			assertThat(types).as(code).isNotEmpty();
			assertThat(item.get("channels")).as(code).isNotEmpty();
			item.get("channels").forEach(c -> Channel.valueOf(c.asString()));
			for (JsonNode m : item.get("materials")) {
				MaterialRequirement material = JSON.treeToValue(m, MaterialRequirement.class);
				assertThat(material.originals() + material.copies()).as("%s %s", code, material.code()).isPositive();
				assertThat(types).as("%s %s", code, material.code()).containsAll(material.applicantTypes());
				String previous = materialNames.putIfAbsent(material.code(), material.name().zhHant());
				assertThat(previous == null || previous.equals(material.name().zhHant()))
					.as("material %s has one name everywhere", material.code())
					.isTrue();
			}
			Set<String> keys = new HashSet<>();
			assertThat(item.get("fields")).as(code).isNotEmpty();
			for (JsonNode f : item.get("fields")) {
				FormField field = JSON.treeToValue(f, FormField.class);
				assertThat(keys.add(field.key())).as("%s field %s", code, field.key()).isTrue();
				assertThat(field.type() == FieldType.SELECT).as("%s %s options", code, field.key())
					.isEqualTo(!field.options().isEmpty());
				if (field.pattern() != null) {
					Pattern.compile(field.pattern());
				}
			}
			for (JsonNode o : item.get("outputs")) {
				assertThat(JSON.treeToValue(o, ItemOutput.class).label().isComplete()).isTrue();
			}
		}
	}

	@Test
	void patternsAcceptRealValues() {
		Map<String, String> examples = Map.of("creditCode", "91440300MA5FXXXX2K", "legalRepIdNumber", "A123456(3)",
				"hkidNumber", "AB987654(A)", "mtpNumber", "H12345678", "contactPhone", "+852 9123 4567");
		for (var example : examples.entrySet()) {
			items.values()
				.stream()
				.flatMap(i -> stream(i.get("fields")))
				.filter(f -> f.get("key").asString().equals(example.getKey()) && f.hasNonNull("pattern"))
				.forEach(f -> assertThat(example.getValue()).matches(f.get("pattern").asString()));
		}
		assertThat("91440300MA5FXXXX2I").doesNotMatch(fieldPattern("creditCode"));
		assertThat("A123456").doesNotMatch(fieldPattern("hkidNumber"));
	}

	@Test
	void everyDomainAndThemeAndKindHasItemsAndEveryDomainAPolicyConsultation() {
		Map<ServiceDomain, Integer> perDomain = new EnumMap<>(ServiceDomain.class);
		Map<Theme, Integer> perTheme = new EnumMap<>(Theme.class);
		Map<ItemKind, Integer> perKind = new EnumMap<>(ItemKind.class);
		Set<ServiceDomain> consulted = new HashSet<>();
		for (JsonNode item : items.values()) {
			ServiceDomain domain = ServiceDomain.valueOf(item.get("domain").asString());
			ItemKind kind = ItemKind.valueOf(item.get("kind").asString());
			perDomain.merge(domain, 1, Integer::sum);
			perTheme.merge(Theme.valueOf(item.get("theme").asString()), 1, Integer::sum);
			perKind.merge(kind, 1, Integer::sum);
			if (kind == ItemKind.CONSULTATION) {
				consulted.add(domain);
			}
		}
		assertThat(perDomain).hasSize(ServiceDomain.values().length).allSatisfy((d, n) -> assertThat(n).isPositive());
		assertThat(perTheme).hasSize(Theme.values().length);
		assertThat(perTheme.get(Theme.COMPREHENSIVE_SERVICES)).isGreaterThan(180);
		assertThat(perTheme.get(Theme.EXHIBITION_EXCHANGE)).isGreaterThanOrEqualTo(20);
		assertThat(perTheme.get(Theme.BUSINESS_NEGOTIATION)).isGreaterThanOrEqualTo(20);
		assertThat(perTheme.get(Theme.LEISURE_INFORMATION)).isGreaterThanOrEqualTo(15);
		assertThat(perKind).hasSize(ItemKind.values().length);
		assertThat(consulted).containsExactlyInAnyOrder(ServiceDomain.values());
	}

	@Test
	void mattersReferToRealItemsFieldsAndOutputsAndFormAcyclicGraphs() {
		JsonNode matters = matterFile.get("matters");
		assertThat(matters.size()).isGreaterThanOrEqualTo(12);
		Set<String> codes = new HashSet<>();
		for (JsonNode m : matters) {
			String code = m.get("code").asString();
			assertThat(codes.add(code)).as(code).isTrue();
			Map<String, List<String>> deps = dependencies(m);
			assertThat(deps.size()).as(code).isBetween(3, 7);
			assertThat(items.keySet()).as(code).containsAll(deps.keySet());
			deps.values().forEach(d -> assertThat(deps.keySet()).as(code).containsAll(d));
			assertThat(topologicalOrder(deps)).as("%s is acyclic", code).hasSameSizeAs(deps.keySet());
			assertThat(m.get("sharedFields")).as(code).isNotEmpty();
			for (JsonNode shared : m.get("sharedFields")) {
				assertThat(shared.get("targets")).as("%s %s", code, shared.get("key")).isNotEmpty();
				for (JsonNode target : shared.get("targets")) {
					String item = target.get("itemCode").asString();
					assertThat(deps).as(code).containsKey(item);
					assertThat(field(item, target.get("fieldKey").asString())).as("%s → %s.%s", code, item,
							target.get("fieldKey")).isNotNull();
				}
			}
			assertThat(m.get("outputMappings")).as(code).isNotEmpty();
			for (JsonNode mapping : m.get("outputMappings")) {
				String from = mapping.get("fromItem").asString();
				String to = mapping.get("toItem").asString();
				assertThat(deps).as(code).containsKeys(from, to);
				assertThat(stream(items.get(from).get("outputs")).map(o -> o.get("key").asString()))
					.as("%s output of %s", code, from)
					.contains(mapping.get("outputKey").asString());
				assertThat(field(to, mapping.get("toField").asString())).as("%s field of %s", code, to).isNotNull();
				assertThat(ancestors(deps, to)).as("%s: %s must wait for %s", code, to, from).contains(from);
			}
		}
		assertThat(codes).contains("HK-STARTUP-SETTLE", "HK-RESEARCHER-WORK", "LAB-EQUIPMENT-BIOSAMPLE-IMPORT",
				"CROSS-BOUNDARY-VEHICLE", "CROSS-BORDER-BANK-ACCOUNT", "FIRST-EMPLOYEES", "TALENT-RENT-SUPPORT");
	}

	@Test
	void aCycleIsDetected() {
		Map<String, List<String>> cyclic = Map.of("A", List.of("C"), "B", List.of("A"), "C", List.of("B"));
		assertThat(topologicalOrder(cyclic)).hasSizeLessThan(3);
	}

	@Test
	void hongKongStartUpSettlementHasTheShapeTheDemonstrationNeeds() {
		JsonNode matter = stream(matterFile.get("matters"))
			.filter(m -> m.get("code").asString().equals("HK-STARTUP-SETTLE"))
			.findFirst()
			.orElseThrow();
		Map<String, List<String>> deps = dependencies(matter);
		for (String code : deps.keySet()) {
			assertThat(applicantTypes(items.get(code).get("applicantTypes"))).as(code)
				.contains(ApplicantType.HK_ENTERPRISE);
		}
		String registration = deps.keySet()
			.stream()
			.filter(c -> department(c).equals("market-regulation"))
			.filter(c -> stream(items.get(c).get("outputs")).anyMatch(o -> o.get("key").asString().equals("creditCode")))
			.findFirst()
			.orElseThrow();
		String taxItem = deps.keySet().stream().filter(c -> department(c).equals("tax")).findFirst().orElseThrow();
		assertThat(stream(matter.get("outputMappings")).anyMatch(m -> m.get("fromItem").asString().equals(registration)
				&& m.get("outputKey").asString().equals("creditCode") && m.get("toItem").asString().equals(taxItem)
				&& m.get("toField").asString().equals("creditCode")))
			.as("the credit code of %s fills %s", registration, taxItem)
			.isTrue();
		String bank = deps.keySet().stream().filter(c -> department(c).equals("bank")).findFirst().orElseThrow();
		String seal = deps.keySet()
			.stream()
			.filter(c -> department(c).equals("public-security"))
			.filter(c -> items.get(c).get("name").get("zh-Hant").asString().contains("印章"))
			.findFirst()
			.orElseThrow();
		assertThat(ancestors(deps, bank)).contains(registration);
		assertThat(ancestors(deps, seal)).contains(registration);
		Map<String, JsonNode> shared = new HashMap<>();
		matter.get("sharedFields").forEach(f -> shared.put(f.get("key").asString(), f));
		assertThat(shared).containsKeys("companyName", "legalRepName", "legalRepIdNumber", "contactPhone",
				"registeredAddress");
		assertThat(stream(shared.get("companyName").get("targets")).map(t -> t.get("itemCode").asString()))
			.contains(registration, taxItem, bank, seal);
	}

	// ---- helpers -------------------------------------------------------------------------------

	static LocalizedText text(JsonNode node) {
		return JSON.treeToValue(node, LocalizedText.class);
	}

	static void walk(JsonNode node, String at, List<String> incomplete) {
		if (node.isObject()) {
			for (var p : node.properties()) {
				String where = at + "." + p.getKey();
				if (TEXT_KEYS.contains(p.getKey()) && !p.getValue().isString()) {
					if (p.getKey().equals("feeNote") && p.getValue().isNull()) {
						continue;
					}
					if (!completeText(p.getValue())) {
						incomplete.add(where);
					}
				}
				else {
					walk(p.getValue(), where, incomplete);
				}
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				walk(node.get(i), at + "[" + i + "]", incomplete);
			}
		}
	}

	static boolean completeText(JsonNode node) {
		return node.isObject() && node.size() == 3 && Set.copyOf(node.propertyNames()).equals(Set.of("zh-Hant", "zh-Hans", "en"))
				&& text(node).isComplete();
	}

	static List<String> codes(JsonNode array) {
		List<String> codes = new ArrayList<>();
		for (JsonNode node : array) {
			assertThat(text(node.get("name")).isComplete()).isTrue();
			assertThat(text(node.get("description")).isComplete()).isTrue();
			codes.add(node.get("code").asString());
		}
		return codes;
	}

	static String[] names(Enum<?>[] values) {
		return java.util.Arrays.stream(values).map(Enum::name).toArray(String[]::new);
	}

	static Set<ApplicantType> applicantTypes(JsonNode array) {
		Set<ApplicantType> types = new HashSet<>();
		array.forEach(t -> types.add(ApplicantType.valueOf(t.asString())));
		return types;
	}

	static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
		return array.values().stream();
	}

	static JsonNode field(String itemCode, String key) {
		JsonNode item = items.get(itemCode);
		return item == null ? null
				: stream(item.get("fields")).filter(f -> f.get("key").asString().equals(key)).findFirst().orElse(null);
	}

	static String fieldPattern(String key) {
		return items.values()
			.stream()
			.flatMap(i -> stream(i.get("fields")))
			.filter(f -> f.get("key").asString().equals(key))
			.map(f -> f.get("pattern").asString())
			.findFirst()
			.orElseThrow();
	}

	static String department(String itemCode) {
		return items.get(itemCode).get("departmentCode").asString();
	}

	static Map<String, List<String>> dependencies(JsonNode matter) {
		Map<String, List<String>> deps = new LinkedHashMap<>();
		for (JsonNode i : matter.get("items")) {
			List<String> on = new ArrayList<>();
			i.get("dependsOn").forEach(d -> on.add(d.asString()));
			assertThat(deps.put(i.get("itemCode").asString(), on)).as("item twice in %s", matter.get("code")).isNull();
		}
		return deps;
	}

	/** Kahn's algorithm: the items in an order where each comes after what it depends on; shorter on a cycle. */
	static List<String> topologicalOrder(Map<String, List<String>> deps) {
		Map<String, Integer> waiting = new HashMap<>();
		deps.forEach((item, on) -> waiting.put(item, on.size()));
		Deque<String> ready = new ArrayDeque<>();
		waiting.forEach((item, n) -> {
			if (n == 0) {
				ready.add(item);
			}
		});
		List<String> order = new ArrayList<>();
		while (!ready.isEmpty()) {
			String done = ready.poll();
			order.add(done);
			deps.forEach((item, on) -> {
				if (on.contains(done) && waiting.merge(item, -1, Integer::sum) == 0) {
					ready.add(item);
				}
			});
		}
		return order;
	}

	static Set<String> ancestors(Map<String, List<String>> deps, String item) {
		Set<String> seen = new HashSet<>();
		Deque<String> todo = new ArrayDeque<>(deps.getOrDefault(item, List.of()));
		while (!todo.isEmpty()) {
			String next = todo.poll();
			if (seen.add(next)) {
				todo.addAll(deps.getOrDefault(next, List.of()));
			}
		}
		return seen;
	}

}
