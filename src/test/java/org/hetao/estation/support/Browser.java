package org.hetao.estation.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) for browser tests. Where the browser
 * is not installed the test is skipped, unless {@code ESTATION_REQUIRE_BROWSER=true} (CI) makes that a
 * failure.
 */
public final class Browser {

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("ESTATION_CHROMIUM", "/usr/bin/chromium"));

	static final Path DRIVER = Path.of(System.getenv().getOrDefault("ESTATION_CHROMEDRIVER", "/usr/bin/chromedriver"));

	private Browser() {
	}

	public static WebDriver start() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
		if (!installed && !"true".equalsIgnoreCase(System.getenv("ESTATION_REQUIRE_BROWSER"))) {
			Assumptions.abort("Chromium or chromedriver not installed (apt-get install chromium chromium-driver)");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,1024", "--lang=zh-HK");
		// A Hong Kong user's browser: the platform should answer in Traditional Chinese.
		options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-HK,zh-Hant,en"));
		// the console's errors (CSP violations, failed requests) for tests to read
		options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "SEVERE"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		return driver;
	}

	/**
	 * Waits until {@code oldPage} (a page's {@code html} element) has been replaced by a new page.
	 * Chromium sometimes reports a replaced node as "does not belong to the document" rather than as a
	 * stale element: both mean the old page is gone.
	 */
	public static void waitForNewPage(WebDriver driver, org.openqa.selenium.WebElement oldPage) {
		new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
			try {
				oldPage.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.StaleElementReferenceException gone) {
				return true;
			}
			catch (org.openqa.selenium.WebDriverException e) {
				if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
					return true;
				}
				throw e;
			}
		});
	}

}
