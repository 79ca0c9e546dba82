package org.hetao.estation.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.hetao.estation.audit.AuditLog;
import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@SpringBootTest
@AutoConfigureMockMvc
class PersonalDataExportIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Documents documents;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	PersonalDataFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new PersonalDataFixtures(mvc, accounts, documents, json);
	}

	@Test
	void theApplicantDownloadsEverythingHeldAboutThemDecryptedAndOnlyTheirOwn() throws Exception {
		EstationUser me = fixtures.applicant("+852 6222 3333");
		EstationUser other = fixtures.applicant("+852 6444 5555");
		String mine = fixtures.submit(me);
		String theirs = fixtures.submit(other);

		audit.flush();
		MvcTestResult result = mvc.get().uri("/api/v1/me/data").with(user(me)).exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
		String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		JsonNode data = json.readTree(text);
		assertThat(data.get("accountId").asLong()).isEqualTo(me.id());
		assertThat(data.get("identity").get("account").get("phone").asString()).isEqualTo("+852 6222 3333");
		assertThat(data.get("identity").get("account").get("username").asString()).isEqualTo(me.getUsername());
		JsonNode cases = data.get("casework").get("cases");
		assertThat(cases).hasSize(1);
		assertThat(cases.get(0).get("receiptNumber").asString()).isEqualTo(mine);
		JsonNode tasks = cases.get(0).get("tasks");
		assertThat(tasks.size()).isGreaterThan(1);
		JsonNode tax = null;
		for (JsonNode t : tasks) {
			if (t.get("itemCode").asString().equals("TAX-001")) {
				tax = t;
			}
		}
		assertThat(tax.get("formData").get("legalRepIdNumber").asString()).isEqualTo(PersonalDataFixtures.ID);
		assertThat(tax.get("formData").get("registeredAddress").asString()).isEqualTo("深圳市福田區河套");
		assertThat(data.get("documents").get("documents")).hasSize(1);
		for (String section : new String[] { "hall", "notification", "feedback", "policy", "audit" }) {
			assertThat(data.has(section)).as(section).isTrue();
		}
		assertThat(data.get("hall").has("appointments")).isTrue();
		assertThat(data.get("audit").get("records").size()).as("the audit records of my own actions").isPositive();
		assertThat(text).doesNotContain(theirs).doesNotContain("6444 5555").doesNotContain(other.getUsername());

		audit.flush();
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'privacy.PersonalDataExported' and target = :t")
			.param("t", "subject:account:" + me.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theZipHoldsTheJsonAndTheUploadedDocumentsDecrypted() throws Exception {
		EstationUser me = fixtures.applicant(null);
		fixtures.submit(me);
		MvcTestResult result = mvc.get().uri("/account/data/export.zip").with(user(me)).exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).isEqualTo("application/zip");
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains("personal-data.zip");
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			ZipEntry e;
			while ((e = zip.getNextEntry()) != null) {
				entries.put(e.getName(), zip.readAllBytes());
			}
		}
		assertThat(entries).containsKey("personal-data.json");
		assertThat(json.readTree(entries.get("personal-data.json")).get("accountId").asLong()).isEqualTo(me.id());
		long docId = documents.ownedBy(me.id()).get(0).id();
		assertThat(entries.get("documents/" + docId + "-passport.pdf")).isEqualTo(PersonalDataFixtures.PDF);

		MvcTestResult page = mvc.get().uri("/account/data").with(user(me)).header("Accept-Language", "en").exchange();
		assertThat(page).hasStatusOk();
		assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("/account/data/export.zip")
			.contains("Retention periods");
	}

	@Test
	void onlySignedInApplicantsHaveMyData() {
		assertThat(mvc.get().uri("/api/v1/me/data").exchange()).hasStatus(401);
		EstationUser clerk = accounts.findByUsername("clerk").orElseThrow();
		assertThat(mvc.get().uri("/api/v1/me/data").with(user(clerk)).exchange()).hasStatus(403);
		assertThat(mvc.get().uri("/account/data").with(user(clerk)).exchange()).hasStatus(403);
	}

}
