package org.hetao.estation.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.catalog.ServiceDomain;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.catalog.Theme;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public catalogue API: exact shapes, anonymous access, counts against the data, problem details. */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogApiIntegrationTests {

	static final Set<String> TEXT_KEYS = Set.of("zh-Hant", "zh-Hans", "en");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Catalog catalog;

	final JsonMapper json = JsonMapper.builder().build();

	JsonNode get(String path) throws Exception {
		MvcTestResult result = mvc.get().uri(path).accept(MediaType.APPLICATION_JSON).exchange();
		assertThat(result).as(path).hasStatusOk();
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	static Set<String> keys(JsonNode node) {
		return new TreeSet<>(node.propertyNames());
	}

	@Test
	void domainsAreTheEightWithLanguageKeyedNamesAndCountsThatMatchTheData() throws Exception {
		JsonNode domains = get("/api/v1/catalog/domains");
		assertThat(domains.size()).isEqualTo(8);
		long total = 0;
		for (JsonNode d : domains) {
			assertThat(keys(d)).containsExactlyInAnyOrder("code", "name", "description", "itemCount");
			assertThat(keys(d.get("name"))).isEqualTo(TEXT_KEYS);
			ServiceDomain domain = ServiceDomain.valueOf(d.get("code").asString());
			assertThat(d.get("itemCount").asLong())
				.isEqualTo(catalog.items().stream().filter(i -> i.domain() == domain).count());
			total += d.get("itemCount").asLong();
		}
		assertThat(total).isEqualTo(catalog.items().size());
		assertThat(domains.get(1).get("code").asString()).isEqualTo("CUSTOMS");
	}

	@Test
	void themesAreTheFourWithCountsThatMatchTheData() throws Exception {
		JsonNode themes = get("/api/v1/catalog/themes");
		assertThat(themes.size()).isEqualTo(4);
		long total = 0;
		for (JsonNode t : themes) {
			assertThat(keys(t)).containsExactlyInAnyOrder("code", "name", "description", "itemCount");
			Theme theme = Theme.valueOf(t.get("code").asString());
			assertThat(t.get("itemCount").asLong())
				.isEqualTo(catalog.items().stream().filter(i -> i.theme() == theme).count());
			total += t.get("itemCount").asLong();
		}
		assertThat(total).isEqualTo(catalog.items().size());
	}

	@Test
	void departmentsCarryTheirDomainAndPartnerFlag() throws Exception {
		JsonNode departments = get("/api/v1/catalog/departments");
		assertThat(departments.size()).isEqualTo(catalog.departments().size()).isPositive();
		for (JsonNode d : departments) {
			assertThat(keys(d)).containsExactlyInAnyOrder("code", "name", "domain", "partner", "itemCount");
			assertThat(keys(d.get("name"))).isEqualTo(TEXT_KEYS);
			ServiceDomain.valueOf(d.get("domain").asString());
			assertThat(d.get("partner").isBoolean()).isTrue();
		}
	}

	@Test
	void itemsArePagedAndFiltered() throws Exception {
		long customs = catalog.items().stream().filter(i -> i.domain() == ServiceDomain.CUSTOMS).count();
		JsonNode page = get("/api/v1/catalog/items?domain=CUSTOMS&page=0&size=5");
		assertThat(keys(page)).containsExactlyInAnyOrder("content", "totalElements", "page", "size");
		assertThat(page.get("totalElements").asLong()).isEqualTo(customs);
		assertThat(page.get("page").asInt()).isZero();
		assertThat(page.get("size").asInt()).isEqualTo(5);
		assertThat(page.get("content").size()).isEqualTo((int) Math.min(5, customs));
		for (JsonNode item : page.get("content")) {
			assertThat(item.get("domain").asString()).isEqualTo("CUSTOMS");
			assertThat(keys(item.get("name"))).isEqualTo(TEXT_KEYS);
		}
		JsonNode consultations = get("/api/v1/catalog/items?kind=CONSULTATION&theme=BUSINESS_NEGOTIATION&size=100");
		assertThat(consultations.get("totalElements").asLong()).isEqualTo(catalog.items()
			.stream()
			.filter(i -> i.kind().name().equals("CONSULTATION") && i.theme() == Theme.BUSINESS_NEGOTIATION)
			.count());
		JsonNode all = get("/api/v1/catalog/items");
		assertThat(all.get("size").asInt()).isEqualTo(20);
		assertThat(all.get("totalElements").asLong()).isEqualTo(catalog.items().size());
	}

	@Test
	void anItemHasItsFullGuideWithEnumsAsCodes() throws Exception {
		ServiceItem expected = catalog.items().get(0);
		JsonNode item = get("/api/v1/catalog/items/" + expected.code());
		assertThat(keys(item)).containsExactlyInAnyOrder("code", "name", "description", "departmentCode", "domain", "theme",
				"kind", "applicantTypes", "materials", "fields", "outputs", "legalLimitDays", "promisedLimitDays",
				"jurisdiction", "fee", "channels", "legalBasis", "appointmentRequired", "ticketCategory", "active",
				"feeNote");
		assertThat(item.get("code").asString()).isEqualTo(expected.code());
		assertThat(item.get("kind").asString()).isEqualTo(expected.kind().name());
		assertThat(item.get("name").get("en").asString()).isEqualTo(expected.name().en());
		assertThat(item.get("active").asBoolean()).isTrue();
		assertThat(item.get("materials").size()).isEqualTo(expected.materials().size());
		if (!expected.materials().isEmpty()) {
			assertThat(keys(item.get("materials").get(0))).containsExactlyInAnyOrder("code", "name", "description",
					"originals", "copies", "applicantTypes", "attestationRequired");
		}
	}

	@Test
	void mattersListTheirItemsDependenciesAndCriticalPath() throws Exception {
		JsonNode matters = get("/api/v1/catalog/matters");
		assertThat(matters.size()).isEqualTo(catalog.matters().size()).isGreaterThanOrEqualTo(1);
		String code = catalog.matters().get(0).code();
		JsonNode matter = get("/api/v1/catalog/matters/" + code);
		assertThat(keys(matter)).containsExactlyInAnyOrder("code", "name", "description", "active", "items",
				"sharedFields", "outputMappings", "producedMaterials", "criticalPath", "totalPromisedDays");
		assertThat(keys(matter.get("items").get(0))).containsExactlyInAnyOrder("itemCode", "name", "departmentCode",
				"promisedLimitDays", "dependsOn", "stage", "onCriticalPath");
		int sum = 0;
		for (JsonNode c : matter.get("criticalPath")) {
			sum += catalog.item(c.asString()).orElseThrow().promisedLimitDays();
		}
		assertThat(matter.get("totalPromisedDays").asInt()).isEqualTo(sum);
	}

	@Test
	void unknownCodesAre404ProblemDetailsAndBadFiltersAre400() throws Exception {
		for (String path : new String[] { "/api/v1/catalog/items/NO-SUCH", "/api/v1/catalog/matters/NO-SUCH" }) {
			MvcTestResult result = mvc.get().uri(path).header("Accept-Language", "en").accept(MediaType.APPLICATION_JSON).exchange();
			assertThat(result).hasStatus(404);
			assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
			assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("NO-SUCH");
		}
		MvcTestResult badEnum = mvc.get()
			.uri("/api/v1/catalog/items?domain=NOWHERE&kind=PARTY")
			.header("Accept-Language", "en")
			.accept(MediaType.APPLICATION_JSON)
			.exchange();
		assertThat(badEnum).hasStatus(400);
		assertThat(badEnum.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(badEnum).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("domain", "kind");
		assertThat(mvc.get().uri("/api/v1/catalog/items?page=-1").accept(MediaType.APPLICATION_JSON).exchange())
			.hasStatus(400);
		assertThat(mvc.get().uri("/api/v1/catalog/items?size=1000").accept(MediaType.APPLICATION_JSON).exchange())
			.hasStatus(400);
		assertThat(mvc.get().uri("/api/v1/catalog/items?page=x").accept(MediaType.APPLICATION_JSON).exchange())
			.hasStatus(400);
	}

}
