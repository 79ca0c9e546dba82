package org.hetao.estation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.hetao.estation.shared.Language;
import org.hetao.estation.support.Browser;
import org.hetao.estation.support.StaffSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/** In a real headless Chromium: staff sign in with the password, then the TOTP code, and reach their work. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MfaBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

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

	void submit(WebElement button) {
		WebElement page = browser.findElement(By.tagName("html"));
		button.click();
		Browser.waitForNewPage(browser, page);
	}

	/** Types into a field of the loaded page and checks that the text arrived. */
	void type(String id, String text) {
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(
				d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
		assertThat(field.getDomProperty("value")).isEqualTo(text);
	}

	void typePassword(String username, String password) {
		type("username", username);
		type("password", password);
		submit(browser.findElement(By.cssSelector("main form button[type=submit]")));
	}

	@Test
	void anOfficerTypesTheCodeAfterThePasswordAndReachesTheWorkQueue() {
		browser.get(url("/work-queue"));
		assertThat(browser.getCurrentUrl()).contains("/login");
		typePassword("officer-tax", StaffSignIn.DEMO_PASSWORD);
		assertThat(browser.getCurrentUrl()).endsWith("/account/mfa");
		// password only: any other page sends the officer back to the code
		browser.get(url("/work-queue"));
		assertThat(browser.getCurrentUrl()).endsWith("/account/mfa");

		type("code", "000000".equals(StaffSignIn.totpNow()) ? "111111" : "000000");
		submit(browser.findElement(By.cssSelector("main form.form button[type=submit]")));
		assertThat(browser.findElement(By.id("code")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.findElement(By.id("code-error")).getText()).isNotBlank();

		type("code", StaffSignIn.totpNow("officer-tax"));
		submit(browser.findElement(By.cssSelector("main form.form button[type=submit]")));
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/work-queue"));
		assertThat(browser.findElement(By.cssSelector(".account__name")).getText()).isNotBlank();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
	}

	@Test
	void aNewClerkEnrolsWithTheQrPageAndKeepsTheRecoveryCodes() {
		String username = "mfa-browser-" + UUID.randomUUID();
		accounts.create(new Accounts.NewAccount(username, passwordEncoder.encode("a long clerk passphrase"), "Browser Clerk",
				null, null, Language.EN, null, null, Set.of(Role.CLERK)));
		browser.get(url("/login"));
		typePassword(username, "a long clerk passphrase");
		assertThat(browser.getCurrentUrl()).endsWith("/account/mfa/enrol");
		assertThat(browser.findElement(By.cssSelector(".qr-code svg")).getAttribute("aria-label")).isNotBlank();
		String secret = browser.findElement(By.id("totp-secret")).getText().replace(" ", "");
		assertThat(secret).matches("[A-Z2-7]{32}");

		type("code", Totp.code(secret, Instant.now()));
		submit(browser.findElement(By.cssSelector("main form.form button[type=submit]")));
		assertThat(browser.findElements(By.cssSelector(".recovery-code"))).hasSize(10);
		submit(browser.findElement(By.id("continue")));
		browser.get(url("/account"));
		assertThat(browser.getCurrentUrl()).endsWith("/account");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("10");
	}

}
