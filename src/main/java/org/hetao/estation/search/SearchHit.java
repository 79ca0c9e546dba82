package org.hetao.estation.search;

/**
 * One hit, in the requested language.
 *
 * @param snippetHtml an extract of the body, HTML-escaped, with the matched words in {@code <mark>}
 */
public record SearchHit(SearchType type, String code, String title, String snippetHtml, float score, String url) {
}
