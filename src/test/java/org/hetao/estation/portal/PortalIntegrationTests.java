package org.hetao.estation.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The frame every page and API call shares: languages, health, errors. */
@SpringBootTest
@AutoConfigureMockMvc
class PortalIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void healthIsUpAndPublicWithStatusOnly() throws Exception {
		// out of service (503) while the first search index is built after readiness (SearchIndexHealth), then up
		MvcTestResult result = mvc.get().uri("/actuator/health").exchange();
		for (int i = 0; i < 600 && result.getResponse().getStatus() == 503; i++) {
			Thread.sleep(100);
			result = mvc.get().uri("/actuator/health").exchange();
		}
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("UP");
		assertThat(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.doesNotContain("components", "db");
	}

	@Test
	void homePageSpeaksTraditionalChineseByDefault() {
		MvcTestResult result = mvc.get().uri("/").exchange();
		assertThat(result).hasStatusOk().bodyText().contains("河套e站通", "綜合服務", "lang=\"zh-Hant\"");
	}

	@Test
	void languageFollowsTheBrowserAndTheChoiceIsRemembered() {
		assertThat(mvc.get().uri("/").header("Accept-Language", "zh-CN,zh;q=0.9").exchange()).bodyText()
			.contains("综合服务", "lang=\"zh-Hans\"");
		assertThat(mvc.get().uri("/").header("Accept-Language", "en-GB").exchange()).bodyText()
			.contains("Comprehensive services");

		MvcTestResult switched = mvc.get().uri("/language?lang=en&back=/").exchange();
		assertThat(switched).hasStatus3xxRedirection().hasRedirectedUrl("/");
		assertThat(switched).cookies().containsCookie("estation-lang");
		assertThat(mvc.get().uri("/").cookie(switched.getResponse().getCookie("estation-lang")).exchange()).bodyText()
			.contains("Comprehensive services", "lang=\"en\"");
	}

	@Test
	void languageSwitchNeverRedirectsToAnotherSite() {
		assertThat(mvc.get().uri("/language?lang=en&back=//evil.example/x").exchange()).hasRedirectedUrl("/");
		assertThat(mvc.get().uri("/language?lang=en&back=https://evil.example/").exchange()).hasRedirectedUrl("/");
	}

	@Test
	void pagesOutsideThePublicOnesAskABrowserToSignIn() {
		MvcTestResult result = mvc.get().uri("/applications").accept(MediaType.TEXT_HTML).exchange();
		assertThat(result).hasStatus3xxRedirection();
		assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
		// an address that is no page at all is not found, signed in or not (SignedOutPagesIntegrationTests)
		assertThat(mvc.get().uri("/no-such-page").accept(MediaType.TEXT_HTML).exchange()).hasStatus(404);
	}

	@Test
	void apiErrorsAreProblemDetailsWithoutStackTraces() {
		MvcTestResult result = mvc.get()
			.uri("/api/v1/no-such-thing")
			.header("Accept-Language", "en")
			.accept(MediaType.APPLICATION_JSON)
			.exchange();
		assertThat(result).hasStatus(401);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Sign-in required");
		assertThat(result).bodyText().doesNotContain("Exception", "at org.");
	}

	@Test
	void openApiDescriptionIsPublished() {
		assertThat(mvc.get().uri("/v3/api-docs").exchange()).hasStatusOk().bodyText().contains("openapi");
	}

}
