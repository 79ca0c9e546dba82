package org.hetao.estation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.hetao.estation.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The home page pulls the park's current notices in with htmx, under the strict CSP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HomePageNoticesBrowserTests {

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
	void theHomePageShowsTheCurrentNotices() {
		browser.get("http://localhost:" + port + "/?lang=en");
		new WebDriverWait(browser, Duration.ofSeconds(15))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.notices-latest")));
		assertThat(browser.findElement(By.cssSelector("section.notices-latest h2")).getText()).isNotBlank();
	}

}
