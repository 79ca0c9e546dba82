package org.hetao.estation.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.hetao.estation.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In a real headless Chromium: the month views and the htmx deadline calculator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarPageBrowserTests {

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
	void showsTheSpringFestivalAndCalculatesADeadlineInPlace() throws Exception {
		browser.get("http://localhost:" + port + "/calendars?month=2026-02");
		WebElement mainland = browser.findElement(By.cssSelector("section[aria-labelledby='month-CN']"));
		WebElement makeUp = mainland.findElement(By.cssSelector("td.day--make_up_working_day"));
		assertThat(makeUp.getText()).contains("14", "班", "春節");
		assertThat(mainland.findElements(By.cssSelector("td.day--holiday"))).as("15 to 23 February").hasSize(9);
		WebElement hongKong = browser.findElement(By.cssSelector("section[aria-labelledby='month-HK']"));
		assertThat(hongKong.findElements(By.cssSelector("td.day--make_up_working_day"))).isEmpty();
		assertThat(hongKong.getText()).contains("農曆年初一");
		screenshot("calendars-2026-02");

		String before = browser.getCurrentUrl();
		new Select(browser.findElement(By.id("calc-jurisdiction"))).selectByValue("CN");
		WebElement start = browser.findElement(By.id("calc-start"));
		((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-09-30'", start);
		WebElement days = browser.findElement(By.id("calc-workingDays"));
		days.clear();
		days.sendKeys("3");
		browser.findElement(By.cssSelector("#deadline-calculator button[type=submit]")).click();
		WebElement result = new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(d -> d.findElements(By.id("deadline-result")).stream().findFirst().orElse(null));
		assertThat(result.getText()).contains("2026-10-10", "補班日");
		assertThat(browser.getCurrentUrl()).as("answered in place by htmx").isEqualTo(before);
		screenshot("calendars-calculator");
	}

	private void screenshot(String name) throws Exception {
		Path file = Path.of("target/screenshots/" + name + ".png");
		Files.createDirectories(file.getParent());
		Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}

}
