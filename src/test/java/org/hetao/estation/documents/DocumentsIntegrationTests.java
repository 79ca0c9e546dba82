package org.hetao.estation.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Uploading through the API: accepted types by content, the size limit, nothing stored on bad input, owner-only reading. */
@SpringBootTest
@AutoConfigureMockMvc
class DocumentsIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Documents documents;

	@Value("${estation.storage.root}")
	Path storageRoot;

	EstationUser account(String username) {
		return accounts.findByUsername(username).orElseThrow();
	}

	long files() throws IOException {
		Path root = storageRoot.resolve("documents");
		if (!Files.exists(root)) {
			return 0;
		}
		try (Stream<Path> all = Files.walk(root)) {
			return all.filter(Files::isRegularFile).count();
		}
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

	@Test
	void aPdfIsStoredWithItsFingerprintAndOnlyItsOwnerReadsIt() throws Exception {
		EstationUser owner = account("applicant-mainland");
		byte[] pdf = "%PDF-1.4\nhello\n%%EOF".getBytes(StandardCharsets.US_ASCII);
		long filesBefore = files();
		MvcTestResult result = upload(owner, "../../營業執照.pdf", pdf);
		assertThat(result).hasStatus(201);
		assertThat(result).bodyJson().extractingPath("$.contentType").isEqualTo("application/pdf");
		assertThat(result).bodyJson().extractingPath("$.originalName").isEqualTo("營業執照.pdf");
		assertThat(result).bodyJson().extractingPath("$.sha256").isEqualTo(Documents.sha256(pdf));
		assertThat(files()).isEqualTo(filesBefore + 1);
		long id = documents.ownedBy(owner.id()).get(0).id();

		MvcTestResult download = mvc.get().uri("/documents/" + id).with(user(owner)).exchange();
		assertThat(download).hasStatusOk();
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(pdf);
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
		assertThat(mvc.get().uri("/documents/" + id).with(user(account("applicant-hk"))).exchange()).hasStatus(404);
		assertThat(mvc.get().uri("/documents/" + id).with(user(account("clerk"))).exchange())
			.as("no case refers to it").hasStatus(404);
		assertThat(mvc.get().uri("/api/v1/documents").with(user(owner)).exchange()).bodyText().contains("營業執照.pdf");
		assertThat(mvc.get().uri("/documents").with(user(owner)).exchange()).hasStatusOk().bodyText().contains("營業執照.pdf");
	}

	@Test
	void aFileThatIsNotReallyAPdfIsRefusedAndNothingIsStored() throws Exception {
		EstationUser owner = account("applicant-mainland");
		long rows = documents.count();
		long filesBefore = files();
		MvcTestResult result = upload(owner, "invoice.pdf", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("file");
		assertThat(result).bodyText().contains("must be a PDF, JPEG or PNG");
		assertThat(documents.count()).isEqualTo(rows);
		assertThat(files()).isEqualTo(filesBefore);
	}

	@Test
	void anOversizeFileIsRefusedAndNothingIsStored() throws Exception {
		EstationUser owner = account("applicant-mainland");
		byte[] big = new byte[(int) documents.maxBytes() + 1];
		Arrays.fill(big, (byte) ' ');
		System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);
		long rows = documents.count();
		long filesBefore = files();
		MvcTestResult result = upload(owner, "huge.pdf", big);
		assertThat(result).hasStatus(400);
		assertThat(result).bodyText().contains("too large", "10 MB");
		assertThat(documents.count()).isEqualTo(rows);
		assertThat(files()).isEqualTo(filesBefore);
	}

	@Test
	void anEmptyUploadIsAClearError() {
		assertThat(upload(account("applicant-mainland"), "empty.pdf", new byte[0])).hasStatus(400)
			.bodyText()
			.contains("Choose a file");
	}

}
