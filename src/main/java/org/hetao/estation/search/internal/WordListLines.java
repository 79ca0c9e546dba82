package org.hetao.estation.search.internal;

import java.util.List;

/** The lines of a word list (synonyms, question words) that say something: a {@code #} starts a comment, blank lines and spaces around are dropped. */
final class WordListLines {

	private WordListLines() {
	}

	static List<String> of(String text) {
		return text.lines().map(line -> {
			int hash = line.indexOf('#');
			return (hash >= 0 ? line.substring(0, hash) : line).trim();
		}).filter(content -> !content.isEmpty()).toList();
	}

}
