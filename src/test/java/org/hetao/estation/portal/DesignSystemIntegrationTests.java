package org.hetao.estation.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The design system page, and the colour tokens of the stylesheet held to WCAG 2.1 AA contrast. */
@SpringBootTest
@AutoConfigureMockMvc
class DesignSystemIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DesignTokens tokens;

	@Test
	void contrastIsComputedAsWcagDefinesIt() {
		assertThat(DesignTokens.contrast("#000000", "#ffffff")).isCloseTo(21.0, within(0.01));
		assertThat(DesignTokens.contrast("#777777", "#ffffff")).isCloseTo(4.48, within(0.01));
		assertThat(DesignTokens.contrast("#ffffff", "#ffffff")).isCloseTo(1.0, within(0.001));
	}

	@Test
	void everyTextColourOfTheStylesheetMeetsAAOnWhiteAndOnTheWash() {
		assertThat(tokens.colours()).extracting(DesignTokens.Colour::name).contains("ink", "brand", "err", "paper");
		for (String text : List.of("ink", "muted", "brand", "brand-dark", "accent", "ok", "warn", "err")) {
			DesignTokens.Colour c = tokens.colour(text);
			assertThat(c.onPaper()).as("--%s on white", text).isGreaterThanOrEqualTo(4.5);
			assertThat(c.onWash()).as("--%s on the wash", text).isGreaterThanOrEqualTo(4.5);
		}
		assertThat(DesignTokens.contrast("#ffffff", tokens.colour("brand").hex())).as("white on a primary button")
			.isGreaterThanOrEqualTo(4.5);
		assertThat(DesignTokens.contrast("#ffffff", tokens.colour("err").hex())).as("white on a warning button")
			.isGreaterThanOrEqualTo(4.5);
	}

	@Test
	void thePageShowsTheComponentsInEachLanguage() {
		assertThat(mvc.get().uri("/design?lang=en").exchange()).hasStatusOk()
			.bodyText()
			.contains("<h1>Design system</h1>", "button button--secondary", "button button--warning", "--brand", "#0b5cad");
		assertThat(mvc.get().uri("/design?lang=zh-Hant").exchange()).hasStatusOk().bodyText().contains("<h1>設計系統</h1>");
	}

}
