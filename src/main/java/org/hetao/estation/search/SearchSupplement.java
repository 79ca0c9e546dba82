package org.hetao.estation.search;

import org.hetao.estation.shared.LocalizedText;

/**
 * Searchable text a module adds to a document another module owns, e.g. a published FAQ answer
 * about an item. It is indexed with that document, not shown as a hit of its own.
 */
public record SearchSupplement(SearchType type, String code, LocalizedText text) {
}
