package org.hetao.estation.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.hetao.estation.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In a real headless Chromium: searching from the header box, and the policy finder. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	SearchIndexer indexer;

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
	void headerSearchSuggestsAndShowsHighlightedResults() {
		indexer.rebuild();
		browser.get("http://localhost:" + port + "/");
		WebElement box = browser.findElement(By.id("site-search"));
		box.sendKeys("香港青年創業");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		// suggestions: an ARIA combobox with a listbox of options
		wait.until(d -> "true".equals(d.findElement(By.id("site-search")).getDomAttribute("aria-expanded")));
		List<WebElement> options = browser.findElements(By.cssSelector("#site-search-suggestions [role=option]"));
		assertThat(options).isNotEmpty();
		assertThat(options.get(0).getText()).contains("香港青年");

		// Enter with no suggestion chosen submits the search (Escape would clear a search input)
		box.sendKeys(Keys.ENTER);
		wait.until(d -> !d.findElements(By.cssSelector(".search-summary")).isEmpty());
		assertThat(browser.findElement(By.cssSelector(".search-summary")).getText()).contains("香港青年創業");
		List<WebElement> hits = browser.findElements(By.cssSelector(".hit"));
		assertThat(hits).isNotEmpty();
		assertThat(browser.findElements(By.cssSelector(".hit__snippet mark, .hit mark"))).isNotEmpty();
		assertThat(browser.findElement(By.cssSelector(".hits")).getText()).contains("香港青年創業啟動資助");
		// facets filter the results
		assertThat(browser.findElements(By.cssSelector(".search-facets a"))).isNotEmpty();
	}

	/**
	 * The header box as a WAI-ARIA combobox, by keyboard alone: arrows move the active option (announced through
	 * aria-activedescendant and aria-selected), Escape closes the list, Enter on an option opens it; the options
	 * are readable (their text does not take the header's white).
	 */
	@Test
	void theSuggestionsWorkByKeyboardAndCanBeRead() {
		indexer.rebuild();
		browser.get("http://localhost:" + port + "/?lang=zh-Hant");
		WebElement box = browser.findElement(By.id("site-search"));
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		box.sendKeys("營業執照");
		wait.until(d -> "true".equals(box.getDomAttribute("aria-expanded")));
		List<WebElement> options = browser.findElements(By.cssSelector("#site-search-suggestions [role=option]"));
		assertThat(options).hasSizeGreaterThanOrEqualTo(2);
		assertThat(box.getDomAttribute("role")).isEqualTo("combobox");
		assertThat(box.getDomAttribute("aria-controls")).isEqualTo("site-search-suggestions");

		String text = options.get(0).getCssValue("color");
		String background = (String) ((JavascriptExecutor) browser).executeScript(
				"let e = arguments[0]; while (e) { const c = getComputedStyle(e).backgroundColor;"
						+ " if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c; e = e.parentElement; } return 'rgb(255, 255, 255)';",
				options.get(0));
		assertThat(text).as("option text against its background").isNotEqualTo(background);
		assertThat(text).isNotIn("rgba(255, 255, 255, 1)", "rgb(255, 255, 255)");

		box.sendKeys(Keys.ARROW_DOWN);
		assertThat(box.getDomAttribute("aria-activedescendant")).isEqualTo(options.get(0).getDomAttribute("id"));
		assertThat(options.get(0).getDomAttribute("aria-selected")).isEqualTo("true");
		box.sendKeys(Keys.ARROW_DOWN);
		assertThat(box.getDomAttribute("aria-activedescendant")).isEqualTo(options.get(1).getDomAttribute("id"));
		assertThat(options.get(0).getDomAttribute("aria-selected")).isEqualTo("false");
		box.sendKeys(Keys.ARROW_UP);
		assertThat(box.getDomAttribute("aria-activedescendant")).isEqualTo(options.get(0).getDomAttribute("id"));

		box.sendKeys(Keys.ESCAPE);
		assertThat(box.getDomAttribute("aria-expanded")).isEqualTo("false");
		assertThat(browser.findElement(By.id("site-search-suggestions")).isDisplayed()).isFalse();
		assertThat(box.getDomAttribute("aria-activedescendant")).isNull();
		assertThat(box.getDomProperty("value")).as("Escape closes the list, keeps the words").isEqualTo("營業執照");

		// reopen with the down arrow, choose the first with Enter: its page opens
		box.sendKeys(Keys.ARROW_DOWN);
		wait.until(d -> "true".equals(box.getDomAttribute("aria-expanded")));
		box.sendKeys(Keys.ARROW_DOWN);
		WebElement first = browser.findElement(By.cssSelector("#site-search-suggestions [role=option]"));
		String chosen = first.getText();
		String target = first.getDomAttribute("data-url");
		box.sendKeys(Keys.ENTER);
		wait.until(d -> !d.getCurrentUrl().endsWith("/?lang=zh-Hant"));
		if (target != null && !target.isEmpty()) {
			assertThat(browser.getCurrentUrl()).endsWith(target);
		}
		else {
			assertThat(browser.getCurrentUrl()).contains("/search");
		}
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(chosen);
	}

	/** On a phone the results come first: the filters fold behind their heading, which opens them. */
	@Test
	void onAPhoneTheResultsComeBeforeTheFilters() {
		indexer.rebuild();
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		try {
			browser.get("http://localhost:" + port + "/search?q=%E5%85%AC%E5%8F%B8&lang=en");
			WebElement panel = browser.findElement(By.cssSelector(".search-facets__panel"));
			assertThat(panel.getDomProperty("open")).isEqualTo("false");
			WebElement firstHit = browser.findElement(By.cssSelector(".hit"));
			assertThat(firstHit.getRect().getY()).as("the first result on a phone").isLessThan(844);
			assertThat(browser.findElements(By.cssSelector(".search-facets a")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
			panel.findElement(By.tagName("summary")).sendKeys(Keys.ENTER);
			assertThat(browser.findElements(By.cssSelector(".search-facets a")).stream().anyMatch(WebElement::isDisplayed)).isTrue();
		}
		finally {
			browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1024));
		}
		browser.get("http://localhost:" + port + "/search?q=%E5%85%AC%E5%8F%B8&lang=en");
		assertThat(browser.findElement(By.cssSelector(".search-facets__panel")).getDomProperty("open")).as("on a desk").isEqualTo("true");
	}

	@Test
	void policyFinderShowsQualifyingPoliciesWithConditionsMarked() {
		browser.get("http://localhost:" + port + "/policies/finder");
		new Select(browser.findElement(By.id("applicantType"))).selectByValue("HK_ENTERPRISE");
		new Select(browser.findElement(By.id("registrationPlace"))).selectByValue("HETAO_SZ");
		// a date input's typing order depends on the browser's locale: set the ISO value directly
		((JavascriptExecutor) browser).executeScript("arguments[0].value = '2025-03-01'",
				browser.findElement(By.id("registrationDate")));
		browser.findElement(By.id("headcount")).sendKeys("8");
		browser.findElement(By.id("hkBackgroundShare")).sendKeys("80");
		browser.findElement(By.id("founderAge")).sendKeys("29");
		browser.findElement(By.cssSelector("form.finder-form button[type=submit]")).click();
		WebElement results = new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(d -> d.findElement(By.id("finder-results")));
		WebElement grant = results.findElement(By.cssSelector("[data-policy='POL-001']"));
		assertThat(grant.getDomAttribute("data-verdict")).isEqualTo("QUALIFIES");
		assertThat(grant.findElements(By.cssSelector(".condition--met"))).hasSizeGreaterThanOrEqualTo(3);
		assertThat(grant.getText()).contains("✓ 符合", "創辦人年齡 18 至 45 歲");
		assertThat(results.findElements(By.cssSelector(".condition--unknown"))).isNotEmpty();
	}

}
