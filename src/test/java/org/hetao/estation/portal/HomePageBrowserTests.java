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
		assertThat(browser.findElement(By.cssSelector(".primary-nav__links")).getText()).contains("服務目錄");

		browser.findElement(By.linkText("EN")).click();
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
		assertThat(browser.findElement(By.cssSelector(".primary-nav__links")).getText()).contains("Service catalogue");

		browser.get("http://localhost:" + port + "/");
		openMenu();
		assertThat(browser.findElement(By.cssSelector(".site-menu__panel")).getText()).contains("Business negotiation");

		browser.findElement(By.linkText("简")).click();
		openMenu();
		assertThat(browser.findElement(By.cssSelector(".site-menu__panel")).getText()).contains("商务洽谈");
	}

	/**
	 * On a 390 × 844 phone the page's own content starts within the first 250 px: the menu is one button, which
	 * opens with the keyboard alone (a details element: no JavaScript needed) and shows everything else.
	 */
	@Test
	void onAPhoneTheContentComesFirstAndTheMenuIsOneButton() {
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		try {
			for (String path : new String[] { "/?lang=zh-Hant", "/contact?lang=en", "/catalog?lang=zh-Hans" }) {
				browser.get("http://localhost:" + port + path);
				int top = browser.findElement(By.cssSelector("main h1")).getRect().getY();
				assertThat(top).as("the first heading of %s on a phone", path).isLessThanOrEqualTo(250);
				assertThat(browser.findElement(By.cssSelector(".primary-nav__links")).isDisplayed()).isFalse();
			}
			var button = browser.findElement(By.cssSelector(".site-menu__button"));
			assertThat(browser.findElement(By.cssSelector(".site-menu__panel")).isDisplayed()).isFalse();
			button.sendKeys(org.openqa.selenium.Keys.ENTER);
			assertThat(browser.findElement(By.cssSelector(".site-menu__panel")).isDisplayed()).isTrue();
			assertThat(browser.findElement(By.cssSelector(".site-menu__all")).getText()).contains("服务目录");
		}
		finally {
			browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1024));
		}
	}

	void openMenu() {
		var menu = browser.findElement(By.cssSelector("details.site-menu"));
		if (menu.getDomAttribute("open") == null) {
			browser.findElement(By.cssSelector(".site-menu__button")).click();
		}
	}

}
