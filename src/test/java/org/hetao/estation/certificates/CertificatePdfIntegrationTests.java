package org.hetao.estation.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;


import tools.jackson.databind.ObjectMapper;

/**
 * The four documents as PDFs in the three languages, from real cases: the text extracted from each
 * (PDFBox) has the expected Chinese, so the glyphs are mapped (no empty boxes); the font is embedded; the
 * certificate's QR code decodes (ZXing) to the verification page with its number. Only the holder, the
 * clerks and the deciding department's officers may download them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CertificatePdfIntegrationTests {

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

	CaseFixtures cases() {
		return new CaseFixtures(mvc, accounts, documents, jdbc, json);
	}

	byte[] get(EstationUser who, String uri) {
		MvcTestResult result = mvc.get().uri(uri).with(user(who)).exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
		return result.getResponse().getContentAsByteArray();
	}

	static String text(byte[] pdf) throws Exception {
		return PdfContents.text(pdf);
	}

	static String qrCode(byte[] pdf) throws Exception {
		return PdfContents.qrCode(pdf);
	}

	/** Renders the first page for a person to look at: target/pdf-preview/<name>.png. */
	static void preview(byte[] pdf, String name) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 72);
			Path dir = Files.createDirectories(Path.of("target", "pdf-preview"));
			ImageIO.write(page, "png", dir.resolve(name + ".png").toFile());
			assertThat(page.getWidth()).isGreaterThan(500);
		}
	}

	@Test
	void theCertificateInEachLanguageHasItsChineseTextAndAQrCodeToTheVerifyPage() throws Exception {
		CaseFixtures cases = cases();
		record Expect(Language language, String title, String item, String label) {
		}
		for (Expect e : List.of(new Expect(Language.ZH_HANT, "電子證照", "中國委託公證人公證文書審核轉遞", "公證書編號"),
				new Expect(Language.ZH_HANS, "电子证照", "中国委托公证人公证文书审核转递", "公证书编号"),
				new Expect(Language.EN, "Electronic certificate", "Check and transmission of documents attested", "Notarial certificate number"))) {
			EstationUser applicant = cases.applicant(e.language());
			String receipt = cases.submit(applicant);
			long task = cases.taskId(applicant, receipt);
			String number = cases.approve(task);
			assertThat(number).matches("HTC-\\d{4}-[0-9A-Z]{12}");

			byte[] pdf = get(applicant, "/certificates/" + number + ".pdf");
			String text = text(pdf);
			assertThat(text).contains(e.title()).contains(e.item()).contains(e.label()).contains("N-" + task)
				.contains(number)
				.as("the holder's Chinese name in every language")
				.contains(applicant.displayName());
			assertThat(e.language() == Language.EN ? text.contains("Legal Services") || text.contains("legal")
					: text.contains("法律服務") || text.contains("法律服务")).as("issuing department").isTrue();
			assertThat(qrCode(pdf)).isEqualTo(certificates.verifyPage() + "?number=" + number)
				.startsWith("http")
				.endsWith("/verify?number=" + number);
			preview(pdf, "certificate-" + e.language().tag());

			// The download is the registered file, byte for byte.
			String registered = jdbc.sql("select sha256 from certificate where number = :n").param("n", number).query(String.class).single();
			assertThat(Certificates.sha256(pdf)).isEqualTo(registered);
		}
	}

	@Test
	void theReceiptTheCorrectionNoticeAndTheRefusalNoticeInTheThreeLanguages() throws Exception {
		CaseFixtures cases = cases();
		EstationUser applicant = cases.applicant(Language.ZH_HANT);
		String corrected = cases.submit(applicant);
		cases.requestCorrection(cases.taskId(applicant, corrected));
		String refused = cases.submit(applicant);
		cases.refuse(cases.taskId(applicant, refused), "文書用途與申請不符");

		String receiptHant = text(get(applicant, "/certificates/documents/" + corrected + "/receipt.pdf"));
		assertThat(receiptHant).contains("受理回執").contains(corrected).contains("中國委託公證人公證文書審核轉遞")
			.contains("法律服務").contains(applicant.displayName());
		assertThat(text(get(applicant, "/certificates/documents/" + corrected + "/receipt.pdf?lang=zh-Hans")))
			.contains("受理回执").contains("中国委托公证人公证文书审核转递");
		assertThat(text(get(applicant, "/certificates/documents/" + corrected + "/receipt.pdf?lang=en")))
			.contains("Acceptance receipt").contains(corrected);

		byte[] notice = get(applicant, "/certificates/documents/" + corrected + "/correction-notice.pdf");
		assertThat(text(notice)).contains("一次性告知書").contains("香港永久性居民身份證").contains("公證文書欠缺第二頁")
			.contains("一次補齊");
		preview(notice, "correction-notice-zh-Hant");
		assertThat(text(get(applicant, "/certificates/documents/" + corrected + "/correction-notice.pdf?lang=zh-Hans")))
			.contains("一次性告知书").contains("香港永久性居民身份证").contains("公證文書欠缺第二頁");
		assertThat(text(get(applicant, "/certificates/documents/" + corrected + "/correction-notice.pdf?lang=en")))
			.contains("One-time correction notice").contains("Hong Kong permanent identity card");

		byte[] refusal = get(applicant, "/certificates/documents/" + refused + "/refusal-notice.pdf");
		assertThat(text(refusal)).contains("不予批准決定書").contains("文書用途與申請不符").contains("行政複議");
		preview(refusal, "refusal-notice-zh-Hant");
		assertThat(text(get(applicant, "/certificates/documents/" + refused + "/refusal-notice.pdf?lang=zh-Hans")))
			.contains("不予批准决定书").contains("行政复议");
		assertThat(text(get(applicant, "/certificates/documents/" + refused + "/refusal-notice.pdf?lang=en")))
			.contains("Refusal notice").contains("administrative reconsideration").contains("文書用途與申請不符");

		// A document the case does not have
		assertThat(mvc.get().uri("/certificates/documents/" + corrected + "/refusal-notice.pdf").with(user(applicant)).exchange())
			.hasStatus(404);
	}

	@Test
	void onlyTheHolderClerksAndTheDecidingDepartmentMayDownload() throws Exception {
		CaseFixtures cases = cases();
		EstationUser applicant = cases.applicant(Language.EN);
		String receipt = cases.submit(applicant);
		String number = cases.approve(cases.taskId(applicant, receipt));
		EstationUser stranger = cases.applicant(Language.EN);

		for (String uri : List.of("/certificates/" + number + ".pdf", "/certificates/" + number,
				"/certificates/documents/" + receipt + "/receipt.pdf")) {
			assertThat(mvc.get().uri(uri).with(user(stranger)).exchange()).as(uri).hasStatus(404);
			assertThat(mvc.get().uri(uri).with(user(cases.account("officer-tax"))).exchange()).as(uri).hasStatus(404);
			assertThat(mvc.get().uri(uri).with(user(cases.account("clerk"))).exchange()).as(uri).hasStatusOk();
			assertThat(mvc.get().uri(uri).with(user(cases.account(CaseFixtures.OFFICER))).exchange()).as(uri).hasStatusOk();
			assertThat(mvc.get().uri(uri).with(user(applicant)).exchange()).as(uri).hasStatusOk();
		}
		assertThat(mvc.get().uri("/certificates/" + number + ".pdf").exchange()).as("anonymous").hasStatus(401);

		// The applicant's case page links its documents.
		MvcTestResult page = mvc.get().uri("/applications/" + receipt).with(user(applicant)).exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText().contains("/certificates/documents/" + receipt + "/receipt.pdf")
			.contains("/certificates/" + number);
	}

}
