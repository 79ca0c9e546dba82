package org.hetao.estation.certificates;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.hetao.estation.shared.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The font the platform's PDFs are set in: a TrueType-outline font covering Traditional and Simplified
 * Chinese and Latin, embedded as a subset. By default WenQuanYi Micro Hei, shipped in the application
 * (Apache 2.0), so every machine produces the same PDF; {@code estation.certificates.font} names another
 * {@code .ttf} or {@code .ttc} file (the first face of a collection with the Chinese glyphs is used). A font without Chinese glyphs is refused (503 problem and an error in the log) rather
 * than printing empty boxes.
 */
@Component
class CjkFont {

	private static final Logger log = LoggerFactory.getLogger(CjkFont.class);

	static final String BUNDLED = "certificates/fonts/wqy-microhei.ttc";

	/** Characters a usable font must have: Traditional, Simplified, Latin. */
	private static final String PROBE = "證证書书回執A1";

	private final String configured;

	private volatile byte[] bytes;

	/**
	 * Parsed faces ready for the next document. Parsing the 5 MB collection took a large share of a
	 * certificate's CPU when it was done per document; a face serves one document at a time (PDFBox's font
	 * objects are not for concurrent use) and goes back here afterwards, so there are at most as many as
	 * documents ever rendered at once.
	 */
	private final java.util.concurrent.ConcurrentLinkedDeque<Face> idle = new java.util.concurrent.ConcurrentLinkedDeque<>();

	CjkFont(@Value("${estation.certificates.font:}") String configured) {
		this.configured = configured == null ? "" : configured.strip();
	}

	/** The font file's bytes, checked once. */
	byte[] bytes() {
		byte[] loaded = bytes;
		if (loaded == null) {
			synchronized (this) {
				if (bytes == null) {
					bytes = load();
				}
				loaded = bytes;
			}
		}
		return loaded;
	}

	private byte[] load() {
		String source = configured.isEmpty() ? "classpath:" + BUNDLED : configured;
		byte[] data;
		try {
			if (configured.isEmpty()) {
				try (InputStream in = new ClassPathResource(BUNDLED).getInputStream()) {
					data = in.readAllBytes();
				}
			}
			else {
				data = Files.readAllBytes(Path.of(configured));
			}
		}
		catch (IOException e) {
			log.error("No CJK font for PDF documents at {} (estation.certificates.font): {}", source, e.toString());
			throw new Problem(Problem.Kind.UNAVAILABLE, "certificates.error.noFont");
		}
		try (Face face = open(data)) {
			if (face.font() == null) {
				log.error("The PDF font {} has no face with glyphs for {}: configure a CJK TrueType font "
						+ "(estation.certificates.font)", source, PROBE);
				throw new Problem(Problem.Kind.UNAVAILABLE, "certificates.error.noFont");
			}
		}
		catch (IOException e) {
			log.error("The PDF font {} is not a TrueType font PDFBox can embed: {}", source, e.toString());
			throw new Problem(Problem.Kind.UNAVAILABLE, "certificates.error.noFont");
		}
		return data;
	}

	/** A parsed face for one document, from the idle ones or parsed now; give it back with {@link #release}. */
	Face borrow() throws IOException {
		Face face = idle.pollFirst();
		return face != null ? face : open(bytes());
	}

	/** The face is free for another document (the document that used it is closed). */
	void release(Face face) {
		idle.addFirst(face);
	}

	/** An open font file and its face with every {@link #PROBE} glyph ({@code null} if none); close after use. */
	record Face(java.io.Closeable file, TrueTypeFont font) implements java.io.Closeable {

		@Override
		public void close() throws IOException {
			file.close();
		}

	}

	/** Opens a .ttf or a .ttc (by its {@code ttcf} tag) and finds the face to use. */
	static Face open(byte[] data) throws IOException {
		boolean collection = data.length > 4 && data[0] == 't' && data[1] == 't' && data[2] == 'c' && data[3] == 'f';
		if (!collection) {
			TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(data));
			return new Face(font, covers(font) ? font : null);
		}
		TrueTypeCollection ttc = new TrueTypeCollection(new java.io.ByteArrayInputStream(data));
		TrueTypeFont[] found = new TrueTypeFont[1];
		ttc.processAllFonts(font -> {
			if (found[0] == null && covers(font)) {
				found[0] = font;
			}
		});
		return new Face(ttc, found[0]);
	}

	private static boolean covers(TrueTypeFont font) throws IOException {
		var cmap = font.getUnicodeCmapLookup(false);
		if (cmap == null) {
			return false;
		}
		for (int cp : PROBE.codePoints().toArray()) {
			if (cmap.getGlyphId(cp) == 0) {
				return false;
			}
		}
		return true;
	}

}
