package org.hetao.estation.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hetao.estation.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole "apply once" journey in a real headless Chromium on the real catalogue: an HK enterprise
 * applies for "an HK start-up settles in the park" with one form and each material uploaded once, gets a
 * receipt; the window asks for a correction, the applicant corrects, the window accepts; officers of the
 * departments decide in turn; the tax registration starts by itself with the credit code filled in; the
 * applicant sees every step and the result. Runs on its own embedded database with the real catalogue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "estation.catalog.location=classpath:catalog/",
				"spring.datasource.url=jdbc:h2:mem:estation-apply-once;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class ApplyOnceBrowserTests {

	static final String PASSWORD = "test-Password-2026";

	static final String MATTER = "HK-STARTUP-SETTLE";

	@LocalServerPort
	int port;

	@TempDir
	Path files;

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

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void signIn(String username) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		submit(browser.findElement(By.cssSelector("main form button[type=submit]")));
		// staff type their TOTP code after the password (StaffSignIn knows the demo secret)
		org.hetao.estation.support.StaffSignIn.completeSecondFactor(browser);
		assertThat(browser.findElement(By.cssSelector(".account__name")).getText()).isNotBlank();
	}

	Path pdf(String name) throws Exception {
		Path file = files.resolve(name + ".pdf");
		Files.write(file, ("%PDF-1.4\n% " + name + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
		return file;
	}

	/** Values for the form fields by key; any other text field gets a plain answer, any select its first choice. */
	static final Map<String, String> ANSWERS = Map.ofEntries(Map.entry("shared.companyName", "港深創科（深圳）有限公司"),
			Map.entry("shared.legalRepName", "陳大文"), Map.entry("shared.legalRepIdNumber", "A123456(3)"),
			Map.entry("shared.contactPhone", "+852 9123 4567"), Map.entry("shared.registeredAddress", "深圳市福田區河套深港科技創新合作區"),
			Map.entry("registeredCapital", "1000000"), Map.entry("investmentAmount", "1000000"),
			Map.entry("financeOfficerPhone", "+852 9876 5432"), Map.entry("documentCount", "2"));

	void answerEveryQuestionOnThePage() {
		for (WebElement input : browser.findElements(By.cssSelector("main form.form input[type=text], main form.form input[type=tel], main form.form textarea"))) {
			String name = input.getDomAttribute("name");
			String key = name.substring(name.lastIndexOf('.') + 1);
			String value = ANSWERS.getOrDefault(name, ANSWERS.get(key));
			boolean optional = !input.findElements(By.xpath("preceding-sibling::label//span[contains(@class,'hint')]")).isEmpty();
			if (value == null && optional) {
				continue;
			}
			input.clear();
			input.sendKeys(value != null ? value : "河套測試資料");
		}
		for (WebElement select : browser.findElements(By.cssSelector("main form.form select"))) {
			new Select(select).selectByIndex(1);
		}
		submit(browser.findElement(By.cssSelector("main form.form button[type=submit]")));
		assertThat(browser.getCurrentUrl()).as(browser.findElement(By.tagName("main")).getText())
			.matches(".*/applications/drafts/\\d+$");
	}

	/** Clicks something that loads a new page, and waits until the new page replaced the old one. */
	void submit(WebElement element) {
		WebElement page = browser.findElement(By.tagName("html"));
		element.click();
		Browser.waitForNewPage(browser, page);
	}

	WebElement task(String itemCode) {
		return browser.findElement(By.id("task-" + itemCode));
	}

	void openAtTheWindow(String receipt) {
		browser.get(url("/window?q=" + receipt));
		submit(browser.findElement(By.linkText(receipt)));
	}

	void clerkAccepts(String receipt, String... itemCodes) {
		signIn("clerk");
		for (String item : itemCodes) {
			openAtTheWindow(receipt);
			submit(task(item).findElement(By.cssSelector("form[action$='/accept'] button")));
			assertThat(task(item).findElements(By.cssSelector(".task-status--ACCEPTED"))).hasSize(1);
		}
	}

	/**
	 * The window takes the fees due in cash, on the case's page (LEG-001 is charged: the pay point holds its
	 * decision until it is paid); the form appears once the fee fell due after the acceptance.
	 */
	void clerkTakesTheFee(String receipt) throws InterruptedException {
		long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
		List<WebElement> forms = List.of();
		while (forms.isEmpty() && System.nanoTime() < until) {
			openAtTheWindow(receipt);
			new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
				.until(d -> !d.findElements(By.id("window-fees")).isEmpty());
			forms = browser.findElements(By.cssSelector("form.window-payment-form"));
			if (forms.isEmpty()) {
				Thread.sleep(300);
			}
		}
		assertThat(forms).as("a fee due at the window").isNotEmpty();
		forms.get(0).findElement(By.cssSelector("input[type=radio][value=CASH]")).click();
		submit(forms.get(0).findElement(By.cssSelector("button[type=submit]")));
		new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.id("window-fees")).isEmpty());
		assertThat(browser.findElements(By.cssSelector("form.window-payment-form"))).as("nothing due any more").isEmpty();
	}

	void officerApproves(String officer, String receipt, String itemCode, Map<String, String> outputs) {
		signIn(officer);
		browser.get(url("/work-queue"));
		submit(browser.findElement(By.cssSelector("tr[data-item='" + itemCode + "'][data-receipt='" + receipt + "'] a")));
		submit(browser.findElement(By.cssSelector("form[action$='/start-review'] button")));
		assertThat(browser.findElements(By.cssSelector(".task-status--UNDER_REVIEW"))).hasSize(1);
		outputs.forEach((key, value) -> browser.findElement(By.id("output-" + key)).sendKeys(value));
		submit(browser.findElement(By.cssSelector("form.approve-form button")));
		assertThat(browser.findElements(By.cssSelector(".task-status--APPROVED"))).as(browser.findElement(By.tagName("main")).getText())
			.hasSize(1);
	}

	@Test
	void anHkStartUpAppliesOnceAndFollowsEveryStepToTheResult() throws Exception {
		// --- the applicant applies once for the whole matter
		signIn("enterprise-hk");
		browser.get(url("/applications/new?matter=" + MATTER));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("香港初創企業落戶園區");
		submit(browser.findElement(By.cssSelector("main form button[type=submit]")));
		String taskList = browser.getCurrentUrl();
		assertThat(taskList).matches(".*/applications/drafts/\\d+$");

		List<String> sections = browser.findElements(By.cssSelector(".task-list__link"))
			.stream()
			.map(a -> a.getDomAttribute("href"))
			.filter(href -> href.contains("/shared") || href.contains("/items/"))
			.toList();
		assertThat(sections).hasSizeGreaterThanOrEqualTo(5);
		for (String section : sections) {
			browser.get(url(section));
			answerEveryQuestionOnThePage();
		}

		browser.get(taskList + "/materials");
		org.hetao.estation.support.Accessibility.assertNoViolations(browser);
		List<WebElement> uploads = browser.findElements(By.cssSelector("input[type=file]"));
		assertThat(uploads).as("each material asked once").hasSizeGreaterThan(10);
		assertThat(uploads.stream().map(u -> u.getDomAttribute("name")).distinct()).hasSameSizeAs(uploads);
		// the licence and the seal are what this matter issues: never asked for, named as issued by their step
		assertThat(browser.findElements(By.cssSelector("#file-BUSINESS_LICENCE, #file-COMPANY_SEAL"))).isEmpty();
		assertThat(browser.findElement(By.cssSelector(".produced")).getText()).contains("營業執照", "企業公章",
				"外商投資企業（港資）設立登記");
		for (WebElement upload : uploads) {
			upload.sendKeys(pdf(upload.getDomAttribute("name").substring(5)).toString());
		}
		submit(browser.findElement(By.cssSelector("main form.form .button-group button:not([name])")));
		assertThat(browser.findElements(By.cssSelector(".task-list__status--NOT_STARTED, .task-list__status--IN_PROGRESS")))
			.as(browser.findElement(By.tagName("main")).getText())
			.isEmpty();
		assertThat(browser.findElements(By.cssSelector(".task-list__status--COMPLETED"))).hasSizeGreaterThanOrEqualTo(8);

		browser.get(taskList + "/check");
		org.hetao.estation.support.Accessibility.assertNoViolations(browser);
		assertThat(browser.findElements(By.cssSelector(".notice--error"))).isEmpty();
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("港深創科（深圳）有限公司", "HK_BR_CERTIFICATE.pdf");
		submit(browser.findElement(By.cssSelector("form.submit-once button")));
		String receipt = browser.findElement(By.id("receipt-number")).getText();
		assertThat(receipt).matches("HT\\d{8}-\\d{6}");
		assertThat(task("GOV-002").getText()).contains("等待前置事項");
		assertThat(task("TAX-001").getText()).contains("等待前置事項");

		// --- the window asks for every missing thing at once
		signIn("clerk");
		openAtTheWindow(receipt);
		org.hetao.estation.support.Accessibility.assertNoViolations(browser);
		WebElement nameTask = task("GOV-001");
		nameTask.findElement(By.cssSelector("form.correction-form input[value='AGENT_AUTHORISATION']")).click();
		nameTask.findElement(By.cssSelector("form.correction-form textarea")).sendKeys("授權書須由全體投資人簽署");
		submit(nameTask.findElement(By.cssSelector("form.correction-form button")));
		assertThat(task("GOV-001").getText()).contains("需要補正");

		// --- the applicant corrects everything in one go
		signIn("enterprise-hk");
		browser.get(url("/applications/" + receipt));
		assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("需要您處理");
		org.hetao.estation.support.Accessibility.assertNoViolations(browser);
		assertThat(browser.findElement(By.cssSelector(".correction-notice")).getText()).contains("授權書須由全體投資人簽署");
		submit(browser.findElement(By.cssSelector(".correction-notice a.button")));
		browser.findElement(By.id("file-AGENT_AUTHORISATION")).sendKeys(pdf("signed-authorisation").toString());
		submit(browser.findElement(By.cssSelector("main form.form > button[type=submit]")));
		assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("辦理中");
		assertThat(task("GOV-001").getText()).contains("已提交");

		// --- the window accepts; the departments decide in turn
		clerkAccepts(receipt, "LEG-001", "GOV-001");
		clerkTakesTheFee(receipt);
		officerApproves("officer-legal-services", receipt, "LEG-001", Map.of("notarialCertificateNumber", "HK-N-2026-0088"));
		officerApproves("officer-market-regulation", receipt, "GOV-001", Map.of("nameApprovalNumber", "NA-2026-1127"));
		clerkAccepts(receipt, "GOV-002");
		String creditCode = FieldRules.withCheckCharacter("91440300MA5G8K2P1");
		officerApproves("officer-market-regulation", receipt, "GOV-002",
				Map.of("creditCode", creditCode, "licenceNumber", "440300-2026-001"));
		clerkAccepts(receipt, "PSB-001");
		officerApproves("officer-public-security", receipt, "PSB-001", Map.of("sealRecordNumber", "SEAL-2026-77"));
		clerkAccepts(receipt, "FIN-001");
		officerApproves("officer-bank", receipt, "FIN-001", Map.of("accountNumber", "44250100012345678"));

		// --- the tax registration started by itself, with the credit code filled in
		clerkAccepts(receipt, "TAX-001");
		signIn("officer-tax");
		browser.get(url("/work-queue"));
		org.hetao.estation.support.Accessibility.assertNoViolations(browser);
		submit(browser.findElement(By.cssSelector("tr[data-item='TAX-001'][data-receipt='" + receipt + "'] a")));
		assertThat(browser.findElement(By.cssSelector("dd[data-field='creditCode']")).getText()).isEqualTo(creditCode);
		assertThat(browser.findElement(By.cssSelector("dd[data-field='bankAccountNumber']")).getText())
			.isEqualTo("44250100012345678");
		assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("NA-2026-1127");
		org.hetao.estation.support.Accessibility.assertNoViolations(browser);
		// (the tax officer reads Simplified Chinese)
		assertThat(browser.findElement(By.cssSelector(".issued-material")).getText()).contains("营业执照", "本案",
				"440300-2026-001");
		browser.get(url("/work-queue"));
		officerApproves("officer-tax", receipt, "TAX-001", Map.of("taxpayerId", creditCode));

		signIn("clerk");
		openAtTheWindow(receipt);
		new Select(task("GOV-002").findElement(By.cssSelector("form[action$='/deliver'] select"))).selectByValue("ELECTRONIC");
		submit(task("GOV-002").findElement(By.cssSelector("form[action$='/deliver'] button")));
		assertThat(task("GOV-002").getText()).contains("已出件");

		// --- the applicant sees every step and the result
		signIn("enterprise-hk");
		browser.get(url("/applications/" + receipt));
		assertThat(task("GOV-002").findElement(By.cssSelector("dd[data-output='creditCode']")).getText()).isEqualTo(creditCode);
		assertThat(task("TAX-001").getText()).contains("已批准");
		assertThat(task("GOV-003").getText()).contains("已提交");
		String timeline = browser.findElement(By.cssSelector(".timeline")).getText();
		assertThat(timeline).contains("提交申請", "一次性告知補正", "補正後重新提交", "受理", "開始審批", "批准",
				"前置事項已批准，自動開始", "出件", "授權書須由全體投資人簽署");
		browser.get(url("/applications"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(receipt, "香港初創企業落戶園區");
	}

}
