package org.hetao.estation.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The footer of a real service on every page, and the pages it links to, signed out, in the three languages. */
@SpringBootTest
@AutoConfigureMockMvc
class ServiceInformationIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ServiceCentre centre;

	String page(String path) throws Exception {
		var result = mvc.get().uri(path).exchange();
		assertThat(result).as(path).hasStatusOk();
		return result.getResponse().getContentAsString();
	}

	@Test
	void everyPageSaysWhereTheCentreIsWhenItOpensAndWhomToCall() throws Exception {
		assertThat(centre.hotlines()).extracting(ServiceCentre.Hotline::number).contains("12345", "1823");
		String home = page("/?lang=en");
		assertThat(home).contains(centre.address().en(), centre.hours().en(), "href=\"tel:12345\"", "href=\"tel:1823\"")
			.contains("href=\"/privacy\"", "href=\"/accessibility\"", "href=\"/terms\"", "href=\"/contact\"");
		assertThat(page("/catalog?lang=zh-Hans")).contains(centre.address().zhHans(), "咨询热线");
	}

	@Test
	void theContactPrivacyAccessibilityAndTermsPagesAreThereForEveryoneInEachLanguage() throws Exception {
		assertThat(page("/contact?lang=en")).contains("<h1>Contact us</h1>", centre.email());
		assertThat(page("/privacy?lang=zh-Hant")).contains("<h1>私隱政策</h1>", "個人資料（私隱）條例", "個人信息保護法");
		assertThat(page("/privacy?lang=en")).contains("Personal Information Protection Law");
		assertThat(page("/accessibility?lang=zh-Hans")).contains("<h1>无障碍声明</h1>", "WCAG");
		assertThat(page("/terms?lang=en")).contains("<h1>Terms of use</h1>");
	}

}
