/**
 * Search over everything the platform offers (items, matters, policies, organisations) in three
 * languages and both Chinese scripts; other modules contribute documents through
 * {@link org.hetao.estation.search.SearchContributor} and {@link org.hetao.estation.search.SearchIndexer}.
 */
package org.hetao.estation.search;
