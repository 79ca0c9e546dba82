package org.hetao.estation.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import java.util.Map;

import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.ObjectMapper;

/**
 * Only an officer of the issuing department revokes a certificate (another department: 404), with a
 * reason; the revocation is recorded in the audit log; a revoked certificate cannot be revoked again.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RevocationIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	CaseFixtures cases;

	EstationUser holder;

	String number;

	@BeforeEach
	void issue() throws Exception {
		cases = new CaseFixtures(mvc, accounts, documents, jdbc, json);
		holder = cases.applicant(Language.EN);
		number = cases.approve(cases.taskId(holder, cases.submit(holder)));
	}

	MvcTestResult revokeByApi(String username, String body) {
		return mvc.post()
			.uri("/api/v1/certificates/" + number + "/revocation")
			.with(user(cases.account(username)))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	String status() {
		return jdbc.sql("select status from certificate where number = :n").param("n", number).query(String.class).single();
	}

	List<Map<String, Object>> audit() {
		return jdbc.sql("""
				select actor, action, target, details from audit_pending where action = 'certificates.CertificateRevoked'
				union all
				select actor, action, target, details from audit_log where action = 'certificates.CertificateRevoked'""")
			.query()
			.listOfRows()
			.stream()
			.filter(r -> String.valueOf(r.get("details")).contains(number))
			.toList();
	}

	@Test
	void anotherDepartmentsOfficerGets404AndNothingChanges() {
		assertThat(revokeByApi("officer-tax", "{\"reason\": \"mistake\"}")).hasStatus(404);
		MvcTestResult page = mvc.post()
			.uri("/certificates/" + number + "/revoke")
			.with(user(cases.account("officer-tax")))
			.with(csrf())
			.param("reason", "mistake")
			.exchange();
		assertThat(page).hasStatus(404);
		assertThat(mvc.post()
			.uri("/api/v1/certificates/" + number + "/revocation")
			.with(user(holder))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"mine\"}")
			.exchange()).as("the holder is no officer").hasStatus(403);
		assertThat(revokeByApi("clerk", "{\"reason\": \"x\"}")).hasStatus(403);
		assertThat(status()).isEqualTo("VALID");
		assertThat(audit()).isEmpty();
	}

	@Test
	void theIssuingDepartmentRevokesWithAReasonAndItIsAudited() throws Exception {
		MvcTestResult blank = revokeByApi(CaseFixtures.OFFICER, "{\"reason\": \"  \"}");
		assertThat(blank).hasStatus(400);
		assertThat(blank).bodyText().contains("reason");
		assertThat(status()).isEqualTo("VALID");

		MvcTestResult revoked = revokeByApi(CaseFixtures.OFFICER, "{\"reason\": \"Attested document was forged\"}");
		assertThat(revoked).hasStatusOk();
		var body = json.readTree(revoked.getResponse().getContentAsString());
		assertThat(body.get("status").asString()).isEqualTo("REVOKED");
		assertThat(body.get("reason").asString()).isEqualTo("Attested document was forged");
		Map<String, Object> row = jdbc.sql("select status, revoked_by, revoke_reason, revoked_at from certificate where number = :n")
			.param("n", number)
			.query()
			.singleRow();
		assertThat(row.get("status")).isEqualTo("REVOKED");
		assertThat(row.get("revoked_by")).isEqualTo(CaseFixtures.OFFICER);
		assertThat(row.get("revoke_reason")).isEqualTo("Attested document was forged");
		assertThat(row.get("revoked_at")).isNotNull();

		assertThat(audit()).singleElement().satisfies(a -> {
			assertThat(a.get("actor")).isEqualTo(CaseFixtures.OFFICER);
			assertThat((String) a.get("details")).contains("Attested document was forged").contains("legal-services");
			assertThat(String.valueOf(a.get("target"))).contains("receiptNumber:HT");
		});

		assertThat(revokeByApi(CaseFixtures.OFFICER, "{\"reason\": \"again\"}")).as("already revoked").hasStatus(409);
		assertThat(audit()).hasSize(1);
	}

	@Test
	void theCertificatePageLetsTheIssuingOfficerRevokeWithFieldErrors() {
		EstationUser officer = cases.account(CaseFixtures.OFFICER);
		MvcTestResult page = mvc.get().uri("/certificates/" + number).with(user(officer)).exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText().contains("id=\"revoke\"").contains("name=\"_csrf\"");
		assertThat(mvc.get().uri("/certificates/" + number).with(user(holder)).exchange()).bodyText()
			.doesNotContain("id=\"revoke\"");

		MvcTestResult noReason = mvc.post()
			.uri("/certificates/" + number + "/revoke")
			.with(user(officer))
			.with(csrf())
			.param("reason", "")
			.exchange();
		assertThat(noReason).hasStatusOk();
		assertThat(noReason).bodyText().contains("reason-error").contains("aria-invalid=\"true\"");
		assertThat(status()).isEqualTo("VALID");

		MvcTestResult withoutToken = mvc.post()
			.uri("/certificates/" + number + "/revoke")
			.with(user(officer))
			.param("reason", "forged")
			.exchange();
		assertThat(withoutToken).hasStatus(403);
		assertThat(status()).isEqualTo("VALID");

		MvcTestResult done = mvc.post()
			.uri("/certificates/" + number + "/revoke")
			.with(user(officer))
			.with(csrf())
			.param("reason", "公證文書經查屬偽造")
			.exchange();
		assertThat(done).hasStatus3xxRedirection();
		assertThat(status()).isEqualTo("REVOKED");
		assertThat(audit()).hasSize(1);
	}

}
