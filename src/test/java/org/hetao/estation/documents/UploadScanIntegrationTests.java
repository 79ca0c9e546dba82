package org.hetao.estation.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Uploads with a clamd configured (a fake one speaking INSTREAM): clean files are recorded as scanned, the
 * EICAR test file is refused with a clear message and nothing is stored; page and image limits; the stored
 * name is generated, never the user's.
 */
@SpringBootTest(properties = { "estation.documents.max-pages=5", "estation.documents.max-image-pixels=1000000" })
@AutoConfigureMockMvc
class UploadScanIntegrationTests {

	static final FakeClamd clamd;

	static {
		try {
			clamd = new FakeClamd();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@DynamicPropertySource
	static void clamd(DynamicPropertyRegistry registry) {
		registry.add("estation.documents.clamd.host", () -> "127.0.0.1");
		registry.add("estation.documents.clamd.port", clamd::port);
	}

	@AfterAll
	static void stop() throws IOException {
		clamd.close();
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	EstationUser applicant() {
		String name = "up-" + UUID.randomUUID().toString().substring(0, 8);
		long id = accounts.create(new Accounts.NewAccount(name, "{noop}x", "Uploader " + name, name + "@example.hk",
				null, Language.EN, ApplicantType.HK_RESIDENT, null, Set.of(Role.APPLICANT)));
		return accounts.findById(id).orElseThrow();
	}

	MvcTestResult upload(EstationUser who, String name, byte[] content) {
		return mvc.post()
			.uri("/api/v1/documents")
			.multipart()
			.file(new MockMultipartFile("file", name, "application/pdf", content))
			.with(user(who))
			.header("Accept-Language", "en")
			.exchange();
	}

	long rows(EstationUser who) {
		return documents.ownedBy(who.id()).size();
	}

	@Test
	void aCleanFileIsScannedAndTheResultRecordedUnderAGeneratedName() {
		EstationUser owner = applicant();
		byte[] pdf = UploadLimitsTests.pdfWithPages(2);
		MvcTestResult result = upload(owner, "..\\..\\\u202Egpj.exe\u0000.pdf", pdf);
		assertThat(result).hasStatus(201);
		assertThat(result).bodyJson().extractingPath("$.originalName").isEqualTo("gpj.exe.pdf");
		long id = documents.ownedBy(owner.id()).get(0).id();
		assertThat(documents.scanStatus(id)).contains(VirusScanner.Status.CLEAN);
		assertThat(jdbc.sql("select scanned_at from document where id = :id").param("id", id).query(Object.class).single())
			.isNotNull();
		String key = jdbc.sql("select storage_key from document where id = :id").param("id", id).query(String.class).single();
		assertThat(key).matches("[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f-]{36}\\.pdf");
		assertThat(clamd.streams).anySatisfy(s -> assertThat(s).isEqualTo(pdf));
	}

	@Test
	void theEicarTestFileIsRefusedWithAClearMessageAndNothingIsStored() {
		EstationUser owner = applicant();
		long before = documents.count();
		byte[] infected = ("%PDF-1.4\n" + FakeClamd.EICAR + "\n%%EOF").getBytes(StandardCharsets.US_ASCII);
		MvcTestResult result = upload(owner, "eicar.pdf", infected);
		assertThat(result).hasStatus(422);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("file");
		assertThat(result).bodyText().contains("did not pass the virus scan", "Eicar-Signature");
		assertThat(rows(owner)).isZero();
		assertThat(documents.count()).isEqualTo(before);

		// the page form says the same next to the field
		assertThat(mvc.post()
			.uri("/documents")
			.multipart()
			.file(new MockMultipartFile("file", "eicar.pdf", "application/pdf", infected))
			.with(user(owner))
			.with(csrf())
			.header("Accept-Language", "en")).hasStatusOk().bodyText().contains("did not pass the virus scan");
		assertThat(rows(owner)).isZero();
	}

	@Test
	void tooManyPagesAndTooManyPixelsAreRefused() {
		EstationUser owner = applicant();
		assertThat(upload(owner, "long.pdf", UploadLimitsTests.pdfWithPages(6))).hasStatus(400)
			.bodyText()
			.contains("at most 5 pages");
		assertThat(upload(owner, "bomb.png", UploadLimitsTests.png(50_000, 50_000))).hasStatus(400)
			.bodyText()
			.contains("at most 1 megapixels");
		assertThat(upload(owner, "bomb.jpg", UploadLimitsTests.jpeg(2000, 2000))).hasStatus(400);
		assertThat(upload(owner, "cut.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }))
			.hasStatus(400)
			.bodyText()
			.contains("could not read the size");
		assertThat(rows(owner)).isZero();
		assertThat(upload(owner, "ok.pdf", UploadLimitsTests.pdfWithPages(5))).hasStatus(201);
		assertThat(upload(owner, "ok.png", UploadLimitsTests.png(1000, 1000))).hasStatus(201);
		assertThat(upload(owner, "ok.jpg", UploadLimitsTests.jpeg(800, 600))).hasStatus(201);
		assertThat(rows(owner)).isEqualTo(3);
	}

}
