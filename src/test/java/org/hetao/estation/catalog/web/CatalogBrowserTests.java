package org.hetao.estation.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hetao.estation.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In a real headless Chromium: the home page, switching language, and from the list to an item guide. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogBrowserTests {

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
	void homeThenLanguageThenListThenItemGuideWithItsMaterials() {
		browser.get("http://localhost:" + port + "/");
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-Hant");
		assertThat(browser.findElement(By.id("themes-heading")).getText()).isEqualTo("四大主題功能");
		assertThat(browser.findElements(By.cssSelector("section[aria-labelledby=themes-heading] .tiles > li"))).hasSize(4);
		assertThat(browser.findElements(By.cssSelector("section[aria-labelledby=domains-heading] .tiles > li"))).hasSize(8);

		browser.findElement(By.linkText("EN")).click();
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
		assertThat(browser.findElement(By.id("domains-heading")).getText()).isEqualTo("The eight service domains");

		browser.findElement(By.linkText("简")).click();
		assertThat(browser.findElement(By.id("domains-heading")).getText()).isEqualTo("八大服务内容");

		browser.findElement(By.linkText("EN")).click();
		browser.findElement(By.cssSelector(".hero a.button")).click();
		assertThat(browser.getCurrentUrl()).endsWith("/catalog");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Service items");

		// filter by the customs domain with the form, then open an item that asks for materials
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("f-domain"))).selectByValue("CUSTOMS");
		browser.findElement(By.cssSelector(".filters button[type=submit]")).click();
		assertThat(browser.getCurrentUrl()).contains("domain=CUSTOMS");
		List<WebElement> links = browser.findElements(By.cssSelector(".item-list__name a"));
		assertThat(links).isNotEmpty();
		String name = links.get(0).getText();
		links.get(0).click();

		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
		assertThat(browser.findElement(By.id("materials-heading")).getText()).isEqualTo("Materials to bring");
		boolean table = !browser.findElements(By.cssSelector("table.materials tbody tr")).isEmpty();
		assertThat(table || browser.getPageSource().contains("No materials are needed.")).isTrue();
		assertThat(browser.findElement(By.linkText("Apply")).getDomAttribute("href")).startsWith("/applications/new?item=");
	}

}
