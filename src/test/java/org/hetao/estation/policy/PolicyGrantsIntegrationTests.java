package org.hetao.estation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * 免申即享 delivered (#19): a notify grants each matched enterprise the policy once, tells it by inbox and e-mail
 * in its language (the policy, the conditions it met, the sum, what happens next), shows the grant on its page and
 * the staff's, and counts on the run page only what was sent; notifying again, or another run, sends nothing new.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PolicyGrantsIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Autowired
	PolicyGrants grants;

	record Enterprise(EstationUser user, Language language) {
	}

	Enterprise enterprise(Language language, ApplicantType type) {
		String name = "grant-" + UUID.randomUUID().toString().substring(0, 8);
		long id = accounts.create(new Accounts.NewAccount(name, "{noop}x", "Grant Co " + name, name + "@example.org", null,
				language, type, null, Set.of(Role.APPLICANT)));
		EstationUser user = accounts.findById(id).orElseThrow();
		MvcTestResult saved = mvc.put().uri("/api/v1/policies/profile").with(user(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"applicantType\":\"" + type.name() + "\",\"registrationPlace\":\"HETAO_SZ\",\"registrationDate\":\"2024-01-01\","
					+ "\"industry\":\"ICT\",\"headcount\":\"30\",\"revenue\":\"3000\",\"rdSpend\":\"400\",\"hkBackgroundShare\":\"100\"}")
			.exchange();
		assertThat(saved).hasStatusOk();
		return new Enterprise(user, language);
	}

	EstationUser officer() {
		return accounts.findByUsername("officer-science-innovation").orElseThrow();
	}

	long run(String policy) throws Exception {
		MvcTestResult run = mvc.post().uri("/api/v1/policies/" + policy + "/matches").with(user(officer())).exchange();
		assertThat(run).hasStatus(201);
		return json.readTree(run.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("id").asLong();
	}

	record Message(String channel, String language, String subject, String body, String link) {
	}

	List<Message> messagesOf(EstationUser u) {
		return jdbc.sql("select channel, language, subject, body, link from notification where account_id = :a and template = 'policyGrant' order by id")
			.param("a", u.id())
			.query((rs, n) -> new Message(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
	}

	/** The messages are written after the notify commits (the event log's worker): wait for the grants to be told. */
	void awaitTold(List<Enterprise> who) throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(until)) {
			if (who.stream().allMatch(e -> grants.of(e.user().id()).stream().allMatch(g -> g.notifiedAt() != null)
					&& !grants.of(e.user().id()).isEmpty())) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the grants were not told within 30 s");
	}

	@Test
	void aNotifyTellsEveryMatchedEnterpriseOnceInItsLanguageAndRecordsTheGrant() throws Exception {
		Enterprise hk = enterprise(Language.ZH_HANT, ApplicantType.HK_ENTERPRISE);
		Enterprise mainland = enterprise(Language.ZH_HANS, ApplicantType.MAINLAND_ENTERPRISE);
		Enterprise foreign = enterprise(Language.EN, ApplicantType.FOREIGN_ENTERPRISE);
		List<Enterprise> all = List.of(hk, mainland, foreign);

		long runId = run("POL-013");
		assertThat(mvc.post().uri("/api/v1/policies/matches/" + runId + "/notify").with(user(officer())).exchange()).hasStatusOk();
		awaitTold(all);

		Map<Language, List<String>> expected = Map.of(
				Language.ZH_HANT, List.of("免申即享", "在河套深圳園區或福田區註冊", "人民幣 3,000,000 元", "下一步"),
				Language.ZH_HANS, List.of("免申即享", "在河套深圳园区或福田区注册", "人民币 3,000,000 元", "下一步"),
				Language.EN, List.of("no application needed", "Registered in the Hetao Shenzhen park or Futian District",
						"CNY 3,000,000", "What happens next"));
		for (Enterprise e : all) {
			List<Message> messages = messagesOf(e.user());
			assertThat(messages).extracting(Message::channel).containsExactlyInAnyOrder("INBOX", "EMAIL");
			for (Message m : messages) {
				assertThat(m.language()).isEqualTo(e.language().tag());
				assertThat(m.subject() + m.body()).contains(expected.get(e.language()));
				assertThat(m.link()).isEqualTo("/policies/grants");
			}
			List<PolicyGrants.Grant> granted = grants.of(e.user().id());
			assertThat(granted).singleElement().satisfies(g -> {
				assertThat(g.policyCode()).isEqualTo("POL-013");
				assertThat(g.amount()).isEqualByComparingTo(new BigDecimal("3000000"));
				assertThat(g.status()).isEqualTo(PolicyGrants.Status.NOTIFIED);
				assertThat(g.grantedOn()).isNotNull();
				assertThat(g.messages()).isEqualTo(2);
				assertThat(g.conditionIds()).isNotEmpty();
			});
		}
		assertThat(messagesOf(hk.user()).get(0).subject()).contains("「");

		// the run page counts what was sent, as the notification table has it
		long told = jdbc.sql("select count(*) from policy_grant where run_id = :r and notified_at is not null").param("r", runId)
			.query(Long.class).single();
		long sent = jdbc.sql("select count(*) from notification n join policy_grant g on g.account_id = n.account_id and g.run_id = :r "
				+ "where n.template = 'policyGrant' and n.subject_ref = 'policy:POL-013'").param("r", runId).query(Long.class).single();
		assertThat(told).isGreaterThanOrEqualTo(3);
		MvcTestResult page = mvc.get().uri("/policies/matching/runs/" + runId).header("Accept-Language", "en").with(user(officer())).exchange();
		assertThat(page).hasStatusOk().bodyText()
			.contains(told + " enterprises told (" + sent + " messages: inbox and e-mail).", "Granted and told", "CNY 3,000,000");

		// notifying the run again: 409; a new run of the policy: granted and told before, so nothing new
		assertThat(mvc.post().uri("/api/v1/policies/matches/" + runId + "/notify").with(user(officer())).exchange()).hasStatus(409);
		long again = run("POL-013");
		assertThat(mvc.post().uri("/policies/matching/runs/" + again + "/notify").with(user(officer())).with(csrf()).exchange())
			.hasStatus3xxRedirection();
		Thread.sleep(1500);
		for (Enterprise e : all) {
			assertThat(messagesOf(e.user())).hasSize(2);
			assertThat(grants.of(e.user().id())).hasSize(1);
		}
		MvcTestResult second = mvc.get().uri("/policies/matching/runs/" + again).header("Accept-Language", "en").with(user(officer())).exchange();
		assertThat(second).hasStatusOk().bodyText().contains("0 enterprises told (0 messages", "were granted and told by an earlier run");

		// each enterprise sees its own grant, in its language; nobody else's
		MvcTestResult mine = mvc.get().uri("/policies/grants").header("Accept-Language", "en").with(user(foreign.user())).exchange();
		assertThat(mine).hasStatusOk().bodyText().contains("CNY 3,000,000", "Granted and told", "Registered in the Hetao Shenzhen park or Futian District");
		MvcTestResult api = mvc.get().uri("/api/v1/policies/grants").with(user(mainland.user())).exchange();
		JsonNode own = json.readTree(api.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(own).hasSize(1);
		assertThat(own.get(0).get("accountId").asLong()).isEqualTo(mainland.user().id());
		assertThat(mvc.get().uri("/policies/grants").with(user(officer())).exchange()).hasStatus(403);
		MvcTestResult zh = mvc.get().uri("/policies/grants").header("Accept-Language", "zh-Hant").with(user(hk.user())).exchange();
		assertThat(zh).hasStatusOk().bodyText().contains("人民幣 3,000,000 元", "已批給及通知");
	}

}
