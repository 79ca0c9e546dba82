package org.hetao.estation.certificates;

import java.util.Calendar;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document's font is cut down to the document's own characters before PDFBox embeds it: the embedded font, its
 * width table and its ToUnicode map hold those characters only, and the text reads back as it was written.
 */
class PdfLayoutTests {

	final CjkFont fonts = new CjkFont("");

	@Test
	void theFontHoldsOnlyTheDocumentsCharactersAndTheTextReadsBack() throws Exception {
		byte[] pdf;
		try (PdfLayout layout = new PdfLayout(fonts, "電子證照", "EC-1", Calendar.getInstance())) {
			layout.title("電子證照 Electronic certificate", 24);
			layout.field("持證者", "港深創科（深圳）有限公司 HK-SZ InnoTech Ltd");
			layout.field("统一社会信用代码", "91440300MA5G8K2P17");
			layout.image(QrCodes.of("https://estation.example/verify/EC-1"), 110, "https://estation.example/verify/EC-1");
			for (int i = 0; i < 60; i++) {
				// enough lines for a second page: every page gets the same font
				layout.paragraph("第 " + i + " 行：河套深港科技創新合作區 line " + i);
			}
			pdf = layout.toBytes();
		}
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("電子證照 Electronic certificate", "港深創科（深圳）有限公司 HK-SZ InnoTech Ltd",
					"统一社会信用代码", "91440300MA5G8K2P17", "https://estation.example/verify/EC-1",
					"第 59 行：河套深港科技創新合作區 line 59");
			PDFont font = document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames().iterator().next());
			assertThat(font).isInstanceOf(PDType0Font.class);
			PDType0Font type0 = (PDType0Font) font;
			assertThat(type0.isEmbedded()).isTrue();
			assertThat(type0.getName()).as("a subset's tagged name").matches("[A-Z]{6}\\+.+");
			// the widths of the characters used, not of the face's 30,000 glyphs
			COSDictionary descendant = type0.getDescendantFont().getCOSObject();
			COSArray widths = (COSArray) descendant.getDictionaryObject(COSName.W);
			assertThat(widths.size()).isLessThan(400);
			long embedded = type0.getDescendantFont().getFontDescriptor().getFontFile2().getCOSObject().getLength();
			assertThat(embedded).as("embedded font bytes").isLessThan(120_000);
			assertThat(document.getPage(1).getResources().getFont(document.getPage(1).getResources().getFontNames().iterator().next())
				.getName()).isEqualTo(type0.getName());
		}
	}

}
