package org.hetao.estation.park;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.hetao.estation.park.internal.Notice;
import org.hetao.estation.park.internal.NoticeCategory;
import org.hetao.estation.park.internal.Notices;
import org.hetao.estation.shared.LocalizedText;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Leisure information: notices appear on their publishing day and disappear by themselves after expiry. */
@SpringBootTest
@AutoConfigureMockMvc
class NoticesIntegrationTests {

	static final String PASSWORD = "test-Password-2026";

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNoticeShowsFromPublishingUpToExpiryOnAFixedClock() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		Notices writer = notices(LocalDate.of(2030, 3, 1));
		Notice shuttle = writer.publish(NoticeCategory.CROSS_BORDER_TRANSPORT, text("接駁巴士 " + tag),
				text("每15分鐘一班"), LocalDate.of(2030, 3, 2), LocalDate.of(2030, 3, 10), "test");

		assertThat(notices(LocalDate.of(2030, 3, 1)).current()).extracting(Notice::id).doesNotContain(shuttle.id());
		assertThat(notices(LocalDate.of(2030, 3, 2)).current()).extracting(Notice::id).contains(shuttle.id());
		assertThat(notices(LocalDate.of(2030, 3, 10)).current()).extracting(Notice::id).contains(shuttle.id());
		assertThat(notices(LocalDate.of(2030, 3, 11)).current()).extracting(Notice::id).doesNotContain(shuttle.id());
		// Nothing was deleted: the operator still sees it on record.
		assertThat(notices(LocalDate.of(2030, 3, 11)).all()).extracting(Notice::id).contains(shuttle.id());
	}

	@Test
	void withdrawingEndsANoticeToday() {
		Notices onDay = notices(LocalDate.of(2031, 5, 5));
		Notice n = onDay.publish(NoticeCategory.SAFETY, text("撤回測試"), text("內容"), LocalDate.of(2031, 5, 1),
				LocalDate.of(2031, 6, 1), "test");
		assertThat(onDay.current()).extracting(Notice::id).contains(n.id());
		onDay.withdraw(n.id());
		assertThat(onDay.current()).extracting(Notice::id).doesNotContain(n.id());
	}

	@Test
	void theOperatorPublishesOnThePageAndEveryoneSeesItOnThePageTheFragmentAndTheApi() {
		String title = "港深文化節 " + UUID.randomUUID().toString().substring(0, 8);
		LocalDate today = LocalDate.now(ZONE);
		MvcTestResult published = mvc.post()
			.uri("/park/notices")
			.with(httpBasic("park-operator", PASSWORD))
			.with(csrf())
			.param("category", "CULTURE_SPORT")
			.param("titleZhHant", title)
			.param("titleZhHans", title)
			.param("titleEn", "Culture festival")
			.param("bodyZhHant", "週六下午在e站通廣場舉行")
			.param("bodyZhHans", "周六下午在e站通广场举行")
			.param("bodyEn", "Saturday afternoon on the e-Station square")
			.param("publishOn", today.toString())
			.param("expiresOn", today.plusDays(3).toString())
			.exchange();
		assertThat(published).hasStatus3xxRedirection();

		assertThat(mvc.get().uri("/notices").exchange()).hasStatusOk().bodyText().contains(title, "文化體育");
		MvcTestResult fragment = mvc.get().uri("/notices/latest").header("HX-Request", "true").exchange();
		assertThat(fragment).hasStatusOk().bodyText().contains("休閒資訊", "notices-latest").doesNotContain("<html", "<header");
		assertThat(mvc.get().uri("/api/v1/notices").exchange()).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].title.zh-Hant")
			.asArray()
			.contains(title);
	}

	@Test
	void expiryBeforePublishingIsAFieldErrorAndNothingIsStored() {
		String title = "日期錯誤 " + UUID.randomUUID().toString().substring(0, 8);
		MvcTestResult result = mvc.post()
			.uri("/park/notices")
			.with(httpBasic("park-operator", PASSWORD))
			.with(csrf())
			.header("Accept-Language", "en")
			.param("category", "SAFETY")
			.param("titleZhHant", title).param("titleZhHans", title).param("titleEn", "x")
			.param("bodyZhHant", "x").param("bodyZhHans", "x").param("bodyEn", "x")
			.param("publishOn", "2030-01-10")
			.param("expiresOn", "2030-01-01")
			.exchange();
		assertThat(result).hasStatusOk().bodyText().contains("The expiry date cannot be before the publishing date.");
		assertThat(jdbc.sql("select count(*) from park_notice where title_zh_hant = ?").param(title).query(Integer.class)
			.single()).isZero();
	}

	@Test
	void onlyTheParkOperatorPublishes() {
		assertThat(mvc.get().uri("/park/notices").with(httpBasic("enterprise-hk", PASSWORD)).exchange()).hasStatus(403);
		assertThat(mvc.post().uri("/park/notices").with(httpBasic("clerk", PASSWORD)).with(csrf()).param("category", "SAFETY")
			.exchange()).hasStatus(403);
	}

	@Test
	void occupancyForTheOperatorAddsUpTo150000SquareMetresAndIsHiddenFromOthers() {
		MvcTestResult api = mvc.get().uri("/api/v1/park/occupancy").with(httpBasic("park-operator", PASSWORD)).exchange();
		assertThat(api).hasStatusOk();
		assertThat(api).bodyJson().extractingPath("$.totalM2").asNumber().satisfies(n -> assertThat(n.doubleValue()).isEqualTo(150000.0));
		assertThat(api).bodyJson().extractingPath("$.bases[*].base").asArray().hasSize(4);
		assertThat(api).bodyJson().extractingPath("$.bases[0].byState.VACANT").isNotNull();
		assertThat(mvc.get().uri("/api/v1/park/occupancy").with(httpBasic("enterprise-hk", PASSWORD)).exchange()).hasStatus(403);
		assertThat(mvc.get().uri("/park/occupancy").with(httpBasic("park-operator", PASSWORD)).exchange()).hasStatusOk()
			.bodyText()
			.contains("<svg", "occupancy-chart", "bar--occupied", "150,000", "濕實驗室");
		assertThat(mvc.get().uri("/park/operations").with(httpBasic("park-operator", PASSWORD)).exchange()).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/park/units?base=BAY_AREA_CHIP_VALLEY&use=CLEAN_ROOM").with(httpBasic("park-operator", PASSWORD))
			.exchange()).bodyJson().extractingPath("$[*].use").asArray().isNotEmpty().containsOnly("CLEAN_ROOM");
	}

	private Notices notices(LocalDate day) {
		return new Notices(jdbc, Clock.fixed(day.atTime(9, 0).atZone(ZONE).toInstant(), ZONE));
	}

	private static LocalizedText text(String zh) {
		return LocalizedText.of(zh, zh, zh);
	}

}
