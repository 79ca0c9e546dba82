package org.hetao.estation.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.hetao.estation.support.Accessibility;
import org.hetao.estation.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A field rendered by {@code fragments/field.html}, as a screen reader meets it after a failed submission: the
 * label names the input, the input names its hint and its error, says it is invalid, and the error summary leads
 * to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FormFieldsBrowserTests {

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

	@Test
	void aRegistrationWithABadPhoneNumberTiesTheErrorToTheField() {
		browser.get("http://localhost:" + port + "/register?lang=en");
		browser.findElement(By.id("name")).sendKeys("Chan Tai Man");
		browser.findElement(By.id("email")).sendKeys("chan.fields@example.com");
		browser.findElement(By.id("phone")).sendKeys("12345");
		browser.findElement(By.id("password")).sendKeys("a sentence long enough to pass");
		WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
		Browser.waitForNewPage(browser, page);

		WebElement phone = browser.findElement(By.id("phone"));
		WebElement label = browser.findElement(By.cssSelector("label[for=phone]"));
		assertThat(label.getText()).isEqualTo("Phone number");
		assertThat(phone.getAttribute("aria-invalid")).isEqualTo("true");
		List<String> describedBy = Arrays.asList(phone.getAttribute("aria-describedby").split(" "));
		assertThat(describedBy).containsExactly("phone-hint", "phone-error");
		WebElement error = browser.findElement(By.id("phone-error"));
		assertThat(error.getAttribute("class")).isEqualTo("field__error");
		assertThat(error.getAttribute("textContent")).startsWith("Error: ").contains("too short");
		assertThat(browser.findElement(By.id("phone-hint")).getText()).contains("+852");
		assertThat(phone.findElement(By.xpath("ancestor::div[1]")).getAttribute("class")).isEqualTo("field field--error");
		assertThat(phone.getAttribute("value")).as("what was typed stays").isEqualTo("12345");

		WebElement summaryLink = browser.findElement(By.cssSelector(".notice--error a[href='#phone']"));
		assertThat(summaryLink.getText()).contains("too short");
		String target = summaryLink.getAttribute("href").replaceAll(".*#", "");
		assertThat(browser.findElement(By.id(target))).as("the summary leads to the input itself").isEqualTo(phone);

		WebElement name = browser.findElement(By.id("name"));
		assertThat(name.getAttribute("aria-invalid")).as("a field without an error is not invalid").isNull();
		assertThat(name.getAttribute("aria-describedby")).as("nor described by anything").isNull();
		Accessibility.assertNoViolations(browser);
	}

	@Test
	void theErrorPrefixIsInTheReadersLanguage() {
		browser.get("http://localhost:" + port + "/register?lang=zh-Hant");
		browser.findElement(By.id("phone")).sendKeys("12345");
		WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
		Browser.waitForNewPage(browser, page);
		assertThat(browser.findElement(By.id("phone-error")).getAttribute("textContent")).startsWith("錯誤：");
		assertThat(browser.findElement(By.cssSelector("#phone-error .visually-hidden")).getSize().getWidth())
			.as("the prefix is for screen readers: the red text and the bar say it to the eye").isLessThanOrEqualTo(1);
	}

	@Test
	void theDesignPageShowsTheFragmentsParts() {
		browser.get("http://localhost:" + port + "/design?lang=en");
		WebElement credit = browser.findElement(By.id("design-credit"));
		assertThat(credit.getAttribute("aria-describedby")).isEqualTo("design-credit-hint design-credit-error");
		assertThat(browser.findElements(By.cssSelector("fieldset#design-delivery input[type=radio]"))).hasSize(3);
		assertThat(browser.findElement(By.cssSelector("label[for=design-type]")).getText()).contains("(optional)");
		assertThat(browser.findElement(By.cssSelector(".design-snippet code")).getText()).contains("fragments/field :: field(");
		Accessibility.assertNoViolations(browser);
	}

}
