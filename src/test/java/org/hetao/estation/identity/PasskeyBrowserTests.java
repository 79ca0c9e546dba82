package org.hetao.estation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.hetao.estation.shared.Language;
import org.hetao.estation.support.Accessibility;
import org.hetao.estation.support.Browser;
import org.hetao.estation.support.StaffSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * In a real headless Chromium with WebDriver's virtual authenticator (a platform passkey that verifies its user): a
 * staff member signs in with password and code, registers a passkey, signs out, signs in with password and the
 * passkey and reaches the work queue; revokes it, and the passkey no longer works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PasskeyBrowserTests {

	static final String PASSWORD = "a long officer passphrase";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	SecondFactor secondFactor;

	@Autowired
	Passkeys passkeys;

	WebDriver browser;

	VirtualAuthenticator authenticator;

	@BeforeEach
	void start() {
		browser = Browser.start();
		authenticator = ((HasVirtualAuthenticator) browser).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
			.setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
			.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
			.setHasResidentKey(true)
			.setHasUserVerification(true)
			.setIsUserVerified(true));
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

	WebDriverWait waiting() {
		return new WebDriverWait(browser, Duration.ofSeconds(20));
	}

	void loaded() {
		waiting().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	void submit(WebElement button) {
		WebElement page = browser.findElement(By.tagName("html"));
		button.click();
		Browser.waitForNewPage(browser, page);
		loaded();
	}

	void password(String username) {
		loaded();
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		submit(browser.findElement(By.cssSelector("main form button[type=submit]")));
	}

	void signOut() {
		submit(browser.findElement(By.cssSelector(".account form[action$='/logout'] button")));
	}

	@Test
	void anOfficerRegistersAPasskeyUsesItAfterThePasswordAndRevokesIt() {
		String username = "passkey-browser-" + UUID.randomUUID();
		long id = accounts.create(new Accounts.NewAccount(username, passwordEncoder.encode(PASSWORD), "Passkey Officer",
				null, null, Language.EN, null, "tax", Set.of(Role.OFFICER)));
		String secret = secondFactor.newSecret();
		secondFactor.enrolWithKnownSecret(id, secret);

		// password and code, then the account's passkeys page
		browser.get(url("/login"));
		password(username);
		assertThat(browser.getCurrentUrl()).endsWith("/account/mfa");
		browser.findElement(By.id("code")).sendKeys(StaffSignIn.totpNow(username, secret));
		submit(browser.findElement(By.cssSelector("main form.form button[type=submit]")));
		browser.get(url("/account"));
		loaded();
		submit(browser.findElement(By.id("passkeys-link")));
		assertThat(browser.getCurrentUrl()).endsWith("/account/passkeys");
		Accessibility.assertNoViolations(browser);

		// a name is needed
		browser.findElement(By.cssSelector("#passkey-register button[type=submit]")).click();
		waiting().until(d -> d.findElement(By.id("passkey-error")).isDisplayed());
		Accessibility.assertNoViolations(browser);

		browser.findElement(By.id("label")).sendKeys("Office laptop");
		WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(By.cssSelector("#passkey-register button[type=submit]")).click();
		Browser.waitForNewPage(browser, page);
		loaded();
		assertThat(browser.getCurrentUrl()).contains("/account/passkeys?registered");
		assertThat(browser.findElement(By.cssSelector("#passkeys .passkey__name")).getText()).isEqualTo("Office laptop");
		java.time.Instant registeredAt = passkeys.of(id).get(0).created();
		assertThat(authenticator.getCredentials()).hasSize(1);
		Accessibility.assertNoViolations(browser);

		// signed out; password, then the passkey instead of the code, and on to the page asked for
		signOut();
		browser.get(url("/work-queue"));
		loaded();
		assertThat(browser.getCurrentUrl()).contains("/login");
		password(username);
		assertThat(browser.getCurrentUrl()).endsWith("/account/mfa");
		Accessibility.assertNoViolations(browser);
		WebElement codePage = browser.findElement(By.tagName("html"));
		waiting().until(d -> d.findElement(By.id("passkey-sign-in")).isDisplayed());
		browser.findElement(By.id("passkey-sign-in")).click();
		Browser.waitForNewPage(browser, codePage);
		waiting().until(d -> d.getCurrentUrl().contains("/work-queue"));
		assertThat(browser.findElement(By.cssSelector(".account__name")).getText()).isNotBlank();
		assertThat(passkeys.of(id)).singleElement().satisfies(k -> assertThat(k.lastUsed()).isAfter(registeredAt));

		// revoked: gone from the list, and the authenticator's passkey signs no one in any more
		browser.get(url("/account/passkeys"));
		loaded();
		submit(browser.findElement(By.cssSelector("#passkeys form button[type=submit]")));
		assertThat(browser.getCurrentUrl()).contains("/account/passkeys?revoked");
		assertThat(browser.findElements(By.cssSelector("#passkeys .passkey"))).isEmpty();
		assertThat(passkeys.of(id)).isEmpty();
		Accessibility.assertNoViolations(browser);

		signOut();
		browser.get(url("/login"));
		password(username);
		assertThat(browser.getCurrentUrl()).endsWith("/account/mfa");
		waiting().until(d -> d.findElement(By.id("passkey-sign-in")).isDisplayed());
		browser.findElement(By.id("passkey-sign-in")).click();
		waiting().until(d -> d.findElement(By.id("passkey-error")).isDisplayed());
		assertThat(browser.findElement(By.id("passkey-error-text")).getText()).isNotBlank();
		Accessibility.assertNoViolations(browser);
		browser.get(url("/work-queue"));
		loaded();
		assertThat(browser.getCurrentUrl()).as("still only the password").endsWith("/account/mfa");
	}

}
