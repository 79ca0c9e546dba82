package org.hetao.estation.documents;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts a PDF's pages and reads an image's width and height from the bytes, without a PDF or image library:
 * enough to refuse a document over the limits before it is stored. Plain Java, no Spring.
 */
final class UploadLimits {

	/** A page object ({@code /Type /Page}, not {@code /Pages}). */
	private static final Pattern PAGE = Pattern.compile("/Type\\s*/Page(?![A-Za-z])");

	/** A page tree's page count ({@code /Count n}); the largest one is the root's. */
	private static final Pattern COUNT = Pattern.compile("/Count\\s+(\\d{1,9})");

	private UploadLimits() {
	}

	/**
	 * The number of pages of a PDF: the larger of the page objects found and the page tree's count, so that
	 * neither a lying {@code /Count} nor pages hidden in compressed object streams go unnoticed.
	 */
	static int pdfPages(byte[] pdf) {
		String text = new String(pdf, StandardCharsets.ISO_8859_1);
		int objects = 0;
		Matcher page = PAGE.matcher(text);
		while (page.find()) {
			objects++;
		}
		int count = 0;
		Matcher c = COUNT.matcher(text);
		while (c.find()) {
			count = Math.max(count, Integer.parseInt(c.group(1)));
		}
		return Math.max(objects, count);
	}

	/** Width and height of a PNG or JPEG, if the header can be read. */
	static OptionalInt[] imageSize(byte[] b, String contentType) {
		if ("image/png".equals(contentType)) {
			// signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4)
			if (b.length >= 24 && b[12] == 'I' && b[13] == 'H' && b[14] == 'D' && b[15] == 'R') {
				return new OptionalInt[] { OptionalInt.of(int32(b, 16)), OptionalInt.of(int32(b, 20)) };
			}
		}
		else if ("image/jpeg".equals(contentType)) {
			int i = 2;
			while (i + 9 < b.length) {
				if ((b[i] & 0xFF) != 0xFF) {
					i++;
					continue;
				}
				int marker = b[i + 1] & 0xFF;
				if (marker == 0xFF) {
					i++;
					continue;
				}
				if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
					i += 2;
					continue;
				}
				int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
				boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
						&& marker != 0xCC;
				if (startOfFrame) {
					int height = ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF);
					int width = ((b[i + 7] & 0xFF) << 8) | (b[i + 8] & 0xFF);
					return new OptionalInt[] { OptionalInt.of(width), OptionalInt.of(height) };
				}
				if (length < 2) {
					break;
				}
				i += 2 + length;
			}
		}
		return new OptionalInt[] { OptionalInt.empty(), OptionalInt.empty() };
	}

	private static int int32(byte[] b, int at) {
		long v = ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8)
				| (b[at + 3] & 0xFF);
		return (int) Math.min(v, Integer.MAX_VALUE);
	}

}
