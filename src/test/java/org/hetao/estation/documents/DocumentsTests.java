package org.hetao.estation.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Type by content, safe display names, fingerprints, and a store that never leaves its folder. */
class DocumentsTests {

	@Test
	void typesAreRecognizedByTheirFirstBytesOnly() {
		assertThat(ContentTypes.detect("%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII))).contains("application/pdf");
		assertThat(ContentTypes.detect(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 })).contains("image/jpeg");
		assertThat(ContentTypes.detect(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 })).contains("image/png");
		assertThat(ContentTypes.detect("<html>%PDF-</html>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(ContentTypes.detect("MZ executable".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(ContentTypes.detect(new byte[0])).isEmpty();
	}

	@Test
	void displayNamesLoseTheirPathsAndControlCharacters() {
		assertThat(Documents.displayName("../../etc/passwd", "application/pdf")).isEqualTo("passwd");
		assertThat(Documents.displayName("C:\\Users\\x\\商業登記證.pdf", "application/pdf")).isEqualTo("商業登記證.pdf");
		assertThat(Documents.displayName("a\u0000b\nc.pdf", "application/pdf")).isEqualTo("abc.pdf");
		assertThat(Documents.displayName("..", "image/png")).isEqualTo("document.png");
		assertThat(Documents.displayName(null, "image/jpeg")).isEqualTo("document.jpg");
		assertThat(Documents.displayName("x".repeat(300) + ".pdf", "application/pdf")).hasSize(200).endsWith(".pdf");
	}

	@Test
	void sha256IsTheHexFingerprint() {
		assertThat(Documents.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void theLocalStoreKeepsEveryKeyInsideItsFolder(@TempDir Path root) throws Exception {
		LocalFolderDocumentStore store = new LocalFolderDocumentStore(root);
		store.put("ab/cd/file.pdf", new byte[] { 1, 2, 3 });
		try (var in = store.open("ab/cd/file.pdf")) {
			assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
		}
		assertThatThrownBy(() -> store.put("../outside.pdf", new byte[] { 1 })).isInstanceOf(IllegalArgumentException.class);
		assertThat(Files.exists(root.getParent().resolve("outside.pdf"))).isFalse();
		store.delete("ab/cd/file.pdf");
		assertThat(Files.exists(root.resolve("ab/cd/file.pdf"))).isFalse();
	}

}
