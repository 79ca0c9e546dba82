package org.hetao.estation.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.hetao.estation.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In a real headless Chromium: the home page, and switching language from the header. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HomePageBrowserTests {

	@LocalServerPort
	int port;

	WebDriver browser;

	@BeforeEach
	void start() {
		browser = Browser.start();
	}

	@AfterEach
	void stop() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void switchesLanguageFromTheHeaderAndRemembersIt() {
		browser.get("http://localhost:" + port + "/");
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-Hant");
		assertThat(browser.findElement(By.cssSelector("nav.themes")).getText()).contains("綜合服務");

		browser.findElement(By.linkText("EN")).click();
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
		assertThat(browser.findElement(By.cssSelector("nav.themes")).getText()).contains("Comprehensive services");

		browser.get("http://localhost:" + port + "/");
		assertThat(browser.findElement(By.cssSelector("nav.themes")).getText()).contains("Business negotiation");

		browser.findElement(By.linkText("简")).click();
		assertThat(browser.findElement(By.cssSelector("nav.themes")).getText()).contains("商务洽谈");
	}

}
