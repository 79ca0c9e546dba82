package org.hetao.estation.search.internal;

import java.io.IOException;
import java.io.Reader;

import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Folds Traditional (incl. Hong Kong variants) Chinese to Simplified before tokenising, so that both
 * scripts produce the same terms. OpenCC maps code point for code point; where a mapping crosses
 * between the BMP and a supplementary plane the char offsets are corrected, so highlighting still
 * marks the original text.
 */
final class ChineseFoldingCharFilter extends BaseCharFilter {

	private final OpenCcConverter converter;

	private String folded;

	private int position;

	ChineseFoldingCharFilter(Reader in, OpenCcConverter converter) {
		super(in);
		this.converter = converter;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (folded == null) {
			fold();
		}
		if (position >= folded.length()) {
			return -1;
		}
		int n = Math.min(length, folded.length() - position);
		folded.getChars(position, position + n, buffer, offset);
		position += n;
		return n;
	}

	private void fold() throws IOException {
		StringBuilder original = new StringBuilder();
		char[] chunk = new char[1024];
		int read;
		while ((read = input.read(chunk)) != -1) {
			original.append(chunk, 0, read);
		}
		String source = original.toString();
		folded = converter.convert(source);
		if (folded.length() != source.length()
				&& folded.codePointCount(0, folded.length()) == source.codePointCount(0, source.length())) {
			int in = 0;
			int out = 0;
			int diff = 0;
			while (out < folded.length()) {
				int inCount = Character.charCount(source.codePointAt(in));
				int outCount = Character.charCount(folded.codePointAt(out));
				in += inCount;
				out += outCount;
				if (inCount != outCount) {
					diff += inCount - outCount;
					addOffCorrectMap(out, diff);
				}
			}
		}
	}

}
