package org.hetao.estation.search.internal;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.hetao.estation.search.SearchDocument;
import org.hetao.estation.search.SearchFacets;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.LocalizedText;

/**
 * What the index writer is given for a {@link SearchDocument}: its stored fields, its searched fields (Chinese
 * folded once, here, with the synonyms of what it holds) and its facets.
 */
final class LuceneDocuments {

	/** The body is stored for snippets only: its start is enough, and each hit reads it back. */
	private static final int BODY_STORED_LENGTH = 1000;

	private final FacetsConfig facetsConfig = new FacetsConfig();

	private final OpenCcConverter converter;

	private final Synonyms synonyms;

	LuceneDocuments(OpenCcConverter converter, Synonyms synonyms) {
		this.converter = converter;
		this.synonyms = synonyms;
		facetsConfig.setMultiValued(SearchFacets.APPLICANT_TYPE, true);
		facetsConfig.setMultiValued(SearchFacets.THEME, true);
		facetsConfig.setMultiValued(SearchFacets.KIND, true);
		facetsConfig.setMultiValued(SearchFacets.DOMAIN, true);
		facetsConfig.setMultiValued(SearchFacets.DEPARTMENT, true);
	}

	/** How the facets are indexed, which a drill-down query needs to know too. */
	FacetsConfig facetsConfig() {
		return facetsConfig;
	}

	Document toLucene(SearchDocument source, List<LocalizedText> supplements) throws IOException {
		Document doc = new Document();
		doc.add(new StringField(LuceneFields.KEY, source.key(), Store.NO));
		doc.add(new StoredField(LuceneFields.TYPE, source.type().name()));
		doc.add(new StringField(LuceneFields.TYPE_TERM, source.type().name(), Store.NO));
		doc.add(new StoredField(LuceneFields.CODE, source.code()));
		if (source.url() != null) {
			doc.add(new StoredField(LuceneFields.URL, source.url()));
		}
		// the body fields hold the title too, so that what a document must match is looked up in one field
		StringBuilder zhBody = new StringBuilder(chinese(source.title())).append('\n').append(chinese(source.body()));
		StringBuilder enBody = new StringBuilder(source.title().en()).append('\n').append(source.body().en());
		for (LanguageField lf : LanguageField.values()) {
			doc.add(new StoredField(LuceneFields.title(lf.language.tag()), source.title().get(lf.language)));
			String body = source.body().get(lf.language);
			doc.add(new StoredField(LuceneFields.body(lf.language.tag()),
					body.length() > BODY_STORED_LENGTH ? body.substring(0, BODY_STORED_LENGTH) : body));
		}
		if (source.keywords() != null) {
			zhBody.append('\n').append(chinese(source.keywords()));
			enBody.append('\n').append(source.keywords().en());
		}
		for (LocalizedText supplement : supplements) {
			zhBody.append('\n').append(chinese(supplement));
			enBody.append('\n').append(supplement.en());
		}
		String zhTitle = chinese(source.title());
		String enTitle = source.title().en();
		StringBuilder zhTitleSynonyms = new StringBuilder();
		StringBuilder enTitleSynonyms = new StringBuilder();
		addSynonyms(zhTitle, enTitle, zhTitleSynonyms, enTitleSynonyms);
		addSynonyms(zhBody.toString(), enBody.toString(), zhBody, enBody);
		doc.add(new TextField(LuceneFields.TITLE_WORDS, zhTitle, Store.NO));
		doc.add(new TextField(LuceneFields.TITLE_BIGRAMS, zhTitle, Store.NO));
		doc.add(new TextField(LuceneFields.TITLE_ENGLISH, enTitle, Store.NO));
		if (!zhTitleSynonyms.isEmpty()) {
			doc.add(new TextField(LuceneFields.TITLE_SYNONYM_BIGRAMS, zhTitleSynonyms.toString(), Store.NO));
		}
		if (!enTitleSynonyms.isEmpty()) {
			doc.add(new TextField(LuceneFields.TITLE_SYNONYM_ENGLISH, enTitleSynonyms.toString(), Store.NO));
		}
		doc.add(new TextField(LuceneFields.BODY_WORDS, zhBody.toString(), Store.NO));
		doc.add(new TextField(LuceneFields.BODY_BIGRAMS, zhBody.toString(), Store.NO));
		doc.add(new TextField(LuceneFields.BODY_ENGLISH, enBody.toString(), Store.NO));
		doc.add(new SortedSetDocValuesFacetField(SearchFacets.TYPE, source.type().name()));
		source.facets().forEach((dimension, values) -> {
			if (!SearchFacets.TYPE.equals(dimension)) {
				values.stream().filter(v -> v != null && !v.isBlank()).distinct()
					.forEach(v -> doc.add(new SortedSetDocValuesFacetField(dimension, v)));
			}
		});
		return facetsConfig.build(doc);
	}

	/**
	 * Appends the synonyms of what the (folded) Chinese and English texts hold: Chinese ones to
	 * {@code zhOut}, the others to {@code enOut}, so that a query in any alternative finds the document.
	 */
	private void addSynonyms(String zh, String en, StringBuilder zhOut, StringBuilder enOut) {
		// " | " keeps an alternative from matching across the two texts
		for (String other : synonyms.expansions(Synonyms.basicNormalize(zh + " | " + en))) {
			(SearchQueries.isLatin(other) ? enOut : zhOut).append('\n').append(other);
		}
	}

	/**
	 * Both Chinese texts folded to Simplified, or one when they fold to the same text (most do), so
	 * terms are not counted twice.
	 */
	private String chinese(LocalizedText text) {
		String hant = converter.convert(text.zhHant());
		String hans = converter.convert(text.zhHans());
		return hant.equals(hans) ? hant : hant + "\n" + hans;
	}

	private enum LanguageField {
		HANT(Language.ZH_HANT), HANS(Language.ZH_HANS), EN(Language.EN);

		private final Language language;

		LanguageField(Language language) {
			this.language = language;
		}
	}

}
