package org.hetao.estation.hall.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.hetao.estation.hall.SelfServiceKiosks;
import org.hetao.estation.support.Accessibility;
import org.hetao.estation.support.Browser;
import org.hetao.estation.support.StaffSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The cross-border self-service kiosk in a real headless Chromium (#19): the hall manager makes the browser a kiosk;
 * an applicant there sees only the kiosk's items and starts one; at home the same item, not offered online, says where to go.
 * Every page checked by axe-core (WCAG 2.1 A and AA).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CrossBorderKioskBrowserTests {

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

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** Signs out whoever is signed in, keeping the device's kiosk cookie (as a kiosk does between people). */
	void nextPerson() {
		for (Cookie c : browser.manage().getCookies()) {
			if (!SelfServiceKiosks.COOKIE.equals(c.getName())) {
				browser.manage().deleteCookie(c);
			}
		}
	}

	@Test
	void theHallManagerMakesAKioskAndAnApplicantAppliesThereForAKioskOnlyItem() {
		// at home: an item not offered online says where the kiosks are instead of offering the form
		StaffSignIn.inBrowser(browser, url(""), "applicant-hk");
		browser.get(url("/applications/new?item=LEG-001&lang=en"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This item cannot be applied for here");
		assertThat(browser.findElements(By.cssSelector("a[href='/hall/kiosk/cross-border']"))).isNotEmpty();
		Accessibility.assertNoViolations(browser);
		browser.get(url("/hall/kiosk/cross-border?lang=en"));
		assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("This device is not a cross-border self-service kiosk");
		Accessibility.assertNoViolations(browser);

		// the hall manager registers this browser
		nextPerson();
		StaffSignIn.inBrowser(browser, url(""), "hall-manager");
		browser.get(url("/hall/kiosk/cross-border?lang=zh-Hant"));
		Accessibility.assertNoViolations(browser);
		browser.findElement(By.id("name")).sendKeys("e站通大樓 1樓 入口旁");
		browser.findElement(By.cssSelector("form[action='/hall/manager/kiosks'] button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("a[href='/applications/new?item=LEG-001']")).isEmpty());
		assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("這部裝置已設為跨境自助辦理機");
		assertThat(browser.findElements(By.cssSelector("a[href='/applications/new?item=ACC-005']"))).isEmpty();
		Accessibility.assertNoViolations(browser);

		// the next person at the kiosk: an applicant applies there for an item not offered online
		nextPerson();
		StaffSignIn.inBrowser(browser, url(""), "applicant-hk");
		browser.get(url("/hall/kiosk/cross-border?lang=en&q=LEG"));
		browser.findElement(By.cssSelector("a[href='/applications/new?item=LEG-001']")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/applications/new"));
		assertThat(browser.findElement(By.cssSelector("main .caption")).getText()).isEqualTo("Cross-border self-service");
		Accessibility.assertNoViolations(browser);
		browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().matches(".*/applications/drafts/\\d+.*"));
	}

	@Test
	void anEnterprisesGrantsPageMeetsWcag21AA() {
		StaffSignIn.inBrowser(browser, url(""), "enterprise-hk");
		for (String lang : java.util.List.of("zh-Hant", "en")) {
			browser.get(url("/policies/grants?lang=" + lang));
			assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
			Accessibility.assertNoViolations(browser);
		}
	}

}
