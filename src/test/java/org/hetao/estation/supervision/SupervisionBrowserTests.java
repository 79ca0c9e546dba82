package org.hetao.estation.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.hetao.estation.casework.CaseChannel;
import org.hetao.estation.casework.CaseSubmitted;
import org.hetao.estation.casework.TaskAccepted;
import org.hetao.estation.casework.TaskDecided;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** In a real headless Chromium: the supervisor signs in and sees the figures, the tables and the chart. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupervisionBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Accounts accounts;

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

	void signIn(String username) {
		// staff type their TOTP code after the password (StaffSignIn knows the demo secret)
		org.hetao.estation.support.StaffSignIn.inBrowser(browser, "http://localhost:" + port, username);
		// Wait for the sign-in to finish before going on: the next address typed must not race it.
		new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15))
			.until(d -> !d.getCurrentUrl().contains("/login") && !d.getCurrentUrl().contains("/account/mfa")
					&& !d.findElements(By.cssSelector(".account__name")).isEmpty());
	}

	@Test
	void theSupervisorSeesTheFiguresAndTheChart() {
		long applicant = accounts.findByUsername("applicant-hk").orElseThrow().id();
		long caseId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
		long task = caseId + 1;
		String receipt = "HT20261127-" + ThreadLocalRandom.current().nextInt(100000, 999999);
		Instant now = Instant.now();
		tx.executeWithoutResult(s -> {
			events.publishEvent(new CaseSubmitted(caseId, receipt, applicant, null, List.of("TAX-001"), CaseChannel.ONLINE, now));
			events.publishEvent(new TaskAccepted(caseId, receipt, applicant, task, "TAX-001", "tax", LocalDate.now().plusDays(3), now));
			events.publishEvent(new TaskDecided(caseId, receipt, applicant, task, "TAX-001", "tax", true, null, Map.of(), true, now));
		});

		signIn("supervisor");
		browser.get("http://localhost:" + port + "/supervision");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("督查儀表板");
		assertThat(browser.findElements(By.cssSelector(".tiles-figures [data-tile]"))).hasSize(6);
		assertThat(browser.findElement(By.cssSelector("[data-figure=onTime]")).getText()).endsWith("%");
		assertThat(browser.findElements(By.cssSelector("#table-DEPARTMENT tbody tr[data-key=tax]"))).hasSize(1);

		// The charts are drawn by static/js/supervision.js with ECharts on canvases, each from the visually hidden table
		// beside it (its text alternative); nothing breaks the Content-Security-Policy.
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(".chart[data-chart]"))
			.stream()
			.allMatch(c -> "true".equals(c.getDomAttribute("data-drawn"))));
		assertThat(browser.findElements(By.cssSelector("#chart-workload canvas"))).isNotEmpty();
		assertThat(browser.findElement(By.id("chart-workload")).getDomAttribute("aria-hidden")).isEqualTo("true");
		assertThat(browser.findElement(By.cssSelector("#chart-workload-data caption")).getDomProperty("textContent"))
			.contains("收件");
		assertThat(browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll())
			.as("console errors").noneMatch(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue());
		org.hetao.estation.support.Accessibility.assertNoViolations(browser);

		// On a phone the tiles wrap two a row and the charts stack, no wider than the screen.
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		browser.navigate().refresh();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(d -> "true".equals(d.findElement(By.id("chart-workload")).getDomAttribute("data-drawn")));
		Number scroll = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(scroll.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
		var tiles = browser.findElements(By.cssSelector(".tiles-figures > li"));
		assertThat(tiles.get(0).getRect().getY()).isEqualTo(tiles.get(1).getRect().getY());
		assertThat(tiles.get(2).getRect().getY()).isGreaterThan(tiles.get(0).getRect().getY());
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

		// The navigation offers the dashboard to the supervisor.
		browser.findElement(By.cssSelector(".site-menu__button")).click();
		assertThat(browser.findElement(By.cssSelector(".site-menu__all")).getText()).contains("督查");
	}

	@Test
	void theApplicantSeesTheInboxBadgeOnEveryPage() {
		signIn("applicant-hk");
		browser.get("http://localhost:" + port + "/");
		// the badge is swapped in by htmx: an element found just before the swap goes stale, so look again
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> d.findElement(By.cssSelector(".inbox-badge")).getText().startsWith("收件匣"));
		browser.findElement(By.cssSelector(".inbox-badge")).click();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("收件匣");
	}

}
