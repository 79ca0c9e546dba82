package org.hetao.estation.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.hetao.estation.certificates.CaseFixtures;
import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.support.Accessibility;
import org.hetao.estation.support.Browser;
import org.hetao.estation.support.StaffSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.ObjectMapper;

/**
 * Paying a fee from the application's page in a real browser: the applicant opens their case, sees the fee due
 * (HK$250 a document, two documents), presses "pay", types the sandbox's test card on the provider's page, comes
 * back, and — once the provider's signed notification has arrived by itself — sees the fee paid. Each page passes
 * the accessibility checker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "estation.payments.sandbox.notify-delay=PT0.5S")
@AutoConfigureMockMvc
class PayFeeBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

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
	void theApplicantPaysTheFeeFromTheApplicationsPage() throws Exception {
		CaseFixtures cases = new CaseFixtures(mvc, accounts, documents, jdbc, json);
		EstationUser applicant = cases.account("applicant-hk");
		String receipt = cases.submit(applicant, 2);
		cases.act("clerk", cases.taskId(applicant, receipt), "accept", null);
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "DUE".equals(jdbc
			.sql("select status from payments_fee_line where receipt_number = :r")
			.param("r", receipt)
			.query(String.class)
			.optional()
			.orElse("")));

		StaffSignIn.inBrowser(browser, "http://localhost:" + port, "applicant-hk");
		browser.get("http://localhost:" + port + "/applications/" + receipt + "?lang=en");
		WebElement pay = new WebDriverWait(browser, Duration.ofSeconds(15))
			.until(d -> d.findElements(By.cssSelector(".fees-summary form button")).stream().findFirst().orElse(null));
		assertThat(browser.findElement(By.cssSelector(".fees-summary")).getText()).contains("HKD 500.00", "Due now");
		Accessibility.assertNoViolations(browser);

		WebElement page = browser.findElement(By.tagName("html"));
		pay.click();
		Browser.waitForNewPage(browser, page);
		assertThat(browser.getCurrentUrl()).contains("/sandbox-pay/");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("HKD 500.00", receipt);
		Accessibility.assertNoViolations(browser);
		browser.findElement(By.id("cardNumber")).sendKeys("4242 4242 4242 4242");
		page = browser.findElement(By.tagName("html"));
		browser.findElement(By.cssSelector("main form button")).click();
		Browser.waitForNewPage(browser, page);
		assertThat(browser.getCurrentUrl()).contains("/applications/" + receipt + "/fees?payment=");
		Accessibility.assertNoViolations(browser);

		// the provider's notification arrives by itself; the page shows the fee paid
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
			d.navigate().refresh();
			return d.findElement(By.tagName("main")).getText().contains("has been received");
		});
		assertThat(browser.findElement(By.cssSelector(".fees-summary")).getText()).contains("Paid").doesNotContain("Due now");
	}

}
