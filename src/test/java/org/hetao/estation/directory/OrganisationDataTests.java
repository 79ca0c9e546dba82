package org.hetao.estation.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hetao.estation.directory.internal.OrganisationLoader;
import org.hetao.estation.directory.internal.OrganisationLoader.Entry;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/** The seed: every organisation the article names, with its facts and a source note. */
class OrganisationDataTests {

	static List<Entry> seed() throws IOException {
		return OrganisationLoader.read(new ClassPathResource("directory/organisations.json")).organisations();
	}

	@Test
	void everyOrganisationTheArticleNamesIsThere() throws IOException {
		List<String> names = seed().stream().map(e -> e.name().zhHant()).toList();
		assertThat(names).anyMatch(n -> n.contains("舒糖訊息科技"))
			.anyMatch(n -> n.contains("尚維高科"))
			.anyMatch(n -> n.contains("鯤雲信息科技"))
			.anyMatch(n -> n.contains("奇捷科技"))
			.anyMatch(n -> n.equals("香港科技大學"))
			.anyMatch(n -> n.contains("香港中文大學深港創新研究院"))
			.anyMatch(n -> n.contains("香港城市大學深圳福田研究院"))
			.anyMatch(n -> n.contains("藍海灣孵化港"))
			.anyMatch(n -> n.contains("粵港澳青年創新創業工場（福田）"))
			.anyMatch(n -> n.contains("香港青年創新創業社區"))
			.anyMatch(n -> n.contains("UNI香港青年創業空間"))
			.anyMatch(n -> n.contains("孔雀谷深港創科育成基地"))
			.anyMatch(n -> n.contains("e站通"))
			.anyMatch(n -> n.contains("深圳國際量子研究院"))
			.anyMatch(n -> n.contains("晶泰科技"))
			.anyMatch(n -> n.contains("元戎啟行"))
			.anyMatch(n -> n.contains("未來機器人"))
			.anyMatch(n -> n.contains("西門子能源"))
			.anyMatch(n -> n.contains("高端醫療裝備創新研究院"))
			.anyMatch(n -> n.contains("香港大學深圳醫院轉化醫學研究中心"))
			.anyMatch(n -> n.contains("深港澳芯片聯合研究院"))
			.anyMatch(n -> n.contains("平安人工智能深港創新中心"))
			.anyMatch(n -> n.contains("意法半導體全球封測創新中心"))
			.anyMatch(n -> n.contains("深圳國際工業與應用數學中心"))
			.anyMatch(n -> n.contains("腫瘤精準診療"));
	}

	@Test
	void theFiveIncubatorsCarryTheArticlesFigures() throws IOException {
		List<Entry> incubators = seed().stream().filter(e -> e.kind() == OrganisationKind.INCUBATOR).toList();
		assertThat(incubators).hasSize(5);
		assertThat(byCode("gba-youth-innovation-workshop-futian").incubator())
			.isEqualTo(new Organisation.IncubatorFigures(null, 21, 90, null));
		assertThat(byCode("uni-hk-youth-startup-space").incubator().teamsServed()).isEqualTo(250);
		assertThat(byCode("peacock-valley-sz-hk-incubation-base").incubator())
			.isEqualTo(new Organisation.IncubatorFigures(27, null, 85, null));
		assertThat(byCode("hk-youth-innovation-community").incubator().hkBackgroundTeams()).isEqualTo(20);
	}

	@Test
	void factsAreTraceableAndAdditionsMarkedIllustrative() throws IOException {
		assertThat(seed()).allSatisfy(e -> {
			assertThat(e.source()).startsWith("Article");
			assertThat(e.name().isComplete()).isTrue();
			assertThat(e.description().isComplete()).isTrue();
			assertThat(e.location().onMap()).as(e.code() + " on the map").isTrue();
		});
		assertThat(seed()).filteredOn(e -> e.source().contains("Illustrative")).allMatch(Entry::illustrative);
		assertThat(byCode("xtalpi").location().base()).isEqualTo(ScienceBase.BIOMEDICINE_PARK_II);
		assertThat(byCode("xtalpi").description().zhHant()).contains("張佩宇");
		assertThat(byCode("hkust").description().zhHant()).contains("15間科研實驗室");
		assertThat(byCode("easy-logic-technology").fields()).contains(ResearchField.EDA);
	}

	@Test
	void aBrokenRecordStopsTheLoadNamingIt() {
		String json = "{\"version\":\"t\",\"organisations\":[{\"code\":\"Bad Code\",\"kind\":\"ENTERPRISE\","
				+ "\"name\":{\"zh-Hant\":\"甲\",\"zh-Hans\":\"甲\",\"en\":\"\"},\"description\":{\"zh-Hant\":\"甲\",\"zh-Hans\":\"甲\",\"en\":\"A\"},"
				+ "\"background\":\"HONG_KONG\",\"fields\":[\"AI\"],\"source\":\"x\",\"illustrative\":true}]}";
		assertThatThrownBy(() -> OrganisationLoader.read(new ByteArrayResource(json.getBytes(StandardCharsets.UTF_8))))
			.hasMessageContaining("Bad Code: code")
			.hasMessageContaining("Bad Code: name");
	}

	private static Entry byCode(String code) throws IOException {
		return seed().stream().filter(e -> e.code().equals(code)).findFirst().orElseThrow();
	}

}
