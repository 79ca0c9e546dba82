package org.hetao.estation.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The platform's search finds the directory's organisations, in any script or language. */
@SpringBootTest
@AutoConfigureMockMvc
class DirectorySearchIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void organisationsAreFoundByNameInEveryScriptAndByTheirField() throws Exception {
		Instant until = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(until) && !found("晶泰")) {
			Thread.sleep(250);
		}
		assertThat(found("晶泰")).isTrue();
		assertThat(mvc.get().uri("/api/v1/search?q=XtalPi&lang=en&type=ORGANISATION").exchange()).hasStatusOk()
			.bodyJson()
			.extractingPath("$.hits[0].code")
			.isEqualTo("xtalpi");
		assertThat(mvc.get().uri("/api/v1/search?q=鲲云&lang=zh-Hans&type=ORGANISATION").exchange()).bodyJson()
			.extractingPath("$.hits[0].type")
			.isEqualTo("ORGANISATION");
	}

	private boolean found(String query) throws java.io.UnsupportedEncodingException {
		var result = mvc.get().uri("/api/v1/search?q={q}&lang=zh-Hant&type=ORGANISATION", query).exchange();
		String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		return body.contains("\"code\":\"xtalpi\"");
	}

}
