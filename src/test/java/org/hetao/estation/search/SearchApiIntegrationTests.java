package org.hetao.estation.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The public search API and page: shape, languages, filters, hostile input. */
@SpringBootTest
@AutoConfigureMockMvc
class SearchApiIntegrationTests {

	static final String PASSWORD = "test-Password-2026";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SearchIndexer indexer;

	@Test
	void searchAnswersTheDocumentedShapeBestFirstInTheRequestedLanguage() {
		indexer.rebuild();
		MvcTestResult result = mvc.get().uri("/api/v1/search?q={q}&lang=en&type=POLICY", "香港青年創業啟動資助").exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.total").asNumber().satisfies(n -> assertThat(n.intValue()).isPositive());
		assertThat(result).bodyJson().extractingPath("$.hits[0].type").isEqualTo("POLICY");
		assertThat(result).bodyJson().extractingPath("$.hits[0].code").isEqualTo("POL-001");
		assertThat(result).bodyJson().extractingPath("$.hits[0].title").isEqualTo("Start-up grant for Hong Kong young entrepreneurs");
		assertThat(result).bodyJson().extractingPath("$.hits[0].snippet").asString().isNotBlank();
		assertThat(result).bodyJson().extractingPath("$.hits[0].score").asNumber().satisfies(n -> assertThat(n.doubleValue()).isPositive());
		assertThat(result).bodyJson().extractingPath("$.facets.type[0].value").isEqualTo("POLICY");

		MvcTestResult simplified = mvc.get().uri("/api/v1/search?q={q}&lang=zh-Hans&type=POLICY", "香港青年創業啟動資助").exchange();
		assertThat(simplified).bodyJson().extractingPath("$.hits[0].title").isEqualTo("香港青年创业启动资助");
	}

	@Test
	void typeFilterKeepsOnlyThatType() {
		MvcTestResult result = mvc.get().uri("/api/v1/search?q=customs&type=ITEM&size=50").exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.hits[*].type").asArray().isNotEmpty().containsOnly("ITEM");
	}

	@Test
	void badInputIsAProblemDetailNeverAServerError() {
		for (String uri : new String[] { "/api/v1/search?q=", "/api/v1/search", "/api/v1/search?q=" + "x".repeat(201),
				"/api/v1/search?q=tax&lang=fr", "/api/v1/search?q=tax&type=PERSON", "/api/v1/search?q=tax&size=500",
				"/api/v1/search?q=tax&page=-1" }) {
			MvcTestResult result = mvc.get().uri(uri).accept(MediaType.APPLICATION_JSON).exchange();
			assertThat(result).as(uri).hasStatus(400);
			assertThat(result.getResponse().getContentType()).as(uri).contains("application/problem+json");
		}
		MvcTestResult syntax = mvc.get().uri("/api/v1/search?q={q}", "title:*) OR \"[海關 AND ~2^3").exchange();
		assertThat(syntax).hasStatusOk();
	}

	@Test
	void suggestionsAnswerWhatIsTyped() {
		MvcTestResult result = mvc.get().uri("/api/v1/search/suggest?q={q}&lang=zh-Hant", "香港青年").exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$[0].title").asString().contains("香港青年");
		assertThat(result).bodyJson().extractingPath("$[0].url").asString().startsWith("/");
		assertThat(mvc.get().uri("/api/v1/search/suggest?q=").exchange()).bodyJson().isEqualTo("[]");
	}

	@Test
	void onlyAnAdministratorRebuildsTheIndex() {
		assertThat(mvc.post().uri("/api/v1/search/index").exchange()).hasStatus(401);
		assertThat(mvc.post().uri("/api/v1/search/index").with(httpBasic("applicant-hk", PASSWORD)).exchange())
			.hasStatus(403);
		MvcTestResult admin = mvc.post().uri("/api/v1/search/index").with(httpBasic("admin", PASSWORD)).exchange();
		assertThat(admin).hasStatusOk();
		assertThat(admin).bodyJson().extractingPath("$.documents").asNumber().satisfies(n -> assertThat(n.intValue()).isGreaterThanOrEqualTo(40));
	}

	@Test
	void resultsPageHighlightsEscapesAndOffersAWayOnWhenNothingMatches() throws Exception {
		MvcTestResult page = mvc.get().uri("/search?q={q}", "香港青年創業").exchange();
		assertThat(page).hasStatusOk();
		String html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("<mark>", "香港青年創業啟動資助", "/policies/POL-001");

		MvcTestResult hostile = mvc.get().uri("/search?q={q}", "<script>alert(1)</script>").exchange();
		assertThat(hostile).hasStatusOk();
		assertThat(hostile.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("<script>alert(1)</script>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;");

		MvcTestResult none = mvc.get().uri("/search?q={q}", "zzqxwv").exchange();
		assertThat(none.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("no-results", "/consultations/new");

		MvcTestResult blank = mvc.get().uri("/search?q=").exchange();
		assertThat(blank).hasStatusOk();
	}

}
