package org.hetao.estation.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.hetao.estation.search.SearchIndexer;
import org.hetao.estation.support.Browser;
import org.hetao.estation.support.Keyboard;
import org.hetao.estation.support.StaffSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From the home page to a receipt with the keyboard alone, reading English only: the person types a question
 * into the header search, Tabs to the item, applies, signs in, answers, checks and submits — every step reached
 * with Tab and Enter (and typing), and no page on the way shows them Chinese they were not asked to read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeyboardJourneyBrowserTests {

	static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	@LocalServerPort
	int port;

	@Autowired
	SearchIndexer indexer;

	WebDriver browser;

	Keyboard keyboard;

	final List<String> pages = new ArrayList<>();

	@BeforeEach
	void start() {
		browser = Browser.start();
		keyboard = new Keyboard(browser);
	}

	@AfterEach
	void stop() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void fromHomeToReceiptByKeyboardInEnglish() {
		indexer.rebuild();
		browser.get("http://localhost:" + port + "/?lang=en");
		englishOnly();

		// the header search, reached by Tab, takes a question
		WebElement box = tabTo("the search box", e -> "site-search".equals(e.getDomAttribute("id")));
		box.sendKeys("how do i pay a traffic fine");
		box.sendKeys(Keys.ENTER);
		waitFor(d -> d.getCurrentUrl().contains("/search"));
		englishOnly();

		enter(tabTo("the item in the results", e -> "a".equals(e.getTagName())
				&& e.getDomAttribute("href") != null && e.getDomAttribute("href").contains("/catalog/items/TRF-022")));
		waitFor(d -> d.getCurrentUrl().contains("/catalog/items/TRF-022"));
		englishOnly();

		enter(tabTo("apply online", e -> e.getDomAttribute("href") != null
				&& e.getDomAttribute("href").contains("/applications/new")));
		waitFor(d -> d.getCurrentUrl().contains("/login"));
		englishOnly();
		tabTo("the user name", e -> "username".equals(e.getDomAttribute("id"))).sendKeys("applicant-hk");
		tabTo("the password", e -> "password".equals(e.getDomAttribute("id"))).sendKeys(StaffSignIn.DEMO_PASSWORD,
				Keys.ENTER);
		waitFor(d -> !d.getCurrentUrl().contains("/login"));
		if (!browser.getCurrentUrl().contains("/applications/new")) {
			// the sign-in did not bring the person back: that is a dead end for a keyboard user too
			throw new AssertionError("after signing in the applicant is at " + browser.getCurrentUrl());
		}
		englishOnly();

		enter(tabTo("start", e -> "button".equals(e.getTagName()) && e.getText().toLowerCase().contains("start")));
		waitFor(d -> d.getCurrentUrl().matches(".*/applications/drafts/\\d+$"));
		englishOnly();

		enter(tabTo("the item's questions", e -> "a".equals(e.getTagName()) && e.getDomAttribute("href") != null
				&& e.getDomAttribute("href").contains("/items/TRF-022")));
		waitFor(d -> d.getCurrentUrl().contains("/items/TRF-022"));
		englishOnly();
		for (String[] answer : new String[][] { { "fullName", "Chan Tai Man" }, { "vehiclePlate", "AB1234" },
				{ "violationNumber", "4403001234567890" }, { "contactPhone", "+852 9123 4567" } }) {
			WebElement field = tabTo(answer[0], e -> e.getDomAttribute("name") != null
					&& e.getDomAttribute("name").endsWith("." + answer[0]));
			if (field.getDomProperty("value").isBlank()) {
				field.sendKeys(answer[1]);
			}
		}
		enter(tabTo("save and continue", e -> "button".equals(e.getTagName()) && e.getDomAttribute("name") == null));
		waitFor(d -> d.getCurrentUrl().matches(".*/applications/drafts/\\d+$"));
		englishOnly();

		enter(tabTo("check answers", e -> e.getDomAttribute("href") != null && e.getDomAttribute("href").endsWith("/check")));
		waitFor(d -> d.getCurrentUrl().endsWith("/check"));
		englishOnly();
		enter(tabTo("submit", e -> "button".equals(e.getTagName())
				&& e.findElement(By.xpath("./ancestor::form")).getDomAttribute("class").contains("submit-once")));
		waitFor(d -> !d.findElements(By.id("receipt-number")).isEmpty());
		englishOnly();
		assertThat(browser.findElement(By.id("receipt-number")).getText()).matches("HT\\d{8}-\\d{6}");
		assertThat(pages).hasSizeGreaterThanOrEqualTo(9);
	}

	WebElement tabTo(String what, Predicate<WebElement> wanted) {
		return keyboard.tabTo(what, wanted);
	}

	void enter(WebElement element) {
		keyboard.enter(element);
	}

	void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
		keyboard.waitFor(condition);
	}

	/** The page is in English, its main content has no Chinese (but the person's own name), and axe passes it. */
	void englishOnly() {
		pages.add(browser.getCurrentUrl());
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).as(browser.getCurrentUrl())
			.isEqualTo("en");
		// the applicant's own name, as their account spells it, is theirs to read
		String main = browser.findElement(By.tagName("main")).getText().replace("陳大文", "");
		assertThat(HAN.matcher(main).find()).as("Chinese on %s: %s", browser.getCurrentUrl(), main).isFalse();
		// and each page of the journey, signed out and signed in, passes the accessibility checker
		org.hetao.estation.support.Accessibility.assertNoViolations(browser);
	}

}
