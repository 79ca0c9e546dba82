package org.hetao.estation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Language;
import org.hetao.estation.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/** In a real headless Chromium: a hostile display name and search text are shown literally and run nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputBrowserTests {

	static final String PAYLOAD = "<script>alert(1)</script>\"><img src=x onerror=alert(2)> 😀";

	static final String PASSWORD = "a long enough passphrase";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordEncoder passwords;

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

	void assertNothingRan() {
		assertThatThrownBy(() -> browser.switchTo().alert()).as("no dialog").isInstanceOf(NoAlertPresentException.class);
		JavascriptExecutor js = (JavascriptExecutor) browser;
		assertThat(((Number) js.executeScript("return document.querySelectorAll('img[src=\"x\"]').length")).intValue())
			.as("injected images").isZero();
		assertThat(((Number) js.executeScript("return Array.from(document.scripts).filter(s => !s.src).length")).intValue())
			.as("inline scripts").isZero();
	}

	@Test
	void aHostileNameAndSearchAreShownLiterallyAndRunNothing() {
		String username = "hostile-" + UUID.randomUUID().toString().substring(0, 8) + "@example.hk";
		accounts.create(new Accounts.NewAccount(username, passwords.encode(PASSWORD), PAYLOAD, username, null, Language.EN,
				ApplicantType.HK_RESIDENT, null, Set.of(Role.APPLICANT)));
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(d -> !d.getCurrentUrl().contains("/login") && !d.findElements(By.cssSelector(".account__name")).isEmpty());
		assertNothingRan();
		assertThat(browser.findElement(By.cssSelector(".account__name")).getText()).isEqualTo(PAYLOAD);

		browser.get("http://localhost:" + port + "/account");
		assertNothingRan();
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(PAYLOAD);

		browser.get("http://localhost:" + port + "/search?q=" + URLEncoder.encode(PAYLOAD, StandardCharsets.UTF_8));
		assertNothingRan();
		assertThat(browser.findElement(By.cssSelector("input[name=q]")).getDomProperty("value")).isEqualTo(PAYLOAD);
	}

}
