package org.hetao.estation.portal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;

import javax.imageio.ImageIO;

import org.hetao.estation.search.SearchIndexer;
import org.hetao.estation.support.Browser;
import org.hetao.estation.support.ChineseScript;
import org.hetao.estation.support.StaffSignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key pages as people see them, on a desk (1366 wide) and a phone (390 × 844), photographed by the browser:
 * every page loads with its heading, without a console error, and its picture is written to
 * {@code target/screenshots/key} — or, with {@code -Destation.screenshots.dir=docs/screenshots}, to the folder the
 * README shows (how to refresh them is in the README).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeyPageScreenshotsBrowserTests {

	record Shot(String name, String path, String user) {
	}

	/** A question as a Hong Kong person types it (Cantonese, Traditional characters). */
	static final String SEARCH_QUESTION = "香港公司點樣喺河套設立？";

	static final List<Shot> PAGES = List.of(new Shot("home", "/", null), new Shot("catalogue", "/catalog", null),
			new Shot("item-guide", "/catalog/items/GOV-004", null),
			new Shot("matter", "/catalog/matters/HK-STARTUP-SETTLE", null),
			new Shot("search-question", "/search?q=" + java.net.URLEncoder.encode(SEARCH_QUESTION, java.nio.charset.StandardCharsets.UTF_8), null),
			new Shot("policy-finder", "/policies/finder", null), new Shot("verify", "/verify", null),
			new Shot("map", "/map", null), new Shot("kiosk", "/hall/kiosk", null), new Shot("board", "/hall/board", null),
			new Shot("leisure", "/leisure", null), new Shot("contact", "/contact", null),
			new Shot("not-found", "/no-such-page", null),
			new Shot("apply", "/applications/new?matter=HK-STARTUP-SETTLE", "enterprise-hk"),
			new Shot("work-queue", "/work-queue", "officer-market-regulation"),
			new Shot("supervision", "/supervision", "supervisor"));

	@LocalServerPort
	int port;

	@Autowired
	SearchIndexer indexer;

	static WebDriver browser;

	@BeforeAll
	static void start() {
		browser = Browser.start();
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void everyKeyPageOnADeskAndAPhone() throws Exception {
		indexer.rebuild();
		Path folder = Path.of(System.getProperty("estation.screenshots.dir", "target/screenshots/key"));
		Files.createDirectories(folder);
		List<String> problems = new ArrayList<>();
		String signedIn = null;
		for (Shot shot : PAGES) {
			if (shot.user() != null && !shot.user().equals(signedIn)) {
				browser.manage().deleteAllCookies();
				StaffSignIn.inBrowser(browser, base(), shot.user());
				signedIn = shot.user();
			}
			for (String lang : List.of("zh-Hant", "zh-Hans", "en")) {
				for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
					boolean phone = size.getWidth() < 500;
					// every page on a desk in each language; on a phone, the public pages in Traditional Chinese and
					// English and the signed-in ones in Traditional Chinese
					if (phone && (lang.equals("zh-Hans") || !lang.equals("zh-Hant") && shot.user() != null)) {
						continue;
					}
					browser.manage().window().setSize(size);
					browser.manage().logs().get(LogType.BROWSER);
					browser.get(base() + shot.path() + (shot.path().contains("?") ? "&" : "?") + "lang=" + lang);
					if (browser.findElements(By.cssSelector("main h1, h1")).isEmpty()) {
						problems.add(shot.name() + " " + lang + ": no heading");
					}
					browser.manage()
						.logs()
						.get(LogType.BROWSER)
						.getAll()
						.stream()
						.filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
						.filter(e -> !(shot.name().equals("not-found") && e.getMessage().contains("404")))
						.forEach(e -> problems.add(shot.name() + " " + lang + ": " + e.getMessage()));
					// the interface in Simplified Chinese: checked on the pages whose words are the platform's; left out are
					// the hall's board (Traditional Chinese and English side by side, whatever the reader chose) and pages
					// that show what people wrote in their own script — the park's notices (home, leisure) and the cases
					// of a signed-in officer or supervisor (in a full run, other tests' applicants are on them)
					if (lang.equals("zh-Hans") && !phone && shot.user() == null
							&& !Set.of("board", "home", "leisure").contains(shot.name())) {
						ChineseScript.traditionalLines(browser, SEARCH_QUESTION)
							.forEach(line -> problems.add(shot.name() + " zh-Hans: Traditional text \"" + line + "\""));
					}
					byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
					BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
					assertThat(image.getWidth()).as(shot.name()).isGreaterThanOrEqualTo(phone ? 300 : 1000);
					Files.write(folder.resolve(shot.name() + "-" + lang + "-" + (phone ? "phone" : "desk") + ".png"), png);
				}
			}
			((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
		}
		assertThat(problems).isEmpty();
	}

	String base() {
		return "http://localhost:" + port;
	}

}
