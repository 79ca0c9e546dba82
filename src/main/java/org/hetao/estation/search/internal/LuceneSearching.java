package org.hetao.estation.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.hetao.estation.search.SearchFacets;
import org.hetao.estation.search.SearchHit;
import org.hetao.estation.search.SearchRequest;
import org.hetao.estation.search.SearchResults;
import org.hetao.estation.search.SearchResults.FacetCount;
import org.hetao.estation.search.SearchType;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.Problem;

/**
 * The index's reading side: a query analysed, its strict hits found ({@link StrictHits}) or else its broad ones,
 * the page's hits read back with their snippets, and the facets counted ({@link FacetCounts}).
 */
final class LuceneSearching {

	/**
	 * Hits are counted exactly up to this many; past it the total is a lower bound (this many), and the
	 * facets count the first this many found. Every strict hit up to it is listed (in index order, unscored).
	 */
	static final int COUNTED_HITS = 1000;

	/**
	 * When too few documents match most of the words, the broad matches are the hits: their best this
	 * many (at least a page's worth) are found, and the facets count them.
	 */
	static final int CANDIDATES = 30;

	/**
	 * Up to this many strict hits are scored one by one (each a look-up in every term's list of
	 * documents) rather than found by a pass of the ranking query.
	 */
	static final int SCORED_ONE_BY_ONE = 300;

	/** The strict hits (most words matched) are used when there are at least this many. */
	static final int STRICT_ENOUGH = 5;

	private final SearcherManager searchers;

	private final SearchQueries queries;

	private final Snippets snippets;

	private final FacetsConfig facetsConfig;

	private final FacetCounts facetCounts = new FacetCounts();

	/** Waits, when the index is being built for the first time, until it is. */
	private final Runnable firstBuild;

	LuceneSearching(SearcherManager searchers, SearchQueries queries, Snippets snippets, FacetsConfig facetsConfig,
			Runnable firstBuild) {
		this.searchers = searchers;
		this.queries = queries;
		this.snippets = snippets;
		this.facetsConfig = facetsConfig;
		this.firstBuild = firstBuild;
	}

	SearchResults search(SearchRequest request) {
		String normalized = validate(request.query());
		for (String dimension : request.filters().keySet()) {
			if (!SearchFacets.ALL.contains(dimension)) {
				throw Problem.invalid("search.filter.unknown", dimension);
			}
		}
		firstBuild.run();
		IndexSearcher searcher = acquire();
		try {
			SearchQueries.Analysed analysed = queries.analyse(normalized);
			IndexReader reader = searcher.getIndexReader();
			int wanted = (request.page() + 1) * request.size();
			int candidates = Math.max(wanted, CANDIDATES);
			Query rankingTerms = queries.buildRanking(analysed, reader);
			// rewritten once, as it may run twice (a drill-down query builds its filters in its rewrite)
			Query ranking = searcher.rewrite(filtered(weighed(rankingTerms, analysed), request));
			Query requirement = queries.buildRequirement(analysed, reader);
			ScoreDoc[] best = null;
			long total = -1;
			int[] facetDocs = null;
			if (requirement != null) {
				// made once: it lists the strict matches, and past 1,000 tells the page's pass which are strict
				Weight strict = searcher.createWeight(searcher.rewrite(filtered(requirement, request)),
						ScoreMode.COMPLETE_NO_SCORES, 1f);
				// the documents that match most of the words, counted (and listed) up to a point
				int[] strictDocs = StrictHits.firstMatches(searcher, strict, COUNTED_HITS + 1);
				if (strictDocs.length >= STRICT_ENOUGH) {
					// enough of them: only they are hits. A few are scored one by one; else they are ranked in
					// one pass of the ranking query that skips what cannot make the page (block-max MaxScore)
					// and keeps only strict matches (which, when they are rare among the documents that score
					// well, leaves it little to skip)
					boolean all = strictDocs.length <= COUNTED_HITS;
					best = strictDocs.length <= SCORED_ONE_BY_ONE ? StrictHits.scored(searcher, ranking, strictDocs, wanted)
							: searcher.search(ranking, new StrictHits(wanted, all ? strictDocs : null,
									all ? null : strict))
								.scoreDocs;
					// beyond the count, the total is a lower bound and the facets count the first ones found
					total = Math.min(strictDocs.length, COUNTED_HITS);
					facetDocs = all ? strictDocs : java.util.Arrays.copyOf(strictDocs, COUNTED_HITS);
				}
			}
			if (total < 0) {
				// no strict hits to show: the broad matches are, counted up to a point
				TopDocs top = searcher.search(ranking, new TopScoreDocCollectorManager(candidates, candidates));
				best = top.scoreDocs;
				total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO ? top.totalHits.value
						: Math.min(StrictHits.firstMatches(searcher, searcher.createWeight(ranking, ScoreMode.COMPLETE_NO_SCORES, 1f),
								COUNTED_HITS + 1).length, COUNTED_HITS);
			}
			if (total < STRICT_ENOUGH) {
				// little found: try the synonyms of the query's words as typed in, parts of them matching too
				Query withVariants = queries.buildWithVariants(analysed, rankingTerms, reader);
				if (withVariants != null) {
					TopDocs more = searcher.search(filtered(weighed(withVariants, analysed), request),
							new TopScoreDocCollectorManager(candidates, COUNTED_HITS));
					if (more.totalHits.value > total) {
						best = more.scoreDocs;
						total = Math.min(more.totalHits.value, COUNTED_HITS);
						facetDocs = null;
					}
				}
			}
			if (facetDocs == null) {
				facetDocs = new int[best.length];
				for (int i = 0; i < best.length; i++) {
					facetDocs[i] = best[i].doc;
				}
			}
			Set<String> terms = analysed.highlightTerms();
			ScoreDoc[] page = java.util.Arrays.copyOfRange(best, Math.min(best.length, request.page() * request.size()),
					Math.min(best.length, wanted));
			List<SearchHit> hits = hits(searcher, page, 0, terms, request.language());
			Map<String, List<FacetCount>> facets = facetCounts.count(searcher, facetDocs);
			List<SearchHit> closest = List.of();
			if (total == 0) {
				TopDocs loose = searcher.search(queries.buildLoose(normalized), 5);
				closest = hits(searcher, loose.scoreDocs, 0, terms, request.language());
			}
			return new SearchResults(total, hits, facets, closest);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			release(searcher);
		}
	}

	/** A question that asks what to do is after a service item: items first, the other types lower. */
	private Query weighed(Query query, SearchQueries.Analysed analysed) {
		return analysed.whatToDo() ? queries.weighByType(query) : query;
	}

	private Query filtered(Query query, SearchRequest request) {
		if (request.filters().isEmpty()) {
			return query;
		}
		DrillDownQuery drillDown = new DrillDownQuery(facetsConfig, query);
		request.filters().forEach(drillDown::add);
		return drillDown;
	}

	List<SearchHit> suggest(String prefix, Language language, int limit) {
		if (prefix == null || prefix.isBlank() || prefix.length() > SearchRequest.MAX_QUERY_LENGTH) {
			return List.of();
		}
		String normalized = queries.normalize(prefix);
		if (normalized.isEmpty()) {
			return List.of();
		}
		firstBuild.run();
		IndexSearcher searcher = acquire();
		try {
			TopDocs top = searcher.search(queries.buildPrefix(normalized, searcher.getIndexReader()),
					Math.max(1, Math.min(limit, 20)));
			return hits(searcher, top.scoreDocs, 0, queries.highlightTerms(normalized), language);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			release(searcher);
		}
	}

	private String validate(String raw) {
		if (raw == null || raw.isBlank()) {
			throw Problem.invalid("search.query.blank");
		}
		if (raw.length() > SearchRequest.MAX_QUERY_LENGTH) {
			throw Problem.invalid("search.query.tooLong", SearchRequest.MAX_QUERY_LENGTH);
		}
		return queries.normalize(raw);
	}

	private List<SearchHit> hits(IndexSearcher searcher, ScoreDoc[] scoreDocs, int from, Set<String> terms,
			Language language) throws IOException {
		List<SearchHit> hits = new ArrayList<>();
		StoredFields stored = searcher.storedFields();
		// a Traditional text is marked where its Simplified twin (the same text, folded) holds the terms
		String twin = LuceneFields.body(Language.ZH_HANS.tag());
		Set<String> fields = new java.util.HashSet<>(List.of(LuceneFields.TYPE, LuceneFields.CODE, LuceneFields.URL,
				LuceneFields.title(language.tag()), LuceneFields.body(language.tag()), twin));
		for (int i = from; i < scoreDocs.length; i++) {
			// only the fields of the page's language (the others are skipped, not decoded)
			DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(fields);
			stored.document(scoreDocs[i].doc, visitor);
			Document doc = visitor.getDocument();
			String title = doc.get(LuceneFields.title(language.tag()));
			String body = doc.get(LuceneFields.body(language.tag()));
			hits.add(new SearchHit(SearchType.valueOf(doc.get(LuceneFields.TYPE)), doc.get(LuceneFields.CODE), title,
					snippets.highlight(body, language == Language.ZH_HANT ? doc.get(twin) : null, terms, language),
					scoreDocs[i].score, doc.get(LuceneFields.URL)));
		}
		return hits;
	}

	private IndexSearcher acquire() {
		try {
			return searchers.acquire();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void release(IndexSearcher searcher) {
		try {
			searchers.release(searcher);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
