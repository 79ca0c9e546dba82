package org.hetao.estation.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;

import org.hetao.estation.portal.ServiceCentre;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The layout's footer and the menu's themes, rendered once per locale and kept ({@link LayoutParts}): each page
 * shows them in its own language, whichever language was asked for first, and no more than
 * {@value LayoutParts#MAX_LOCALES} locales are kept, whatever the language cookie says.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LayoutPartsIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	LayoutParts parts;

	@Autowired
	ServiceCentre centre;

	String page(String path, String languageCookie) throws Exception {
		var request = mvc.get().uri(path);
		if (languageCookie != null) {
			request = request.cookie(new Cookie(Language.CHOICE_COOKIE, languageCookie));
		}
		var result = request.exchange();
		assertThat(result).as(path + " in " + languageCookie).hasStatusOk();
		return result.getResponse().getContentAsString();
	}

	@Test
	void eachLanguageGetsItsOwnFooterAndThemesOnEveryRequest() throws Exception {
		for (int round = 0; round < 2; round++) {
			assertThat(page("/catalog", "en")).contains("Help lines", "The four themes", centre.address().en(),
					centre.hours().en(), "href=\"tel:12345\"", "href=\"/privacy\"", "href=\"/catalog?theme=EXHIBITION_EXCHANGE\"")
				.doesNotContain("查詢熱線", "咨询热线");
			assertThat(page("/contact", "zh-Hant")).contains("查詢熱線", "四大主題功能", centre.address().zhHant())
				.doesNotContain("Help lines", "咨询热线");
			assertThat(page("/", "zh-Hans")).contains("咨询热线", "四大主题功能", centre.address().zhHans())
				.doesNotContain("Help lines", "查詢熱線");
		}
		// the footer comes once, after the page's own content
		String home = page("/", "en");
		assertThat(home.indexOf("class=\"site-footer\"")).isGreaterThan(home.indexOf("id=\"main\""))
			.isEqualTo(home.lastIndexOf("class=\"site-footer\""));
	}

	@Test
	void noMoreThanSixteenLocalesAreKeptAndPagesInOthersStillHaveTheirFooter() throws Exception {
		String[] tags = { "fr", "de", "es", "it", "pt", "ja", "ko", "ru", "ar", "nl", "sv", "pl", "tr", "vi", "th", "id",
				"ms", "fi", "da", "no", "cs", "el" };
		for (String tag : tags) {
			assertThat(page("/contact", tag)).contains("class=\"site-footer\"", centre.email(), "href=\"tel:12345\"");
		}
		assertThat(parts.localesKept()).isEqualTo(LayoutParts.MAX_LOCALES);
		// the languages already kept still answer from what was kept
		assertThat(page("/contact", "en")).contains("Help lines");
	}

	@Test
	void theLanguageLinksComeBackToThePageWithoutItsLanguageParameter() throws Exception {
		for (String[] asked : new String[][] { { "/catalog?lang=en&theme=LEISURE_INFORMATION", "/catalog?theme=LEISURE_INFORMATION" },
				{ "/catalog?theme=LEISURE_INFORMATION&lang=en", "/catalog?theme=LEISURE_INFORMATION" },
				{ "/catalog?lang=en", "/catalog" }, { "/contact", "/contact" } }) {
			java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/language\\?lang=zh-Hans[^\"]*)\"")
				.matcher(page(asked[0], null));
			assertThat(link.find()).as(asked[0]).isTrue();
			String back = java.net.URLDecoder.decode(link.group(1).replace("&amp;", "&").replaceFirst("^.*[?&]back=", ""),
					java.nio.charset.StandardCharsets.UTF_8);
			assertThat(back).as(asked[0]).isEqualTo(asked[1]);
		}
	}

}
