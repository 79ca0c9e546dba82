package org.hetao.estation.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.GregorianCalendar;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's CMS signature over a PDF: valid as signed; one flipped byte, an appended update, a
 * signature by another key or no signature at all are not.
 */
class CertificateSigningTests {

	@TempDir
	static Path dir;

	static PdfSignatures platform;

	static PdfSignatures other;

	static SigningKey platformKey;

	@BeforeAll
	static void keys() throws Exception {
		platformKey = new SigningKey(dir.resolve("platform.p12"), "secret", "estation-signing", true);
		platform = new PdfSignatures(platformKey);
		other = new PdfSignatures(new SigningKey(dir.resolve("other.p12"), "secret", "estation-signing", true));
	}

	static byte[] unsigned(String title) throws Exception {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				content.newLineAtOffset(72, 700);
				content.showText("Certificate HTC-2026-TEST");
				content.endText();
			}
			document.getDocumentInformation().setTitle(title);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out, CompressParameters.NO_COMPRESSION);
			return out.toByteArray();
		}
	}

	static byte[] signed(PdfSignatures signer) throws Exception {
		return signer.sign(unsigned("Certificate TITLEMARK"), "Hetao e-Station", "HTC-2026-TEST", new GregorianCalendar());
	}

	static int indexOf(byte[] haystack, String needle) {
		byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
		outer: for (int i = 0; i <= haystack.length - n.length; i++) {
			for (int j = 0; j < n.length; j++) {
				if (haystack[i + j] != n[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	@Test
	void aSignedPdfVerifiesAndCarriesOneSignatureOverTheWholeFile() throws Exception {
		byte[] pdf = signed(platform);
		assertThat(platform.verify(pdf)).isTrue();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDSignature signature = document.getSignatureDictionaries().get(0);
			assertThat(signature.getSubFilter()).isEqualTo("adbe.pkcs7.detached");
			int[] range = signature.getByteRange();
			assertThat((long) range[2] + range[3]).isEqualTo(pdf.length);
		}
		Files.write(dir.resolve("signed.pdf"), pdf);
		assertThat(platform.verify(Files.readAllBytes(dir.resolve("signed.pdf")))).isTrue();
	}

	@Test
	void oneFlippedByteInTheSignedContentIsDetected() throws Exception {
		byte[] pdf = signed(platform);
		int at = indexOf(pdf, "TITLEMARK");
		assertThat(at).isPositive();
		byte[] tampered = pdf.clone();
		tampered[at] = (byte) 'X';
		// still a readable PDF with its signature: only the signature check can tell
		try (PDDocument document = Loader.loadPDF(tampered)) {
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Certificate XITLEMARK");
			assertThat(document.getSignatureDictionaries()).hasSize(1);
		}
		assertThat(platform.verify(tampered)).isFalse();
	}

	@Test
	void aFlippedByteInTheSignatureItselfIsDetected() throws Exception {
		byte[] pdf = signed(platform);
		int[] range;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			range = document.getSignatureDictionaries().get(0).getByteRange();
		}
		byte[] tampered = pdf.clone();
		int inside = range[1] + 200; // hex digits of the CMS structure
		tampered[inside] = (byte) (tampered[inside] == '0' ? '1' : '0');
		assertThat(platform.verify(tampered)).isFalse();
	}

	@Test
	void anAppendedUpdateAnotherKeyOrNoSignatureAreNotValid() throws Exception {
		byte[] pdf = signed(platform);
		byte[] appended = Arrays.copyOf(pdf, pdf.length + 20);
		System.arraycopy("\n% appended update\n".getBytes(StandardCharsets.US_ASCII), 0, appended, pdf.length, 19);
		assertThat(platform.verify(appended)).isFalse();

		byte[] byOther = signed(other);
		assertThat(other.verify(byOther)).isTrue();
		assertThat(platform.verify(byOther)).as("signed by a key that is not the platform's").isFalse();

		assertThat(platform.verify(unsigned("plain"))).isFalse();
		assertThat(platform.verify("not a pdf".getBytes(StandardCharsets.US_ASCII))).isFalse();
		assertThat(platform.verify(new byte[0])).isFalse();
	}

	@Test
	void theGeneratedDevelopmentKeyIsReusedOnTheNextStart() throws Exception {
		SigningKey again = new SigningKey(dir.resolve("platform.p12"), "secret", "estation-signing", true);
		assertThat(again.certificate()).isEqualTo(platformKey.certificate());
		assertThat(new PdfSignatures(again).verify(signed(platform))).isTrue();
	}

	@Test
	void withoutGenerationAMissingKeystoreStopsTheStart() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> new SigningKey(dir.resolve("missing.p12"), "secret", "estation-signing", false))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("generate-key=false");
	}

}
