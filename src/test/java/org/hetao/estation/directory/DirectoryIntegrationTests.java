package org.hetao.estation.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.UUID;

import org.hetao.estation.directory.internal.OrganisationLoader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The directory and map pages, the API and its filters, operator editing and the idempotent data load. */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class DirectoryIntegrationTests {

	static final String PASSWORD = "test-Password-2026";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Directory directory;

	@Autowired
	OrganisationLoader loader;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void apiFiltersByKindFieldBackgroundAndBase() {
		assertThat(mvc.get().uri("/api/v1/directory/organisations?kind=INCUBATOR").exchange()).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].code")
			.asArray()
			.contains("hkust-blue-bay-incubator", "gba-youth-innovation-workshop-futian", "hk-youth-innovation-community",
					"uni-hk-youth-startup-space", "peacock-valley-sz-hk-incubation-base")
			.doesNotContain("xtalpi");
		assertThat(mvc.get().uri("/api/v1/directory/organisations?field=EDA").exchange()).bodyJson()
			.extractingPath("$[*].code")
			.asArray()
			.contains("easy-logic-technology")
			.doesNotContain("corerain-technologies");
		assertThat(mvc.get().uri("/api/v1/directory/organisations?background=OVERSEAS&kind=ENTERPRISE").exchange())
			.bodyJson()
			.extractingPath("$[*].code")
			.asArray()
			.contains("siemens-energy-shenzhen-innovation")
			.doesNotContain("st-global-packaging-test-innovation", "xtalpi");
		assertThat(mvc.get().uri("/api/v1/directory/organisations?base=BIOMEDICINE_PARK_II").exchange()).bodyJson()
			.extractingPath("$[*].location.base")
			.asArray()
			.isNotEmpty()
			.containsOnly("BIOMEDICINE_PARK_II");
	}

	@Test
	void unknownFilterCodeIsAProblemNamingTheField() {
		MvcTestResult result = mvc.get()
			.uri("/api/v1/directory/organisations?kind=CASTLE")
			.header("Accept-Language", "en")
			.exchange();
		assertThat(result).hasStatus(400);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(result).bodyText().contains("kind", "CASTLE");
	}

	@Test
	void profileOnTheApiHasLanguageKeyedTextsAndCodes() {
		MvcTestResult result = mvc.get().uri("/api/v1/directory/organisations/peacock-valley-sz-hk-incubation-base").exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.name.zh-Hant").isEqualTo("孔雀谷深港創科育成基地");
		assertThat(result).bodyJson().extractingPath("$.kind").isEqualTo("INCUBATOR");
		assertThat(result).bodyJson().extractingPath("$.incubator.teamsHosted").isEqualTo(27);
		assertThat(result).bodyJson().extractingPath("$.incubator.hkBackgroundShare").isEqualTo(85);
		assertThat(result).bodyJson().extractingPath("$.source").asString().startsWith("Article");
		assertThat(mvc.get().uri("/api/v1/directory/organisations/no-such-org").exchange()).hasStatus(404);
	}

	@Test
	void directoryAndProfilePagesArePublicAndFilter() {
		MvcTestResult list = mvc.get().uri("/directory?kind=UNIVERSITY_INSTITUTE").exchange();
		assertThat(list).hasStatusOk().bodyText().contains("香港科技大學", "香港中文大學深港創新研究院").doesNotContain("奇捷科技");
		MvcTestResult profile = mvc.get().uri("/directory/xtalpi").header("Accept-Language", "en").exchange();
		assertThat(profile).hasStatusOk().bodyText().contains("XtalPi", "Exhibition and exchange", "International Biomedicine Industrial Park (Phase II)");
		assertThat(mvc.get().uri("/directory/nobody-here").accept(MediaType.TEXT_HTML).exchange()).hasStatus(404);
	}

	@Test
	void mapIsServerDrawnWithMarkersLinkingToProfilesAndAListView() {
		MvcTestResult map = mvc.get().uri("/map").exchange();
		assertThat(map).hasStatusOk().bodyText().contains("<svg", "zone-map__base", "福田口岸", "皇崗口岸", "深圳河",
				"href=\"/directory/xtalpi\"", "id=\"map-list\"").doesNotContain("tile", "openstreetmap");
		MvcTestResult filtered = mvc.get().uri("/map?field=QUANTUM").exchange();
		assertThat(filtered).bodyText().contains("href=\"/directory/international-quantum-academy\"")
			.doesNotContain("href=\"/directory/easy-logic-technology\"");
	}

	@Test
	void operatorAddsAndEditsAnOrganisationAndChangesArePublished() {
		String code = "test-org-" + UUID.randomUUID().toString().substring(0, 8);
		MvcTestResult created = mvc.post()
			.uri("/directory/manage/new")
			.with(httpBasic("park-operator", PASSWORD))
			.with(csrf())
			.param("code", code)
			.param("kind", "ENTERPRISE")
			.param("nameZhHant", "測試科技")
			.param("nameZhHans", "测试科技")
			.param("nameEn", "Test Tech")
			.param("descriptionZhHant", "測試")
			.param("descriptionZhHans", "测试")
			.param("descriptionEn", "Test")
			.param("background", "HONG_KONG")
			.param("fields", "AI", "ROBOTICS")
			.param("base", "HKSTP_SHENZHEN")
			.param("longitude", "114.068")
			.param("latitude", "22.517")
			.param("source", "Operator test")
			.param("version", "0")
			.exchange();
		assertThat(created).hasStatus3xxRedirection().hasRedirectedUrl("/directory/" + code);
		assertThat(directory.byCode(code)).get().satisfies(o -> {
			assertThat(o.fields()).containsExactly(ResearchField.AI, ResearchField.ROBOTICS);
			assertThat(o.origin()).isEqualTo(Organisation.Origin.OPERATOR);
		});
		assertThat(events.stream(OrganisationChanged.class)).anyMatch(e -> e.code().equals(code)
				&& e.change() == OrganisationChanged.Change.ADDED);

		MvcTestResult edited = mvc.post()
			.uri("/directory/" + code + "/edit")
			.with(httpBasic("park-operator", PASSWORD))
			.with(csrf())
			.param("code", code)
			.param("kind", "ENTERPRISE")
			.param("nameZhHant", "測試科技二")
			.param("nameZhHans", "测试科技二")
			.param("nameEn", "Test Tech Two")
			.param("descriptionZhHant", "測試")
			.param("descriptionZhHans", "测试")
			.param("descriptionEn", "Test")
			.param("background", "MACAO")
			.param("fields", "IOT")
			.param("source", "Operator test")
			.param("version", "0")
			.exchange();
		assertThat(edited).hasStatus3xxRedirection();
		assertThat(directory.byCode(code)).get().satisfies(o -> {
			assertThat(o.name().en()).isEqualTo("Test Tech Two");
			assertThat(o.background()).isEqualTo(Background.MACAO);
			assertThat(o.version()).isEqualTo(1);
		});
		// A second edit from the stale form (version 0) is refused, not silently lost.
		MvcTestResult stale = mvc.post()
			.uri("/directory/" + code + "/edit")
			.with(httpBasic("park-operator", PASSWORD))
			.with(csrf())
			.param("code", code).param("kind", "ENTERPRISE")
			.param("nameZhHant", "舊").param("nameZhHans", "旧").param("nameEn", "Old")
			.param("descriptionZhHant", "測試").param("descriptionZhHans", "测试").param("descriptionEn", "Test")
			.param("background", "MACAO").param("fields", "IOT").param("source", "x").param("version", "0")
			.exchange();
		assertThat(stale).hasStatus(409);
		assertThat(directory.byCode(code).orElseThrow().name().en()).isEqualTo("Test Tech Two");
	}

	@Test
	void invalidFormShowsFieldErrorsAndStoresNothing() {
		String code = "test-bad-" + UUID.randomUUID().toString().substring(0, 8);
		MvcTestResult result = mvc.post()
			.uri("/directory/manage/new")
			.with(httpBasic("park-operator", PASSWORD))
			.with(csrf())
			.header("Accept-Language", "en")
			.param("code", code)
			.param("kind", "ENTERPRISE")
			.param("nameZhHant", "")
			.param("hkMemberShare", "150")
			.param("version", "0")
			.exchange();
		assertThat(result).hasStatusOk().bodyText().contains("Please fill this in.", "Enter a number from 0 to 100.",
				"Choose at least one field.", "aria-invalid=\"true\"");
		assertThat(directory.byCode(code)).isEmpty();
	}

	@Test
	void onlyTheParkOperatorEdits() {
		assertThat(mvc.get().uri("/directory/manage/new").with(httpBasic("enterprise-hk", PASSWORD)).exchange())
			.hasStatus(403);
		assertThat(mvc.get().uri("/directory/xtalpi/edit").with(httpBasic("enterprise-hk", PASSWORD)).exchange())
			.hasStatus(403);
		assertThat(mvc.get().uri("/directory/xtalpi/edit").with(httpBasic("park-operator", PASSWORD)).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("晶泰科技");
	}

	@Test
	void loadingTheSameDataVersionAgainChangesNothing() throws Exception {
		int before = jdbc.sql("select count(*) from directory_organisation").query(Integer.class).single();
		long eventsBefore = events.stream(OrganisationChanged.class).count();
		loader.run(null);
		assertThat(jdbc.sql("select count(*) from directory_organisation").query(Integer.class).single()).isEqualTo(before);
		assertThat(events.stream(OrganisationChanged.class).count()).isEqualTo(eventsBefore);
		assertThat(directory.dataVersion()).isEqualTo("2021.10-1");
		assertThat(directory.all()).hasSizeGreaterThanOrEqualTo(26);
	}

}
