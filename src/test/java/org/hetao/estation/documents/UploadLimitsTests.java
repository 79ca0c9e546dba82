package org.hetao.estation.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Page counting, image dimensions, safe display names and the clamd protocol, without Spring. */
class UploadLimitsTests {

	static byte[] pdfWithPages(int pages) {
		StringBuilder pdf = new StringBuilder("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
		pdf.append("2 0 obj << /Type /Pages /Kids [] /Count ").append(pages).append(" >> endobj\n");
		for (int i = 0; i < pages; i++) {
			pdf.append(i + 3).append(" 0 obj << /Type /Page /Parent 2 0 R >> endobj\n");
		}
		return pdf.append("%%EOF").toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	static byte[] png(int width, int height) {
		byte[] b = new byte[33];
		byte[] head = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		System.arraycopy(head, 0, b, 0, head.length);
		b[16] = (byte) (width >>> 24);
		b[17] = (byte) (width >>> 16);
		b[18] = (byte) (width >>> 8);
		b[19] = (byte) width;
		b[20] = (byte) (height >>> 24);
		b[21] = (byte) (height >>> 16);
		b[22] = (byte) (height >>> 8);
		b[23] = (byte) height;
		return b;
	}

	static byte[] jpeg(int width, int height) {
		return new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 4, 'J', 'F', (byte) 0xFF,
				(byte) 0xC0, 0, 11, 8, (byte) (height >>> 8), (byte) height, (byte) (width >>> 8), (byte) width, 1, 1,
				0x11, 0, (byte) 0xFF, (byte) 0xD9 };
	}

	@Test
	void pagesAreCountedByPageObjectsAndByThePageTreeWhicheverIsLarger() {
		assertThat(UploadLimits.pdfPages(pdfWithPages(3))).isEqualTo(3);
		assertThat(UploadLimits.pdfPages("%PDF-1.4\nhello\n%%EOF".getBytes(StandardCharsets.US_ASCII))).isZero();
		// a page tree that claims 500 pages while the objects are compressed away
		assertThat(UploadLimits.pdfPages("%PDF-1.5\n<< /Type /Pages /Count 500 >>".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo(500);
		// "/Pages" is not a page
		assertThat(UploadLimits.pdfPages("%PDF-1.5\n<</Type/Pages>> <</Type/Page>>".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo(1);
	}

	@Test
	void imageDimensionsAreReadFromPngAndJpegHeaders() {
		var png = UploadLimits.imageSize(png(640, 480), "image/png");
		assertThat(png[0]).hasValue(640);
		assertThat(png[1]).hasValue(480);
		var jpeg = UploadLimits.imageSize(jpeg(1024, 768), "image/jpeg");
		assertThat(jpeg[0]).hasValue(1024);
		assertThat(jpeg[1]).hasValue(768);
		assertThat(UploadLimits.imageSize(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }, "image/jpeg")[0]).isEmpty();
		assertThat(UploadLimits.imageSize(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, "image/png")[0]).isEmpty();
	}

	@Test
	void displayNamesLoseBidiOverridesZeroWidthAndControlCharacters() {
		// U+202E RIGHT-TO-LEFT OVERRIDE would show "invoice\u202Efdp.exe" as "invoiceexe.pdf"
		assertThat(Documents.displayName("invoice\u202Efdp.exe", "application/pdf")).isEqualTo("invoicefdp.exe");
		assertThat(Documents.displayName("a\u200Bb\u2066c\u0000d\nе.pdf", "application/pdf")).isEqualTo("abcdе.pdf");
		assertThat(Documents.displayName("C:\\Windows\\..\\evil.pdf", "application/pdf")).isEqualTo("evil.pdf");
		assertThat(Documents.displayName("\u202E\u200B", "application/pdf")).isEqualTo("document.pdf");
		assertThat(Documents.displayName("x".repeat(1000) + ".pdf", "application/pdf")).hasSize(200).endsWith(".pdf");
	}

	@Test
	void clamdAnswersAreUnderstoodAndAnythingElseIsAFailure() throws IOException {
		assertThat(VirusScanner.verdict("stream: OK").status()).isEqualTo(VirusScanner.Status.CLEAN);
		VirusScanner.Verdict found = VirusScanner.verdict("stream: Eicar-Signature FOUND");
		assertThat(found.status()).isEqualTo(VirusScanner.Status.INFECTED);
		assertThat(found.signature()).isEqualTo("Eicar-Signature");
		assertThatThrownBy(() -> VirusScanner.verdict("INSTREAM size limit exceeded. ERROR")).isInstanceOf(IOException.class);
	}

	@Test
	void theScannerStreamsInChunksToClamd() throws IOException {
		try (FakeClamd clamd = new FakeClamd()) {
			VirusScanner scanner = new VirusScanner("127.0.0.1", clamd.port(), Duration.ofSeconds(5));
			byte[] big = new byte[200_000];
			big[199_999] = 7;
			assertThat(scanner.scan(big).status()).isEqualTo(VirusScanner.Status.CLEAN);
			assertThat(clamd.commands).containsExactly("zINSTREAM");
			assertThat(clamd.streams.get(0)).isEqualTo(big);
			assertThat(scanner.scan(FakeClamd.EICAR.getBytes(StandardCharsets.US_ASCII)).signature())
				.isEqualTo("Eicar-Signature");
		}
		assertThat(new VirusScanner("", 3310, Duration.ofSeconds(1)).scan(new byte[] { 1 }).status())
			.isEqualTo(VirusScanner.Status.NOT_SCANNED);
	}

}
