package org.hetao.estation.support;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person without a mouse: moves with Tab, acts with Enter and types. Browser tests of keyboard-only
 * journeys use this, so that a control that Tab cannot reach fails the journey.
 */
public final class Keyboard {

	private final WebDriver browser;

	public Keyboard(WebDriver browser) {
		this.browser = browser;
	}

	/** Presses Tab until the focused element is the one wanted (at most 160 times), and returns it. */
	public WebElement tabTo(String what, Predicate<WebElement> wanted) {
		for (int i = 0; i < 160; i++) {
			WebElement focused = browser.switchTo().activeElement();
			if (wanted.test(focused)) {
				return focused;
			}
			focused.sendKeys(Keys.TAB);
		}
		throw new AssertionError("Tab never reached " + what + " on " + browser.getCurrentUrl());
	}

	/** Tab to a link whose address contains {@code hrefPart}. */
	public WebElement tabToLink(String what, String hrefPart) {
		return tabTo(what, e -> "a".equals(e.getTagName()) && e.getDomAttribute("href") != null
				&& e.getDomAttribute("href").contains(hrefPart));
	}

	/** Whether the element is inside an element matching the CSS selector (asked without waiting). */
	public boolean within(WebElement element, String selector) {
		return Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("return arguments[0].closest(arguments[1]) !== null", element, selector));
	}

	public void enter(WebElement element) {
		element.sendKeys(Keys.ENTER);
	}

	/** Presses Enter on the element and waits until the browser is at an address that satisfies {@code at}. */
	public void follow(WebElement element, Predicate<String> at) {
		enter(element);
		waitFor(d -> at.test(d.getCurrentUrl()));
	}

	public void waitFor(Function<WebDriver, Boolean> condition) {
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition::apply);
	}

}
