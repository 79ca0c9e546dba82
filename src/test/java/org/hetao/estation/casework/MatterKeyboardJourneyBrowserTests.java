package org.hetao.estation.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hetao.estation.support.Accessibility;
import org.hetao.estation.support.Browser;
import org.hetao.estation.support.ChineseScript;
import org.hetao.estation.support.Keyboard;
import org.hetao.estation.support.StaffSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * From the home page to a receipt for the whole matter "an HK start-up settles in the park" — several departments, one form, every material
 * uploaded once — applied for with the keyboard alone by a person who reads Simplified Chinese: Tab to each
 * section, type the answers, choose with the arrow keys, pick each file from its upload control, check and
 * submit. Every page on the way is in Simplified Chinese (no Traditional-only text but what the person typed)
 * and passes the accessibility checker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "estation.catalog.location=classpath:catalog/",
				"spring.datasource.url=jdbc:h2:mem:estation-matter-keyboard;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class MatterKeyboardJourneyBrowserTests {

	static final String MATTER = "HK-STARTUP-SETTLE";

	/** Answers by question key, in Simplified Chinese; any other required text question gets a plain answer. */
	static final Map<String, String> ANSWERS = Map.ofEntries(Map.entry("companyName", "港深创科（深圳）有限公司"),
			Map.entry("legalRepName", "陈大文"), Map.entry("legalRepIdNumber", "A123456(3)"),
			Map.entry("contactPhone", "+852 9123 4567"), Map.entry("registeredAddress", "深圳市福田区河套深港科技创新合作区"),
			Map.entry("registeredCapital", "1000000"), Map.entry("investmentAmount", "1000000"),
			Map.entry("financeOfficerPhone", "+852 9876 5432"), Map.entry("documentCount", "2"));

	static final String PLAIN_ANSWER = "河套测试资料";

	@LocalServerPort
	int port;

	@TempDir
	Path files;

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
	void anHkStartUpAppliesForTheWholeMatterByKeyboardInSimplifiedChinese() throws Exception {
		// from the home page: the matter is among the first things it offers
		browser.get("http://localhost:" + port + "/?lang=zh-Hans");
		simplifiedOnly();
		keyboard.follow(keyboard.tabToLink("the matter on the home page", "/catalog/matters/" + MATTER),
				url -> url.contains("/catalog/matters/" + MATTER));
		simplifiedOnly();
		keyboard.follow(keyboard.tabToLink("apply for the whole matter", "/applications/new?matter=" + MATTER),
				url -> url.contains("/login"));
		simplifiedOnly();
		keyboard.tabTo("the user name", e -> "username".equals(e.getDomAttribute("id"))).sendKeys("enterprise-hk");
		keyboard.tabTo("the password", e -> "password".equals(e.getDomAttribute("id")))
			.sendKeys(StaffSignIn.DEMO_PASSWORD, Keys.ENTER);
		keyboard.waitFor(d -> d.getCurrentUrl().contains("/applications/new"));
		simplifiedOnly();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("香港初创企业落户园区");

		keyboard.follow(keyboard.tabTo("start", e -> "button".equals(e.getTagName()) && keyboard.within(e, "main form")),
				url -> url.matches(".*/applications/drafts/\\d+$"));
		String taskList = browser.getCurrentUrl();
		simplifiedOnly();
		List<String> sections = browser.findElements(By.cssSelector(".task-list__link"))
			.stream()
			.map(a -> a.getDomAttribute("href"))
			.filter(href -> href.contains("/shared") || href.contains("/items/"))
			.toList();
		assertThat(sections).hasSizeGreaterThanOrEqualTo(5);

		for (String section : sections) {
			keyboard.follow(keyboard.tabToLink("the section " + section, section), url -> url.endsWith(section));
			// every section is the same page with other questions: the checker reads the first
			simplifiedOnly(section.equals(sections.get(0)));
			WebElement page = browser.findElement(By.tagName("html"));
			answerByKeyboard();
			Browser.waitForNewPage(browser, page);
			assertThat(browser.getCurrentUrl()).as(() -> browser.findElement(By.tagName("main")).getText())
				.isEqualTo(taskList);
		}

		keyboard.follow(keyboard.tabToLink("the materials", "/materials"), url -> url.endsWith("/materials"));
		simplifiedOnly();
		int uploaded = 0;
		WebElement focused = browser.switchTo().activeElement();
		for (int i = 0; i < 300 && !isTheSaveButton(focused); i++) {
			if ("file".equals(focused.getDomAttribute("type"))) {
				// the upload control is reached by Tab like any other; choosing the file is typing its path
				focused.sendKeys(pdf(focused.getDomAttribute("name").substring(5)).toString());
				uploaded++;
			}
			// Tab from the page, not into the element: WebDriver reads keys sent to a file input as a path
			new org.openqa.selenium.interactions.Actions(browser).sendKeys(Keys.TAB).perform();
			focused = browser.switchTo().activeElement();
		}
		assertThat(uploaded).as("every material asked once, each reached by Tab").isGreaterThan(10);
		keyboard.follow(focused, url -> url.equals(taskList));
		simplifiedOnly();
		assertThat(browser.findElements(By.cssSelector(".task-list__status--NOT_STARTED, .task-list__status--IN_PROGRESS")))
			.as(browser.findElement(By.tagName("main")).getText())
			.isEmpty();

		keyboard.follow(keyboard.tabToLink("check your answers", "/check"), url -> url.endsWith("/check"));
		simplifiedOnly();
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("陈大文", "深圳市福田区河套深港科技创新合作区",
				"HK_BR_CERTIFICATE.pdf");
		keyboard.enter(keyboard.tabTo("submit", e -> "button".equals(e.getTagName())
				&& keyboard.within(e, "form.submit-once")));
		keyboard.waitFor(d -> !d.findElements(By.id("receipt-number")).isEmpty());
		simplifiedOnly();
		assertThat(browser.findElement(By.id("receipt-number")).getText()).matches("HT\\d{8}-\\d{6}");
		assertThat(browser.findElement(By.id("task-GOV-002")).getText()).contains("等待前置事项");
		assertThat(pages).hasSizeGreaterThanOrEqualTo(sections.size() + 7);
	}

	/**
	 * Tabs through the section's form to its save button, answering each required question on the way as a
	 * keyboard user does (typing, the arrow keys for a list or a choice), then presses Enter on the button.
	 */
	void answerByKeyboard() {
		WebElement focused = keyboard.tabTo("the section's first question",
				e -> e.getDomAttribute("name") != null && e.getDomAttribute("name").contains("."));
		for (int i = 0; i < 200 && !isTheSaveButton(focused); i++) {
			String tag = focused.getTagName();
			String type = focused.getDomAttribute("type");
			// a question that may be left blank says so in its label ("(optional)")
			boolean required = !keyboardLabelSaysOptional(focused);
			if (("input".equals(tag) && ("text".equals(type) || "tel".equals(type) || type == null) || "textarea".equals(tag))
					&& required && focused.getDomProperty("value").isBlank()) {
				String name = focused.getDomAttribute("name");
				focused.sendKeys(ANSWERS.getOrDefault(name.substring(name.lastIndexOf('.') + 1), PLAIN_ANSWER));
			}
			else if ("select".equals(tag) && focused.getDomProperty("value").isBlank()) {
				focused.sendKeys(Keys.ARROW_DOWN);
			}
			else if ("radio".equals(type) && !"true".equals(focused.getDomProperty("checked"))) {
				focused.sendKeys(Keys.SPACE);
			}
			focused.sendKeys(Keys.TAB);
			focused = browser.switchTo().activeElement();
		}
		assertThat(isTheSaveButton(focused)).as("Tab reaches the save button on " + browser.getCurrentUrl()).isTrue();
		keyboard.enter(focused);
	}

	boolean keyboardLabelSaysOptional(WebElement control) {
		return Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
				"const l = document.querySelector('label[for=\"' + arguments[0].id + '\"]');"
						+ " return l !== null && l.querySelector('.hint') !== null",
				control));
	}

	boolean isTheSaveButton(WebElement e) {
		return "button".equals(e.getTagName()) && e.getDomAttribute("name") == null && keyboard.within(e, "main form")
				&& !"button".equals(e.getDomAttribute("type"));
	}

	Path pdf(String name) throws Exception {
		Path file = files.resolve(name + ".pdf");
		Files.write(file, ("%PDF-1.4\n% " + name + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
		return file;
	}

	/**
	 * The page is in Simplified Chinese: its language says so, and its text reads the same written in
	 * Simplified characters (leaving aside the account's own name as the person registered it); axe passes it.
	 */
	void simplifiedOnly() {
		simplifiedOnly(true);
	}

	void simplifiedOnly(boolean checkAccessibility) {
		pages.add(browser.getCurrentUrl());
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).as(browser.getCurrentUrl())
			.isEqualTo("zh-Hans");
		List<String> traditional = ChineseScript.traditionalLines(browser);
		assertThat(traditional).as("Traditional Chinese on %s", browser.getCurrentUrl()).isEmpty();
		if (checkAccessibility) {
			Accessibility.assertNoViolations(browser);
		}
	}

}
