package org.hetao.estation.support;

import java.time.Duration;
import java.time.Instant;

import org.hetao.estation.identity.Totp;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How tests sign demo staff in through the real login form, which asks staff for a second factor (TOTP)
 * after the password. All demo staff accounts share the documented demo secret
 * ({@code estation.demo.totp-secret}); {@link #totpNow(String)} gives the code valid now. (The test profile
 * lets a code be used more than once, so the suite can sign the same account in many times a minute.)
 * Tests that build the principal directly ({@code with(user(...))}, {@code @WithUserDetails}) need none
 * of this: such principals count as fully signed in.
 */
public final class StaffSignIn {

	/** The demo accounts' password in the test profile. */
	public static final String DEMO_PASSWORD = "test-Password-2026";

	/** The demo staff accounts' TOTP secret (Base32), as in {@code application.properties}. */
	public static final String DEMO_TOTP_SECRET = "HETAOESTATIONDEMOTOTPSECRET23456";

	private StaffSignIn() {
	}

	/** The 6-digit code of a demo staff account valid now. */
	public static String totpNow(String username) {
		return totpNow();
	}

	/** The 6-digit code of the demo staff secret valid now. */
	public static String totpNow() {
		return Totp.code(DEMO_TOTP_SECRET, Instant.now());
	}

	/** The code of any Base32 secret valid now (for accounts a test enrolled itself). */
	public static String totpNow(String username, String base32Secret) {
		return Totp.code(base32Secret, Instant.now());
	}

	/**
	 * Signs a demo account in through the browser's login form at {@code baseUrl}, typing the TOTP code
	 * when the platform asks for one (staff), and waits until the signed-in page has loaded.
	 */
	public static void inBrowser(WebDriver browser, String baseUrl, String username) {
		browser.get(baseUrl + "/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
		browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		wait.until(d -> !d.getCurrentUrl().contains("/login"));
		completeSecondFactor(browser);
	}

	/** When the browser is on the second-factor page, types the current code and waits until it is past it. */
	public static void completeSecondFactor(WebDriver browser) {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		wait.until(d -> !d.findElements(By.cssSelector("main")).isEmpty());
		if (!browser.getCurrentUrl().contains("/account/mfa")) {
			return;
		}
		browser.findElement(By.id("code")).sendKeys(totpNow());
		browser.findElement(By.cssSelector("main form.form button[type=submit]")).click();
		wait.until(d -> !d.getCurrentUrl().contains("/account/mfa")
				&& !d.findElements(By.cssSelector(".account__name")).isEmpty());
	}

}
