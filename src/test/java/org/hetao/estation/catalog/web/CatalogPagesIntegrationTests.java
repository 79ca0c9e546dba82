package org.hetao.estation.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.catalog.Matter;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.catalog.Theme;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The public catalogue pages, anonymously, in all three languages. */
@SpringBootTest(properties = "spring.thymeleaf.cache=true")
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class CatalogPagesIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Catalog catalog;

	String page(String path, Language language) throws Exception {
		MvcTestResult result = mvc.get().uri(path).header("Accept-Language", language.tag()).accept(MediaType.TEXT_HTML).exchange();
		assertThat(result).as(path + " in " + language).hasStatusOk();
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void everyItemAndMatterPageRendersInEveryLanguage() throws Exception {
		List<String> failures = new ArrayList<>();
		assertThat(catalog.items()).isNotEmpty();
		assertThat(catalog.matters()).isNotEmpty();
		for (Language language : Language.values()) {
			for (ServiceItem item : catalog.items()) {
				MvcTestResult result = mvc.get()
					.uri("/catalog/items/{code}", item.code())
					.header("Accept-Language", language.tag())
					.exchange();
				String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
				if (result.getResponse().getStatus() != 200 || !body.contains(escape(item.name().get(language)))
						|| !body.contains("lang=\"" + language.tag() + "\"")) {
					failures.add(item.code() + " " + language + ": " + result.getResponse().getStatus());
				}
			}
			for (Matter matter : catalog.matters()) {
				MvcTestResult result = mvc.get()
					.uri("/catalog/matters/{code}", matter.code())
					.header("Accept-Language", language.tag())
					.exchange();
				String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
				if (result.getResponse().getStatus() != 200 || !body.contains(escape(matter.name().get(language)))) {
					failures.add(matter.code() + " " + language + ": " + result.getResponse().getStatus());
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void homeShowsTheFourThemesAndEightDomainsWithTheirCounts() throws Exception {
		String body = page("/", Language.EN);
		for (Theme theme : Theme.values()) {
			long count = catalog.items().stream().filter(i -> i.theme() == theme).count();
			// a theme with a page of live information of its own (休閒資訊: the leisure pages) links there
			String link = theme == Theme.LEISURE_INFORMATION ? "/leisure" : "/catalog?theme=" + theme.name();
			assertThat(body).contains("href=\"" + link + "\"");
			assertThat(body).containsPattern(java.util.regex.Pattern.quote(link) + "\">(?s).*?<span class=\"count\">" + count + "</span>");
		}
		for (var domain : org.hetao.estation.catalog.ServiceDomain.values()) {
			long count = catalog.items().stream().filter(i -> i.domain() == domain).count();
			assertThat(body).containsPattern("domain=" + domain.name() + "\">(?s).*?<span class=\"count\">" + count + "</span>");
		}
		for (Matter matter : catalog.matters()) {
			assertThat(body).contains("/catalog/matters/" + matter.code());
		}
	}

	@Test
	void theListFiltersByThemeDomainDepartmentApplicantTypeAndKind() throws Exception {
		ServiceItem sample = catalog.items().get(0);
		String body = page("/catalog?theme=" + sample.theme() + "&domain=" + sample.domain() + "&department="
				+ sample.departmentCode() + "&kind=" + sample.kind() + "&applicantType="
				+ sample.applicantTypes().iterator().next(), Language.EN);
		assertThat(body).contains("/catalog/items/" + sample.code());
		for (ServiceItem other : catalog.items()) {
			if (other.theme() != sample.theme() || other.domain() != sample.domain()) {
				assertThat(body).doesNotContain("/catalog/items/" + other.code() + "\"");
			}
		}
		String consultations = page("/catalog?kind=CONSULTATION&size=100", Language.ZH_HANT);
		catalog.items().forEach(i -> {
			if (i.kind() != org.hetao.estation.catalog.ItemKind.CONSULTATION) {
				assertThat(consultations).doesNotContain("/catalog/items/" + i.code() + "\"");
			}
		});
	}

	/** The guide says what an item costs, in its currency, per what, by which answer, and before which point. */
	@Test
	void theItemGuideShowsTheFeeAsTheScaleSaysIt() throws Exception {
		assertThat(page("/catalog/items/LEG-001", Language.ZH_HANT)).contains("每份 港幣 250.00 元", "須於部門作出決定前繳付。");
		assertThat(page("/catalog/items/LEG-001", Language.EN)).contains("HKD 250.00 per document");
		assertThat(page("/catalog/items/PSB-003", Language.EN)).contains("By your answer to “Validity of the permit applied for”:",
				"Less than one year: CNY 400.00", "Three to five years: CNY 1,000.00");
		assertThat(page("/catalog/items/TRF-014", Language.ZH_HANS)).contains("每宗申请 人民币 10.00 元", "须于领取结果前缴付。");
		assertThat(page("/catalog/items/TRF-025", Language.EN)).contains("To be paid at the window when you collect the result.");
		String free = page("/catalog/items/GOV-004", Language.EN);
		assertThat(free).contains("Free of charge").doesNotContain("To be paid");
	}

	@Test
	void theListIsPaginated() throws Exception {
		String first = page("/catalog", Language.EN);
		long shown = first.lines().filter(l -> l.contains("class=\"item-list__name\"")).count();
		assertThat(shown).isEqualTo(Math.min(20, catalog.items().size()));
		if (catalog.items().size() > 20) {
			assertThat(first).contains("rel=\"next\"");
			String second = page("/catalog?page=1", Language.EN);
			assertThat(second).contains("/catalog/items/" + catalog.items().get(20).code() + "\"");
		}
	}

	@Test
	void aBadFilterIsAFriendly400AndAnUnknownItemA404() {
		assertThat(mvc.get().uri("/catalog?domain=NOWHERE").accept(MediaType.TEXT_HTML).exchange()).hasStatus(400);
		assertThat(mvc.get().uri("/catalog/items/NO-SUCH").accept(MediaType.TEXT_HTML).exchange()).hasStatus(404)
			.bodyText()
			.contains("找不到頁面", "沒有編碼為 NO-SUCH 的服務事項。")
			.doesNotContain("Exception");
		assertThat(mvc.get().uri("/catalog/matters/NO-SUCH").accept(MediaType.TEXT_HTML).exchange()).hasStatus(404);
	}

	@Test
	void theItemGuideShowsTheMaterialsForTheChosenApplicantTypeAndTheActions() throws Exception {
		ServiceItem item = catalog.items()
			.stream()
			.filter(i -> i.materials().stream().anyMatch(m -> !m.applicantTypes().isEmpty()))
			.findFirst()
			.orElseThrow();
		var specific = item.materials().stream().filter(m -> !m.applicantTypes().isEmpty()).findFirst().orElseThrow();
		ApplicantType other = item.applicantTypes().stream().filter(t -> !specific.appliesTo(t)).findFirst().orElse(null);
		ApplicantType own = specific.applicantTypes().iterator().next();

		String forOwn = page("/catalog/items/" + item.code() + "?for=" + own, Language.EN);
		assertThat(forOwn).contains(escape(specific.name().en()));
		assertThat(forOwn).contains("/applications/new?item=" + item.code());
		if (item.appointmentRequired()) {
			assertThat(forOwn).contains("/hall/appointments/new?item=" + item.code());
		}
		if (other != null) {
			String forOther = page("/catalog/items/" + item.code() + "?for=" + other, Language.EN);
			assertThat(forOther).doesNotContain(">" + escape(specific.name().en()) + "<");
		}
	}

	@Test
	void theMatterPageShowsTheTasksTheCriticalPathAndTheApplyLink() throws Exception {
		Matter matter = catalog.matters().get(0);
		String body = page("/catalog/matters/" + matter.code(), Language.EN);
		assertThat(body).contains("/applications/new?matter=" + matter.code(), "On the critical path");
		matter.items().forEach(i -> assertThat(body).contains("/catalog/items/" + i.itemCode()));
	}

	static String escape(String text) {
		// as Thymeleaf escapes text: only the markup characters
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

}
