package org.hetao.estation.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;

import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Anyone, without signing in, verifies a certificate by number or by file, on the API and the page: valid,
 * revoked with date and reason, unknown (a wrong number), altered (a tampered file).
 */
@SpringBootTest
@AutoConfigureMockMvc
class VerificationIntegrationTests {

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

	@Autowired
	Certificates certificates;

	CaseFixtures cases;

	EstationUser holder;

	String number;

	byte[] pdf;

	@BeforeEach
	void issue() throws Exception {
		cases = new CaseFixtures(mvc, accounts, documents, jdbc, json);
		holder = cases.applicant(Language.ZH_HANT);
		String receipt = cases.submit(holder);
		number = cases.approve(cases.taskId(holder, receipt));
		pdf = mvc.get().uri("/certificates/" + number + ".pdf").with(user(holder)).exchange().getResponse().getContentAsByteArray();
	}

	JsonNode lookup(String typed) throws Exception {
		MvcTestResult result = mvc.get().uri("/api/v1/certificates/{n}", typed).exchange();
		assertThat(result).hasStatusOk();
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	JsonNode upload(byte[] file) throws Exception {
		MvcTestResult result = mvc.post()
			.uri("/api/v1/certificates/verify")
			.multipart()
			.file(new MockMultipartFile("file", "certificate.pdf", "application/pdf", file))
			.exchange();
		assertThat(result).hasStatusOk();
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	static byte[] flipOneByte(byte[] pdf) {
		byte[] tampered = pdf.clone();
		int at = pdf.length / 3;
		tampered[at] = (byte) (tampered[at] ^ 0x01);
		return tampered;
	}

	@Test
	void theApiSaysValidForTheNumberAndTheGenuineFileWithoutPersonalData() throws Exception {
		JsonNode valid = lookup(number);
		assertThat(valid.get("number").asString()).isEqualTo(number);
		assertThat(valid.get("status").asString()).isEqualTo("VALID");
		assertThat(valid.get("issuedAt").asString()).isNotBlank();
		assertThat(valid.get("department").get("zh-Hant").asString()).isNotBlank();
		assertThat(valid.get("item").get("en").asString()).startsWith("Check and transmission");
		assertThat(valid.has("revokedAt")).isFalse();
		assertThat(valid.get("holder").asString()).contains("*").isNotEqualTo(holder.displayName());
		// masked as a name (#21): 陳大文 keeps its first and last characters, a Latin word only its initial
		String suffix = holder.displayName().substring(4);
		assertThat(valid.get("holder").asString()).isEqualTo("陳*文 " + Character.toUpperCase(suffix.charAt(0)) + ".")
			.doesNotContain("陳大");
		assertThat(valid.toString()).doesNotContain(holder.displayName()).doesNotContain("9123");

		assertThat(lookup(number.toLowerCase().replace("htc", "htc")).get("status").asString()).as("typed in lower case")
			.isEqualTo("VALID");

		JsonNode file = upload(pdf);
		assertThat(file.get("status").asString()).isEqualTo("VALID");
		assertThat(file.get("number").asString()).isEqualTo(number);
	}

	@Test
	void aWrongNumberIsUnknownAndATamperedFileIsAltered() throws Exception {
		// one character changed: fails the check character
		char last = number.charAt(number.length() - 1);
		String wrong = number.substring(0, number.length() - 1) + (last == 'A' ? 'B' : 'A');
		assertThat(lookup(wrong).get("status").asString()).isEqualTo("UNKNOWN");
		assertThat(lookup("HTC-2026-00000000000" + CertificateNumbers.check("00000000000")).get("status").asString())
			.as("well-formed, never issued").isEqualTo("UNKNOWN");
		assertThat(lookup("nonsense").get("status").asString()).isEqualTo("UNKNOWN");

		JsonNode tampered = upload(flipOneByte(pdf));
		assertThat(tampered.get("status").asString()).isEqualTo("ALTERED");
		assertThat(tampered.has("number")).isFalse();
		assertThat(upload("%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII)).get("status").asString())
			.isEqualTo("ALTERED");

		MvcTestResult empty = mvc.post().uri("/api/v1/certificates/verify").multipart().exchange();
		assertThat(empty).hasStatus(400);
		assertThat(empty.getResponse().getContentType()).contains("application/problem+json");
	}

	@Test
	void aRevokedCertificateSaysRevokedWithDateAndReasonByNumberAndByFile() throws Exception {
		certificates.revoke(cases.account(CaseFixtures.OFFICER), number, "公證文書經查屬偽造");
		JsonNode revoked = lookup(number);
		assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
		assertThat(revoked.get("revokedAt").asString()).isNotBlank();
		assertThat(revoked.get("reason").asString()).isEqualTo("公證文書經查屬偽造");
		JsonNode file = upload(pdf);
		assertThat(file.get("status").asString()).isEqualTo("REVOKED");
		assertThat(file.get("reason").asString()).isEqualTo("公證文書經查屬偽造");
	}

	@Test
	void thePublicPageVerifiesByNumberAndByUploadWithCsrf() throws Exception {
		MvcTestResult valid = mvc.get().uri("/verify?number={n}", number).header("Accept-Language", "en").exchange();
		assertThat(valid).hasStatusOk();
		assertThat(valid).bodyText().contains("data-status=\"VALID\"").contains("Valid: Hetao e-Station issued this certificate")
			.contains(number);

		MvcTestResult unknown = mvc.get().uri("/verify?number=HTC-2026-XXXXXXXXXXX").exchange();
		assertThat(unknown).bodyText().contains("data-status=\"UNKNOWN\"").contains("查無此證照");

		MvcTestResult blank = mvc.get().uri("/verify?number=").exchange();
		assertThat(blank).hasStatusOk();
		assertThat(blank).bodyText().contains("number-error").contains("aria-invalid=\"true\"");

		MvcTestResult tampered = mvc.post()
			.uri("/verify")
			.multipart()
			.file(new MockMultipartFile("file", "c.pdf", "application/pdf", flipOneByte(pdf)))
			.with(csrf())
			.exchange();
		assertThat(tampered).hasStatusOk();
		assertThat(tampered).bodyText().contains("data-status=\"ALTERED\"").contains("無效");

		MvcTestResult genuine = mvc.post()
			.uri("/verify")
			.multipart()
			.file(new MockMultipartFile("file", "c.pdf", "application/pdf", pdf))
			.with(csrf())
			.exchange();
		assertThat(genuine).bodyText().contains("data-status=\"VALID\"");

		MvcTestResult noFile = mvc.post().uri("/verify").multipart().with(csrf()).exchange();
		assertThat(noFile).hasStatusOk();
		assertThat(noFile).bodyText().contains("file-error");

		MvcTestResult forged = mvc.post()
			.uri("/verify")
			.multipart()
			.file(new MockMultipartFile("file", "c.pdf", "application/pdf", pdf))
			.exchange();
		assertThat(forged).as("the page's upload form needs its CSRF token").hasStatus(403);
	}

}
