package org.hetao.estation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest
@AutoConfigureMockMvc
class IdentityDocumentApiIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	MvcTestResult validate(String json, String language) {
		return mvc.post()
			.uri("/api/v1/identity-documents/validate")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", language)
			.content(json)
			.exchange();
	}

	@Test
	void answersAnonymousCallersInTheirLanguage() {
		MvcTestResult ok = validate("{\"kind\":\"HKID\",\"number\":\"A123456(3)\"}", "en");
		assertThat(ok).hasStatusOk().bodyJson().extractingPath("$.valid").isEqualTo(true);

		MvcTestResult wrong = validate("{\"kind\":\"USCC\",\"number\":\"91440300708461136A\"}", "zh-HK");
		assertThat(wrong).hasStatusOk().bodyJson().extractingPath("$.valid").isEqualTo(false);
		assertThat(wrong).bodyJson().extractingPath("$.reason").asString().contains("校驗碼");

		MvcTestResult hans = validate("{\"kind\":\"MTP\",\"number\":\"H1234\"}", "zh-CN");
		assertThat(hans).bodyJson().extractingPath("$.reason").asString().contains("通行证");
	}

	@Test
	void malformedRequestsAreProblemDetails() {
		MvcTestResult unknownKind = validate("{\"kind\":\"PASSPORTX\",\"number\":\"1\"}", "en");
		assertThat(unknownKind).hasStatus(400);
		assertThat(unknownKind.getResponse().getContentType()).startsWith("application/problem+json");

		MvcTestResult missing = validate("{\"number\":\"A123456(3)\"}", "en");
		assertThat(missing).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("kind");

		MvcTestResult notJson = validate("kind=HKID", "en");
		assertThat(notJson).hasStatus(400);
		assertThat(notJson).bodyJson().extractingPath("$.detail").asString().startsWith("Some of what you sent");
		// a client tells problems apart by their code, Spring's own refusals included
		assertThat(notJson).bodyJson().extractingPath("$.code").isEqualTo("error.invalidInput");
		assertThat(unknownKind).bodyJson().extractingPath("$.code").isEqualTo("error.invalidInput");
	}

}
