package org.hetao.estation.support;

import java.util.ArrayList;
import java.util.List;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Whether what a page shows a reader of Simplified Chinese is written in Simplified characters. */
public final class ChineseScript {

	private ChineseScript() {
	}

	/**
	 * The lines of the page's text that would read differently in Simplified characters — leaving aside the
	 * signed-in account's own name (as its owner registered it) and the language chooser's 繁體中文, which names
	 * that language in itself — and the person's own words ({@code ownWords}: what they typed, as they typed it).
	 */
	public static List<String> traditionalLines(WebDriver browser, String... ownWords) {
		String text = browser.findElement(By.tagName("body")).getText();
		String own = browser.findElements(By.cssSelector(".account__name"))
			.stream()
			.map(WebElement::getText)
			.findFirst()
			.orElse("");
		if (!own.isBlank()) {
			text = text.replace(own, "");
		}
		text = text.replace("繁體中文", "");
		for (String words : ownWords) {
			text = text.replace(words, "");
		}
		List<String> traditional = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (!ZhConverterUtil.toSimple(line).equals(line)) {
				traditional.add(line);
			}
		}
		return traditional;
	}

}
