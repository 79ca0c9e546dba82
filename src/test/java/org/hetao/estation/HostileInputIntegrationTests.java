package org.hetao.estation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hetao.estation.casework.CaseChannel;
import org.hetao.estation.casework.CaseSubmitted;
import org.hetao.estation.casework.DeliveryMethod;
import org.hetao.estation.casework.TaskDelivered;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hostile names and comments entered through the real forms come back escaped on every page that shows
 * them: no raw {@code <script>}, no attribute breakout, no {@code javascript:} link.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HostileInputIntegrationTests {

	/** Script, attribute breakout, SQL-ish, a right-to-left override, emoji and a rare CJK character. */
	static final String PAYLOAD = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>' OR 1=1 -- \u202Eevil 😀𠜎";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	static String html(MvcTestResult result) throws Exception {
		return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	/** The payload is on the page as text, and nowhere as markup. */
	static void assertEscaped(String html) {
		assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)")
			.doesNotContain("<img src=x")
			.doesNotContain("\"><img")
			.contains("😀𠜎");
	}

	EstationUser account(String username) {
		return accounts.findByUsername(username).orElseThrow();
	}

	@Test
	void aHostileDisplayNameIsShownAsTextInTheHeaderAndOnTheAccountPage() throws Exception {
		String email = "hostile-" + UUID.randomUUID().toString().substring(0, 8) + "@example.hk";
		assertThat(mvc.post()
			.uri("/register")
			.param("name", PAYLOAD)
			.param("email", email)
			.param("phone", "+852 9123 4567")
			.param("password", "a long enough passphrase")
			.param("preferredLanguage", "EN")
			.param("applicantType", "HK_RESIDENT")
			.with(csrf())).hasStatus3xxRedirection();
		EstationUser hostile = accounts.findByUsername(email).orElseThrow();
		assertThat(hostile.displayName()).isEqualTo(PAYLOAD);
		assertEscaped(html(mvc.get().uri("/account").with(user(hostile)).exchange()));
		assertEscaped(html(mvc.get().uri("/").with(user(hostile)).exchange()));
	}

	@Test
	void aHostileConsultationQuestionIsTextForTheApplicantAndTheOfficer() throws Exception {
		EstationUser applicant = account("applicant-hk");
		MvcTestResult asked = mvc.post()
			.uri("/consultations")
			.param("subjectType", "ITEM")
			.param("subjectCode", "LEG-001")
			.param("question", PAYLOAD)
			.with(user(applicant))
			.with(csrf())
			.exchange();
		assertThat(asked).hasStatus3xxRedirection();
		String page = asked.getResponse().getRedirectedUrl();
		assertEscaped(html(mvc.get().uri(page).with(user(applicant)).exchange()));
		assertEscaped(html(mvc.get().uri(page).with(user(account("officer-legal-services"))).exchange()));
		assertEscaped(html(mvc.get().uri("/consultations").with(user(account("officer-legal-services"))).exchange()));
	}

	@Test
	void aHostileEvaluationCommentIsTextForTheApplicantAndOnTheRectification() throws Exception {
		EstationUser applicant = account("applicant-mainland");
		String receipt = "HT20261127-" + ThreadLocalRandom.current().nextInt(100000, 999999);
		long caseId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
		tx.executeWithoutResult(s -> {
			events.publishEvent(new CaseSubmitted(caseId, receipt, applicant.id(), null, List.of("LEG-001"),
					CaseChannel.ONLINE, Instant.now()));
			events.publishEvent(new TaskDelivered(caseId, receipt, applicant.id(), caseId + 1, "LEG-001",
					DeliveryMethod.ELECTRONIC, Instant.now()));
		});
		long service = jdbc.sql("select id from feedback_service where receipt_number = :r")
			.param("r", receipt)
			.query(Long.class)
			.single();
		assertThat(mvc.post()
			.uri("/evaluations/{id}", service)
			.param("rating", "VERY_DISSATISFIED")
			.param("reasons", "SLOW")
			.param("comment", PAYLOAD)
			.with(user(applicant))
			.with(csrf())).hasStatus3xxRedirection();
		assertEscaped(html(mvc.get().uri("/evaluations/{id}", service).with(user(applicant)).exchange()));
		long rectification = jdbc
			.sql("select r.id from feedback_rectification r join feedback_evaluation e on e.id = r.evaluation_id where e.service_id = :s")
			.param("s", service)
			.query(Long.class)
			.single();
		assertEscaped(html(mvc.get().uri("/rectifications/{id}", rectification).with(user(account("officer-legal-services")))
			.exchange()));
	}

	@Test
	void hostileDraftAnswersAreTextOnTheFormAndOnTheCheckPage() throws Exception {
		EstationUser enterprise = account("enterprise-hk");
		MvcTestResult start = mvc.post()
			.uri("/applications/new")
			.param("matter", "HK-STARTUP-SETTLE")
			.with(user(enterprise))
			.with(csrf())
			.exchange();
		String draft = start.getResponse().getRedirectedUrl();
		mvc.post()
			.uri(draft + "/shared")
			.param("shared.companyName", PAYLOAD)
			.param("shared.registeredAddress", "javascript:alert(3)")
			.with(user(enterprise))
			.with(csrf())
			.exchange();
		String form = html(mvc.get().uri(draft + "/shared").with(user(enterprise)).exchange());
		assertThat(form).contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img")
			.doesNotContain("<img src=x")
			.doesNotContain("href=\"javascript:");
		assertEscaped(html(mvc.get().uri(draft + "/check").with(user(enterprise)).exchange()));
	}

	@Test
	void hostileSearchAndFilterValuesAreEchoedAsText() throws Exception {
		MvcTestResult search = mvc.get().uri("/search?q={q}", PAYLOAD).exchange();
		assertThat(search).hasStatusOk();
		assertEscaped(html(search));
		MvcTestResult api = mvc.get().uri("/api/v1/search?q={q}", PAYLOAD).exchange();
		assertThat(api).hasStatusOk();
		assertThat(html(api)).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
		MvcTestResult directory = mvc.get().uri("/directory?kind={k}&field={k}", PAYLOAD, PAYLOAD).exchange();
		assertThat(directory.getResponse().getStatus()).isLessThan(500);
		assertThat(html(directory)).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
	}

	@Test
	void aJavascriptWebsiteIsRefusedForAnOrganisationAndNothingIsStored() throws Exception {
		String code = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
		MvcTestResult result = mvc.post()
			.uri("/directory/manage/new")
			.param("code", code)
			.param("nameZhHant", PAYLOAD)
			.param("website", "javascript:alert(1)")
			.header("Accept-Language", "en")
			.with(user(account("park-operator")))
			.with(csrf())
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(html(result)).contains("must start with http:// or https://").doesNotContain("<script>alert(1)");
		assertThat(jdbc.sql("select count(*) from directory_organisation where code = :c").param("c", code).query(Long.class)
			.single()).isZero();
	}

}
