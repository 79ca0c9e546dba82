package org.hetao.estation.leisure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The leisure pages over HTTP, signed out, in the three languages: they answer, say when the queue levels were
 * last updated (and that the shipped figures are a sample), and show no code or enum to the reader. The JSON API
 * answers with the reading's time and staleness, and problem details for a bad request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeisurePagesIntegrationTests {

	static final List<String> PAGES = List.of("/leisure", "/leisure/ports", "/leisure/shuttle", "/leisure/parking",
			"/leisure/dining", "/leisure/facilities");

	/** Codes that must never reach a reader: queue levels, service days, payment methods, kinds. */
	static final List<String> RAW = List.of("NORMAL", "VERY_BUSY", "OUTSIDE_SERVICE_HOURS", "MAINTENANCE", "UNKNOWN",
			"WORKING_DAY", "REST_DAY", "WECHAT_PAY", "ALIPAY_HK", "OCTOPUS", "FOOD_COURT", "PRAYER_ROOM", "CURRENCY_EXCHANGE",
			"SHENZHEN_BAY", "LEISURE_INFORMATION", "arrQueue", "??leisure", "leisure.");

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	String page(String path, String lang) throws IOException, InterruptedException {
		HttpResponse<String> response = get(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
		assertThat(response.statusCode()).as(path + " " + lang).isEqualTo(200);
		return response.body();
	}

	@Test
	void everyPageAnswersSignedOutInEachLanguageWithNoRawCodes() throws Exception {
		for (String lang : List.of("zh-Hant", "zh-Hans", "en")) {
			for (String path : PAGES) {
				String body = page(path, lang);
				String visible = body.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]*>", " ");
				assertThat(RAW).as(path + " " + lang).noneMatch(visible::contains);
			}
		}
	}

	@Test
	void thePortsSayWhenTheyWereLastUpdatedAndThatTheFiguresAreASample() throws Exception {
		String hant = page("/leisure/ports", "zh-Hant");
		assertThat(hant).contains("最後更新：", "示例數據", "福田口岸（落馬洲支線）", "06:30–22:30", "24小時", "入境香港",
				"香港入境事務處公布");
		assertThat(hant).containsAnyOf("暢順（一般少於15分鐘）", "繁忙（一般少於30分鐘）", "非常繁忙（一般30分鐘或以上）");
		String hans = page("/leisure/ports", "zh-Hans");
		assertThat(hans).contains("最后更新：", "示例数据", "深圳湾口岸");
		String en = page("/leisure/ports", "en");
		assertThat(en).contains("Last updated:", "Sample figures", "Shenzhen Bay", "Into Hong Kong", "Out of Hong Kong",
				"Outside service hours");
		// open or closed now, in words, the colour only repeating them (the 24-hour port is always open)
		assertThat(en).contains("class=\"status status--ok\">Open</span>")
			.containsPattern("class=\"status status--(ok|error)\">(Open|Closed)</span>");
		assertThat(en).doesNotContainPattern("status--ok\">Closed|status--error\">Open");
		assertThat(page("/leisure/parking", "en")).containsPattern("class=\"status status--(ok|error)\">(Open|Closed)</span>");
		assertThat(page("/leisure", "en")).contains("Last updated:", "Port hours and queues", "Shuttle buses",
				"Car parks", "Dining", "Facilities", "Live port crossing information", "href=\"/leisure/ports\"");
	}

	@Test
	void theShuttlePageShowsTheNextDeparturesAndBothTimetables() throws Exception {
		String en = page("/leisure/shuttle", "en");
		assertThat(en).contains("Next three departures", "Working days", "Rest days and holidays", "Zone ⇄ Futian Port",
				"timetable today", "leisure-next__time");
		String hant = page("/leisure/shuttle", "zh-Hant");
		assertThat(hant).contains("下三班車", "工作日", "休息日及節假日", "示範資料");
	}

	@Test
	void theDiningPageSaysWhereHongKongWalletsAreAccepted() throws Exception {
		String en = page("/leisure/dining", "en");
		assertThat(en).contains("Hong Kong e-wallets, Octopus or HK dollars accepted", "Mainland payment only", "AlipayHK",
				"Octopus");
	}

	@Test
	void theLeisureItemsOfTheCatalogueAndTheThemeLeadToTheLivePages() throws Exception {
		assertThat(page("/catalog/items/CUS-038", "en")).contains("href=\"/leisure/ports\"",
				"Port opening hours and queues now");
		assertThat(page("/catalog/items/GOV-087", "zh-Hant")).contains("href=\"/leisure/shuttle\"");
		assertThat(page("/catalog/items/TRF-031", "zh-Hans")).contains("href=\"/leisure/parking\"");
		assertThat(page("/catalog/items/GOV-001", "en")).doesNotContain("href=\"/leisure/");
		assertThat(page("/", "en")).contains("href=\"/leisure\"");
		assertThat(page("/catalog?theme=LEISURE_INFORMATION", "en")).contains("href=\"/leisure\"");
	}

	@Test
	void theApiGivesTheReadingWithItsTimeAndStaleness() throws Exception {
		HttpResponse<String> response = get("/api/v1/leisure/ports");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("updatedAt").asString()).isNotBlank();
		assertThat(body.get("stale").asBoolean()).isFalse();
		assertThat(body.get("sample").asBoolean()).isTrue();
		assertThat(body.get("ports")).hasSize(7);
		JsonNode futian = body.get("ports").get(0);
		assertThat(futian.get("feedCode").asString()).isEqualTo("LSC");
		assertThat(futian.get("name").get("en").asString()).contains("Futian");
		assertThat(futian.get("arrival").asString()).isIn("NORMAL", "BUSY", "VERY_BUSY", "MAINTENANCE",
				"OUTSIDE_SERVICE_HOURS", "UNKNOWN");
	}

	@Test
	void theApiGivesARoutesNextDeparturesOrAProblem() throws Exception {
		HttpResponse<String> ok = get("/api/v1/leisure/shuttle/next?route=H1&count=2");
		assertThat(ok.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(ok.body());
		assertThat(body.get("route").asString()).isEqualTo("H1");
		assertThat(body.get("today").asString()).isIn("WORKING_DAY", "REST_DAY");
		assertThat(body.get("directions")).hasSize(2);
		assertThat(body.get("directions").get(0).get("next")).hasSize(2);

		HttpResponse<String> unknown = get("/api/v1/leisure/shuttle/next?route=ZZ9");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
				t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(get("/api/v1/leisure/shuttle/next").statusCode()).isEqualTo(400);
		assertThat(get("/api/v1/leisure/shuttle/next?route=H1&count=99").statusCode()).isEqualTo(400);
	}

}
