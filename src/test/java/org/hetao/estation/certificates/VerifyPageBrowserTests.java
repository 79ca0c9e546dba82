package org.hetao.estation.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.Language;
import org.hetao.estation.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.ObjectMapper;

/** In a real headless Chromium, without signing in: type a number, see it valid; once revoked, see the date. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class VerifyPageBrowserTests {

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

	@Autowired
	Certificates certificates;

	@Autowired
	java.time.Clock clock;

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

	String verify(String number) {
		browser.get("http://localhost:" + port + "/verify");
		WebElement input = browser.findElement(By.id("number"));
		input.clear();
		input.sendKeys(number);
		WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(By.id("check-number")).click();
		Browser.waitForNewPage(browser, page);
		return browser.findElement(By.id("verification-status")).getAttribute("data-status");
	}

	@Test
	void typeANumberSeeItValidThenRevokedWithItsDate() throws Exception {
		CaseFixtures cases = new CaseFixtures(mvc, accounts, documents, jdbc, json);
		EstationUser holder = cases.applicant(Language.ZH_HANT);
		String number = cases.approve(cases.taskId(holder, cases.submit(holder)));

		assertThat(verify(number.toLowerCase())).isEqualTo("VALID");
		assertThat(browser.findElement(By.id("verification-status")).getText()).contains("有效");
		assertThat(browser.findElement(By.id("verified-number")).getText()).isEqualTo(number);

		assertThat(verify("HTC-2026-ABCDEFGHJK0")).isEqualTo("UNKNOWN");
		assertThat(browser.findElement(By.id("verification-status")).getText()).contains("查無此證照");

		certificates.revoke(cases.account(CaseFixtures.OFFICER), number, "持證人申請註銷");
		assertThat(verify(number)).isEqualTo("REVOKED");
		String today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).toString();
		assertThat(browser.findElement(By.id("revoked-at")).getText()).startsWith(today);
		assertThat(browser.findElement(By.id("revoke-reason")).getText()).isEqualTo("持證人申請註銷");
	}

}
