package org.hetao.estation.hall.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.hetao.estation.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * In a real headless Chromium: the hall's board is open; someone takes a ticket at the kiosk; a clerk
 * calls it; the number appears on the board without the board page reloading (server-sent events).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HallBrowserTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	WebDriver browser;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void start() {
		browser = Browser.start();
	}

	@AfterEach
	void stop() throws Exception {
		if (browser != null) {
			browser.quit();
		}
		clerk("POST", "/api/v1/hall/counter/sign-out", "{}");
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** The clerk's API calls, with HTTP Basic (no session, so no CSRF token needed). */
	HttpResponse<String> clerk(String method, String path, String body) throws Exception {
		String basic = Base64.getEncoder().encodeToString("clerk:test-Password-2026".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aTicketTakenAtTheKioskAndCalledByAClerkAppearsOnTheOpenBoard() throws Exception {
		browser.get(url("/hall/board"));
		String board = browser.getWindowHandle();
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("叫號顯示屏").contains("Queue board");
		// a marker that a page reload would wipe out
		((JavascriptExecutor) browser).executeScript("window.hallBoardMarker = 'still-here';");
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> ((JavascriptExecutor) d)
			.executeScript("return document.querySelector('#board-live') && document.querySelector('#board-live')['htmx-internal-data'] !== undefined"));

		browser.switchTo().newWindow(WindowType.TAB);
		browser.get(url("/hall/kiosk"));
		browser.findElement(By.cssSelector("button[name='category'][value='A']")).click();
		String number = browser.findElement(By.id("ticket-number")).getText();
		assertThat(number).matches("A\\d{3,}");

		assertThat(clerk("POST", "/api/v1/hall/counter/sign-in", "{\"window\": \"1\"}").statusCode()).isEqualTo(200);
		JsonNode counter = JSON.readTree(clerk("GET", "/api/v1/hall/counter", null).body());
		if (counter.hasNonNull("current")) {
			clerk("POST", "/api/v1/hall/counter/tickets/" + counter.get("current").get("id").asLong() + "/no-show", "{}");
		}
		String called;
		do {
			HttpResponse<String> next = clerk("POST", "/api/v1/hall/counter/call-next", "{}");
			assertThat(next.statusCode()).isEqualTo(200);
			JsonNode ticket = JSON.readTree(next.body());
			called = ticket.get("number").asString();
			if (!called.equals(number)) {
				clerk("POST", "/api/v1/hall/counter/tickets/" + ticket.get("id").asLong() + "/no-show", "{}");
			}
		}
		while (!called.equals(number));

		browser.switchTo().window(board);
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d
			.findElements(By.cssSelector("#board-live tr[data-ticket='" + number + "']"))
			.isEmpty());
		String row = browser.findElement(By.cssSelector("#board-live tr[data-ticket='" + number + "']")).getText();
		assertThat(row).contains(number).contains("1");
		assertThat(((JavascriptExecutor) browser).executeScript("return window.hallBoardMarker")).as("no reload")
			.isEqualTo("still-here");
	}

}
