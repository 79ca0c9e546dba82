package org.hetao.estation.certificates;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.zip.DeflaterOutputStream;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A simple one-column A4 layout: a title, label–value lines, paragraphs, numbered lists and an image,
 * wrapped to the page width, continuing on new pages as needed. All text in one embedded CJK font subset.
 */
final class PdfLayout implements AutoCloseable {

	private static final float MARGIN = 56;

	private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

	private final PDDocument document = new PDDocument();

	private final CjkFont fonts;

	private final CjkFont.Face face;

	private final CmapLookup cmap;

	private final float unitsPerEm;

	/**
	 * What each page shows, drawn when the document is saved: only then is all its text known, so the font can be
	 * cut down to those characters before PDFBox sees it. Handing PDFBox the whole 30,000-glyph face (even to
	 * embed a subset) made it build a width table of every glyph in every document — most of a certificate's CPU.
	 */
	private final List<Page> pages = new ArrayList<>();

	private final java.util.SortedSet<Integer> codePoints = new java.util.TreeSet<>();

	private float y;

	private record Page(PDPage page, List<Drawing> drawings) {
	}

	private sealed interface Drawing {
	}

	private record Text(String text, float x, float y, float size) implements Drawing {
	}

	private record Picture(PDImageXObject image, float x, float y, float size) implements Drawing {
	}

	PdfLayout(CjkFont fonts, String title, String subject, Calendar created) throws IOException {
		this.fonts = fonts;
		this.face = fonts.borrow();
		this.cmap = face.font().getUnicodeCmapLookup();
		this.unitsPerEm = face.font().getUnitsPerEm();
		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle(title);
		info.setSubject(subject);
		info.setCreator("Hetao e-Station");
		info.setProducer("Hetao e-Station");
		info.setCreationDate(created);
		newPage();
	}

	private void newPage() {
		PDPage page = new PDPage(PDRectangle.A4);
		document.addPage(page);
		pages.add(new Page(page, new ArrayList<>()));
		y = PDRectangle.A4.getHeight() - MARGIN;
	}

	private List<Drawing> drawings() {
		return pages.get(pages.size() - 1).drawings();
	}

	private void ensure(float height) throws IOException {
		if (y - height < MARGIN) {
			newPage();
		}
	}

	/** The advance of the text in the face's own metrics, as PDFBox measures an embedded TrueType font. */
	private float width(String text, float size) throws IOException {
		float units = 0;
		for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
			units += face.font().getAdvanceWidth(cmap.getGlyphId(text.codePointAt(i)));
		}
		return units / unitsPerEm * size;
	}

	private void text(String text, float x, float size) {
		text.codePoints().forEach(codePoints::add);
		drawings().add(new Text(text, x, y, size));
	}

	/** A centred heading. */
	PdfLayout title(String text, float size) throws IOException {
		ensure(size * 2);
		y -= size;
		text(text, MARGIN + Math.max(0, (WIDTH - width(text, size)) / 2), size);
		y -= size;
		return this;
	}

	PdfLayout heading(String text) throws IOException {
		y -= 6;
		return paragraph(text, 13, 0);
	}

	PdfLayout paragraph(String text) throws IOException {
		return paragraph(text, 11, 0);
	}

	/** {@code label：value} (or {@code label: value}), the value wrapped under itself. */
	PdfLayout field(String label, String value) throws IOException {
		float size = 11;
		// a full-width colon after a Chinese label, a colon and a space after a Latin one
		String prefix = label + (!label.isEmpty() && label.codePointBefore(label.length()) < 0x2E80 ? ": " : "：");
		float indent = Math.min(width(prefix, size), WIDTH / 2);
		List<String> lines = wrap(value == null ? "" : value, size, WIDTH - indent);
		ensure(size * 1.6f * lines.size());
		y -= size * 1.6f;
		text(prefix, MARGIN, size);
		for (int i = 0; i < lines.size(); i++) {
			if (i > 0) {
				y -= size * 1.6f;
			}
			text(lines.get(i), MARGIN + indent, size);
		}
		return this;
	}

	/** Numbered list items, wrapped with a hanging indent. */
	PdfLayout numbered(List<String> items) throws IOException {
		for (int i = 0; i < items.size(); i++) {
			String number = (i + 1) + ". ";
			float size = 11;
			float indent = width("00. ", size);
			List<String> lines = wrap(items.get(i), size, WIDTH - indent);
			for (int l = 0; l < lines.size(); l++) {
				ensure(size * 1.6f);
				y -= size * 1.6f;
				if (l == 0) {
					text(number, MARGIN, size);
				}
				text(lines.get(l), MARGIN + indent, size);
			}
		}
		return this;
	}

	PdfLayout paragraph(String text, float size, float indent) throws IOException {
		for (String line : wrap(text, size, WIDTH - indent)) {
			ensure(size * 1.6f);
			y -= size * 1.6f;
			text(line, MARGIN + indent, size);
		}
		return this;
	}

	PdfLayout space(float points) {
		y -= points;
		return this;
	}

	private static boolean blackAndWhite(BufferedImage image) {
		return image.getType() == BufferedImage.TYPE_BYTE_BINARY && image.getColorModel().getPixelSize() == 1
				&& image.getRaster().getDataBuffer() instanceof DataBufferByte && image.getColorModel().getRGB(0) == 0xFF000000
				&& image.getColorModel().getRGB(1) == 0xFFFFFFFF;
	}

	/**
	 * A 1-bit image as it is in memory: its packed rows (0 black, 1 white, each row padded to a whole byte)
	 * are what a 1-bit DeviceGray image holds. {@link LosslessFactory} reads and writes it pixel by pixel.
	 */
	private PDImageXObject bilevel(BufferedImage image) throws IOException {
		byte[] raw = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
		ByteArrayOutputStream deflated = new ByteArrayOutputStream(raw.length / 4);
		try (DeflaterOutputStream out = new DeflaterOutputStream(deflated)) {
			out.write(raw, 0, (image.getWidth() + 7) / 8 * image.getHeight());
		}
		return new PDImageXObject(document, new ByteArrayInputStream(deflated.toByteArray()), COSName.FLATE_DECODE,
				image.getWidth(), image.getHeight(), 1, PDDeviceGray.INSTANCE);
	}

	/** An image of {@code size} points square at the right margin, with a caption under it. */
	PdfLayout image(BufferedImage image, float size, String caption) throws IOException {
		ensure(size + 30);
		PDImageXObject xobject = blackAndWhite(image) ? bilevel(image) : LosslessFactory.createFromImage(document, image);
		y -= size + 8;
		drawings().add(new Picture(xobject, MARGIN + WIDTH - size, y, size));
		if (caption != null) {
			float captionSize = 8;
			for (String line : wrap(caption, captionSize, WIDTH)) {
				y -= captionSize * 1.5f;
				text(line, MARGIN + WIDTH - Math.min(WIDTH, width(line, captionSize)), captionSize);
			}
		}
		return this;
	}

	/** Splits at spaces where the text has them (Latin), else between any two characters (Chinese). */
	List<String> wrap(String text, float size, float max) throws IOException {
		List<String> lines = new ArrayList<>();
		for (String paragraph : text.split("\n", -1)) {
			StringBuilder line = new StringBuilder();
			int i = 0;
			while (i < paragraph.length()) {
				int end = i + Character.charCount(paragraph.codePointAt(i));
				// take a whole Latin word at once
				if (Character.isLetterOrDigit(paragraph.codePointAt(i)) && paragraph.codePointAt(i) < 0x2E80) {
					while (end < paragraph.length() && paragraph.codePointAt(end) < 0x2E80
							&& !Character.isWhitespace(paragraph.codePointAt(end))) {
						end += Character.charCount(paragraph.codePointAt(end));
					}
				}
				String piece = paragraph.substring(i, end);
				if (line.length() > 0 && width(line + piece, size) > max) {
					lines.add(line.toString().stripTrailing());
					line.setLength(0);
					if (piece.isBlank()) {
						i = end;
						continue;
					}
				}
				if (width(piece, size) > max) {
					// a single unbreakable piece wider than the line: break it by characters
					for (int c = 0; c < piece.length(); c += Character.charCount(piece.codePointAt(c))) {
						String ch = new String(Character.toChars(piece.codePointAt(c)));
						if (line.length() > 0 && width(line + ch, size) > max) {
							lines.add(line.toString());
							line.setLength(0);
						}
						line.append(ch);
					}
				}
				else {
					line.append(piece);
				}
				i = end;
			}
			lines.add(line.toString().stripTrailing());
		}
		return lines;
	}

	/**
	 * Cuts the face down to the document's characters, embeds that (a few kilobytes, with widths and a ToUnicode map
	 * of those characters only), draws every page and saves.
	 */
	byte[] toBytes() throws IOException {
		ByteArrayOutputStream subset = new ByteArrayOutputStream();
		TTFSubsetter subsetter = new TTFSubsetter(face.font());
		subsetter.addAll(codePoints);
		subsetter.writeToStream(subset);
		PDType0Font font = PDType0Font.load(document, new ByteArrayInputStream(subset.toByteArray()), true);
		for (Page page : pages) {
			try (PDPageContentStream stream = new PDPageContentStream(document, page.page())) {
				for (Drawing drawing : page.drawings()) {
					if (drawing instanceof Text t) {
						stream.beginText();
						stream.setFont(font, t.size());
						stream.newLineAtOffset(t.x(), t.y());
						stream.showText(t.text());
						stream.endText();
					}
					else if (drawing instanceof Picture p) {
						stream.drawImage(p.image(), p.x(), p.y(), p.size(), p.size());
					}
				}
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.save(out);
		return out.toByteArray();
	}

	@Override
	public void close() throws IOException {
		document.close();
		fonts.release(face);
	}

}
