package org.hetao.estation.portal;

import java.util.List;

import org.hetao.estation.support.Accessibility;
import org.hetao.estation.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public pages a newcomer meets, in a real headless Chromium in each language, checked by axe-core against
 * WCAG 2.1 A and AA (journeys with forms and signed-in pages are checked in their own browser tests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessibilityBrowserTests {

	@LocalServerPort
	int port;

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

	static List<String> pages() {
		List<String> paths = List.of("/", "/catalog", "/search?q=%E5%85%AC%E5%8F%B8%E8%A8%BB%E5%86%8A", "/verify", "/contact",
				"/privacy", "/accessibility", "/terms", "/login", "/register", "/directory", "/map", "/design", "/catalog/matters/HK-STARTUP-SETTLE", "/leisure", "/leisure/ports",
				"/leisure/shuttle", "/no-such-page");
		List<String> all = new java.util.ArrayList<>();
		for (String lang : List.of("zh-Hant", "zh-Hans", "en")) {
			for (String path : paths) {
				all.add(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
			}
		}
		return all;
	}

	/** The checker itself: a page with an unlabelled image and button does not pass. */
	@org.junit.jupiter.api.Test
	void theCheckerFindsWhatIsWrong() {
		browser.get("data:text/html,<html><head><title>t</title></head><body><main><img src='x.png'><button></button></main>"
				+ "<script>console.error('seen')</script></body></html>");
		org.assertj.core.api.Assertions.assertThat(browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll())
			.as("the console is read").anyMatch(e -> e.getMessage().contains("seen"));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Accessibility.assertNoViolations(browser))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("image-alt")
			.hasMessageContaining("button-name");
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	@org.springframework.beans.factory.annotation.Autowired
	org.hetao.estation.identity.Accounts accounts;

	/**
	 * The supervision dashboard, signed in as the demo supervisor (password and second factor), in each language:
	 * tiles, the "needs attention" table and the three charts drawn, no console error, no WCAG 2.1 AA violation.
	 */
	@org.junit.jupiter.api.Test
	void theSupervisionDashboardSignedInMeetsWcag21AA() {
		long applicant = accounts.findByUsername("applicant-hk").orElseThrow().id();
		java.time.Instant now = java.time.Instant.now();
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		tx.executeWithoutResult(s -> {
			for (int i = 0; i < 2; i++) {
				long caseId = java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
				String receipt = "HT20261128-" + java.util.concurrent.ThreadLocalRandom.current().nextInt(100000, 999999);
				events.publishEvent(new org.hetao.estation.casework.CaseSubmitted(caseId, receipt, applicant, null,
						List.of("TAX-001"), org.hetao.estation.casework.CaseChannel.ONLINE, now));
				// one decided on time, one overdue since yesterday
				events.publishEvent(new org.hetao.estation.casework.TaskAccepted(caseId, receipt, applicant, caseId + 1,
						"TAX-001", "tax", i == 0 ? today.plusDays(3) : today.minusDays(1), now));
				if (i == 0) {
					events.publishEvent(new org.hetao.estation.casework.TaskDecided(caseId, receipt, applicant, caseId + 1,
							"TAX-001", "tax", true, null, java.util.Map.of(), true, now));
				}
			}
		});
		WebDriver supervisor = Browser.start();
		try {
			org.hetao.estation.support.StaffSignIn.inBrowser(supervisor, "http://localhost:" + port, "supervisor");
			for (String path : List.of("/supervision?lang=zh-Hant", "/supervision?lang=zh-Hans", "/supervision?lang=en",
					"/supervision/tasks?show=OVERDUE&lang=en")) {
				supervisor.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
				supervisor.get("http://localhost:" + port + path);
				new org.openqa.selenium.support.ui.WebDriverWait(supervisor, java.time.Duration.ofSeconds(10))
					.until(d -> d.findElements(org.openqa.selenium.By.cssSelector(".chart[data-chart]"))
						.stream()
						.allMatch(c -> "true".equals(c.getDomAttribute("data-drawn"))));
				if (path.startsWith("/supervision?")) {
					org.assertj.core.api.Assertions.assertThat(supervisor.findElements(org.openqa.selenium.By.cssSelector("canvas")))
						.as("charts drawn on %s", path).hasSizeGreaterThanOrEqualTo(2);
				}
				var errors = supervisor.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
					.filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
					.map(e -> e.getMessage())
					.toList();
				org.assertj.core.api.Assertions.assertThat(errors).as("console errors on %s", path).isEmpty();
				Accessibility.assertNoViolations(supervisor);
			}
		}
		finally {
			supervisor.quit();
		}
	}

	/**
	 * An address that is no page, as a person meets it in the browser: in the language their browser asks for
	 * (a Hong Kong browser: Traditional Chinese), in the one they chose (kept for the next wrong address), with
	 * what to do next in that language, and a search box that Tab reaches and Enter submits.
	 */
	@org.junit.jupiter.api.Test
	void aMissingPageSpeaksTheReadersLanguageAndOffersAWayOn() {
		browser.manage().deleteAllCookies();
		java.util.Map<String, List<String>> expected = java.util.Map.of(
				"zh-Hant", List.of("找不到頁面", "如你自行輸入網址，請檢查是否正確。", "瀏覽全部服務", "搜尋要辦的事項"),
				"zh-Hans", List.of("找不到页面", "如你自行输入网址，请检查是否正确。", "浏览全部服务", "搜索要办的事项"),
				"en", List.of("Page not found", "If you typed the web address, check it is correct.", "browse all services",
						"Search for what you need to do"));
		// no choice made: the browser's own language (zh-HK) decides
		browser.get("http://localhost:" + port + "/no-such-page/at-all");
		assertMissingPage("zh-Hant", expected.get("zh-Hant"));
		for (String lang : List.of("en", "zh-Hans")) {
			browser.get("http://localhost:" + port + "/licences/no-such-licence?lang=" + lang);
			assertMissingPage(lang, expected.get(lang));
			// the choice is remembered: the next wrong address answers in it too
			browser.get("http://localhost:" + port + "/another-missing-page");
			assertMissingPage(lang, expected.get(lang));
		}
		// and the way on works by keyboard: Tab to the search box, type, Enter
		org.hetao.estation.support.Keyboard keyboard = new org.hetao.estation.support.Keyboard(browser);
		keyboard.tabTo("the search box of the missing page", e -> "not-found-q".equals(e.getDomAttribute("id")))
			.sendKeys("公司注册", org.openqa.selenium.Keys.ENTER);
		keyboard.waitFor(d -> d.getCurrentUrl().contains("/search?q="));
		org.assertj.core.api.Assertions.assertThat(browser.findElement(org.openqa.selenium.By.tagName("h1")).getText())
			.isEqualTo("搜索服务、一件事、政策及机构");
		browser.manage().deleteAllCookies();
	}

	void assertMissingPage(String lang, List<String> texts) {
		org.assertj.core.api.Assertions.assertThat(browser.findElement(org.openqa.selenium.By.tagName("html")).getDomAttribute("lang"))
			.as(browser.getCurrentUrl()).isEqualTo(lang);
		org.assertj.core.api.Assertions.assertThat(browser.findElement(org.openqa.selenium.By.tagName("h1")).getText())
			.isEqualTo(texts.get(0));
		org.assertj.core.api.Assertions.assertThat(browser.getTitle()).startsWith(texts.get(0));
		org.assertj.core.api.Assertions.assertThat(browser.findElement(org.openqa.selenium.By.tagName("main")).getText())
			.contains(texts.subList(1, texts.size()))
			.doesNotContain("404 Not Found", "Whitelabel", "Exception");
		Accessibility.assertNoViolations(browser);
	}

	@ParameterizedTest
	@MethodSource("pages")
	void meetsWcag21AAWithoutConsoleErrors(String path) {
		browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
		browser.get("http://localhost:" + port + path);
		var errors = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
			.filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
			// the page that is not there answers 404, as it must
			.filter(e -> !(path.startsWith("/no-such-page") && e.getMessage().contains("404")))
			.map(e -> e.getMessage())
			.toList();
		org.assertj.core.api.Assertions.assertThat(errors).as("console errors on %s", path).isEmpty();
		Accessibility.assertNoViolations(browser);
		Accessibility.assertOneMainLandmark(browser);
	}

}
