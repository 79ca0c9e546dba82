package org.hetao.estation.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.hetao.estation.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In a real headless Chromium: open the map, filter it, open a profile from a marker's popup. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MapBrowserTests {

	@LocalServerPort
	int port;

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
	void filtersTheMapAndOpensAProfileFromAMarker() {
		browser.get("http://localhost:" + port + "/map");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("港人地圖");
		assertThat(browser.findElements(By.cssSelector("#zone-map [data-feature^='base-']"))).hasSize(4);
		int all = browser.findElements(By.cssSelector("a.zone-map__marker")).size();
		assertThat(all).isGreaterThanOrEqualTo(26);

		new Select(browser.findElement(By.id("filter-kind"))).selectByValue("INCUBATOR");
		browser.findElement(By.id("filter-apply")).click();
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("kind=INCUBATOR"));

		List<WebElement> markers = browser.findElements(By.cssSelector("a.zone-map__marker"));
		assertThat(markers).hasSizeBetween(5, all - 1);
		assertThat(markers).allSatisfy(m -> assertThat(m.getDomAttribute("class")).contains("zone-map__marker--incubator"));
		// The list view shows the same organisations as the map.
		assertThat(browser.findElements(By.cssSelector("#map-list tbody tr"))).hasSize(markers.size());

		browser.findElement(By.cssSelector("a.zone-map__marker[data-code='peacock-valley-sz-hk-incubation-base']")).click();
		WebElement popup = new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("map-popup")));
		assertThat(popup.getText()).contains("孔雀谷深港創科育成基地", "孵化器");
		popup.findElement(By.cssSelector(".zone-map__popup-link")).click();

		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.urlContains("/directory/peacock-valley-sz-hk-incubation-base"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("孔雀谷深港創科育成基地");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("27", "85%");
	}

	@Test
	void theListViewIsReachableByKeyboardAndLinksToProfiles() {
		browser.get("http://localhost:" + port + "/map?field=EDA");
		browser.findElement(By.linkText("跳到列表檢視")).click();
		WebElement link = browser.findElement(By.cssSelector("#map-list a[href='/directory/easy-logic-technology']"));
		assertThat(link.getText()).contains("奇捷科技");
		link.click();
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("奇捷科技");
	}

}
