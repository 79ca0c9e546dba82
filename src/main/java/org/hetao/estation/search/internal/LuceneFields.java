package org.hetao.estation.search.internal;

/** Names of the index fields. */
final class LuceneFields {

	static final String KEY = "key";

	static final String TYPE = "type";

	/**
	 * The type as an indexed term, so that a question that asks what to do can weigh the hits by type. A
	 * field of its own: an index written before holds {@link #TYPE} stored only, and Lucene refuses to
	 * index a field it already holds unindexed.
	 */
	static final String TYPE_TERM = "type_t";

	static final String CODE = "code";

	static final String URL = "url";

	static final String TITLE_WORDS = "t_zw";

	static final String TITLE_BIGRAMS = "t_zb";

	static final String TITLE_ENGLISH = "t_en";

	/** The synonyms of what the title holds (Chinese bigrams, English): scored as a title, lower. */
	static final String TITLE_SYNONYM_BIGRAMS = "ts_zb";

	static final String TITLE_SYNONYM_ENGLISH = "ts_en";

	static final String BODY_WORDS = "b_zw";

	static final String BODY_BIGRAMS = "b_zb";

	static final String BODY_ENGLISH = "b_en";

	/** Stored display text: {@code title.zh-Hant}, {@code body.en}… */
	static String title(String languageTag) {
		return "title." + languageTag;
	}

	static String body(String languageTag) {
		return "body." + languageTag;
	}

	private LuceneFields() {
	}

}
