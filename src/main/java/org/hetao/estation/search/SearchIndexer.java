package org.hetao.estation.search;

/**
 * Keeps the index current. Modules call it from their event listeners (not from business code) when
 * something searchable changed. Changes are visible to searches right after each call returns.
 */
public interface SearchIndexer {

	/** Adds or replaces the document (with the supplements contributors currently have for it). */
	void index(SearchDocument document);

	/** Removes the document, if indexed. */
	void remove(SearchType type, String code);

	/** Re-indexes one document from whichever contributor owns it (e.g. after its FAQ changed). */
	void refresh(SearchType type, String code);

	/** Throws the index away and builds it again from every contributor. Returns the number of documents. */
	int rebuild();

}
