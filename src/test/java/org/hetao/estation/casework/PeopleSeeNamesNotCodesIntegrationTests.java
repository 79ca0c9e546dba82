package org.hetao.estation.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import java.util.Locale;

import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.ApplicantType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** What an applicant reads names items, never by their internal codes, and counts days as people do. */
@SpringBootTest
@AutoConfigureMockMvc
class PeopleSeeNamesNotCodesIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Applying applying;

	@Autowired
	MessageSource messages;

	@Test
	void theStartPageNamesTheItemsEachStepWaitsFor() throws Exception {
		EstationUser enterprise = accounts.findByUsername("enterprise-hk").orElseThrow();
		ApplicationPlan plan = applying.plan(null, CaseworkIntegrationTests.MATTER, ApplicantType.HK_ENTERPRISE);
		List<ApplicationPlan.ItemPart> waiting = plan.items().stream().filter(p -> !p.dependsOn().isEmpty()).toList();
		assertThat(waiting).as("the matter has steps that wait for others").isNotEmpty();

		String page = mvc.get().uri("/applications/new?matter={m}&lang=en", CaseworkIntegrationTests.MATTER)
			.with(user(enterprise))
			.exchange()
			.getResponse()
			.getContentAsString();
		for (ApplicationPlan.ItemPart p : waiting) {
			for (var prerequisite : plan.prerequisitesOf(p)) {
				assertThat(page).contains(org.springframework.web.util.HtmlUtils.htmlEscape(prerequisite.name().en()));
				assertThat(page).doesNotContain(">" + prerequisite.code() + "<").doesNotContain(prerequisite.code() + ", ");
			}
		}
	}

	@Autowired
	org.hetao.estation.catalog.Catalog catalog;

	@Test
	void anItemNotForTheSignedInApplicantSaysWhyAndWhatToDoInsteadOfOfferingApply() throws Exception {
		EstationUser enterprise = accounts.findByUsername("enterprise-hk").orElseThrow();
		var notForThem = catalog.items().stream()
			.filter(i -> i.active() && !i.serves(ApplicantType.HK_ENTERPRISE))
			.findFirst()
			.orElseThrow();
		var forThem = catalog.items().stream().filter(i -> i.active() && i.serves(ApplicantType.HK_ENTERPRISE)).findFirst().orElseThrow();

		String guide = mvc.get().uri("/catalog/items/{c}?lang=en", notForThem.code()).with(user(enterprise)).exchange()
			.getResponse().getContentAsString();
		assertThat(guide).contains("This item does not serve that kind of applicant")
			.doesNotContain("/applications/new?item=" + notForThem.code());
		assertThat(mvc.get().uri("/catalog/items/{c}?lang=en", forThem.code()).with(user(enterprise)).exchange()
			.getResponse().getContentAsString()).contains("/applications/new?item=" + forThem.code())
			.doesNotContain("This item does not serve that kind of applicant");

		var start = mvc.get().uri("/applications/new?item={c}&lang=zh-Hant", notForThem.code()).with(user(enterprise)).exchange();
		assertThat(start).hasStatusOk();
		assertThat(start.getResponse().getContentAsString()).contains("此帳戶不能申請這個事項").contains("預約到服務大廳查詢")
			.doesNotContain("Status code");
	}

	@Test
	void anItemDoneOnlyAtTheHallOffersAVisitNotAnOnlineApplication() throws Exception {
		var atTheHall = catalog.items().stream()
			.filter(i -> i.active() && !i.channels().contains(org.hetao.estation.catalog.Channel.ONLINE))
			.findFirst();
		org.junit.jupiter.api.Assumptions.assumeTrue(atTheHall.isPresent(), "the catalogue has an item done only at the hall");
		String guide = mvc.get().uri("/catalog/items/{c}?lang=en", atTheHall.get().code()).exchange()
			.getResponse().getContentAsString();
		assertThat(guide).contains("handled in person at the Hetao e-Station hall")
			.contains("/hall/appointments/new?item=" + atTheHall.get().code())
			.doesNotContain("/applications/new?item=" + atTheHall.get().code());
	}

	@Test
	void aNewApplicationStartsWithWhatTheAccountAlreadySays() throws Exception {
		EstationUser enterprise = accounts.findByUsername("enterprise-hk").orElseThrow();
		var created = mvc.post().uri("/applications/new").param("matter", CaseworkIntegrationTests.MATTER)
			.with(user(enterprise))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.exchange();
		String draft = created.getResponse().getRedirectedUrl();
		assertThat(draft).contains("/applications/drafts/");
		String page = mvc.get().uri(draft.replaceFirst("^(/applications/drafts/\\d+).*", "$1") + "/shared").with(user(enterprise))
			.exchange().getResponse().getContentAsString();
		assertThat(page).contains("value=\"" + org.springframework.web.util.HtmlUtils.htmlEscape(enterprise.displayName()) + "\"");

		// each item's section of the combined form is headed by the item's name
		ApplicationPlan plan = applying.plan(null, CaseworkIntegrationTests.MATTER, ApplicantType.HK_ENTERPRISE);
		var part = plan.items().stream().filter(p -> !p.ownFields().isEmpty()).findFirst().orElseThrow();
		String section = mvc.get()
			.uri(draft.replaceFirst("^(/applications/drafts/\\d+).*", "$1") + "/items/" + part.item().code() + "?lang=en")
			.with(user(enterprise)).exchange().getResponse().getContentAsString();
		assertThat(section).contains("<h1>" + org.springframework.web.util.HtmlUtils.htmlEscape(part.item().name().en()) + "</h1>");
	}

	@Test
	void theMatterPageDrawsItsStepsAsATimeline() throws Exception {
		String page = mvc.get().uri("/catalog/matters/{m}?lang=en", CaseworkIntegrationTests.MATTER).exchange()
			.getResponse().getContentAsString();
		ApplicationPlan plan = applying.plan(null, CaseworkIntegrationTests.MATTER, ApplicantType.HK_ENTERPRISE);
		long waiting = plan.items().stream().filter(p -> !p.dependsOn().isEmpty()).count();
		assertThat(page).contains("How the matter runs", "Starts when you apply", "Step 2");
		assertThat(page.split("class=\"stages__item").length - 1).as("every item once in the timeline")
			.isEqualTo(plan.items().size());
		assertThat(waiting).isPositive();
	}

	@Test
	void daysAreCountedAsPeopleCountThem() {
		assertThat(messages.getMessage("casework.workingDays", new Object[] { 1 }, Locale.ENGLISH)).isEqualTo("1 working day");
		assertThat(messages.getMessage("casework.workingDays", new Object[] { 20 }, Locale.ENGLISH)).isEqualTo("20 working days");
		assertThat(messages.getMessage("casework.workingDays", new Object[] { 0 }, Locale.ENGLISH)).isEqualTo("Same day");
		assertThat(messages.getMessage("casework.workingDays", new Object[] { 3 }, Locale.forLanguageTag("zh-Hant")))
			.isEqualTo("3 個工作日");
		assertThat(messages.getMessage("casework.queue.remaining", new Object[] { -2 }, Locale.ENGLISH)).isEqualTo("overdue");
		assertThat(messages.getMessage("casework.queue.remaining", new Object[] { 1 }, Locale.ENGLISH))
			.isEqualTo("1 working day left");
		assertThat(messages.getMessage("supervision.jurisdiction.CN", new Object[] { 2027 }, Locale.forLanguageTag("zh-Hant")))
			.as("a year is not a quantity").isEqualTo("內地 2027 年");
	}

}
