package org.hetao.estation.search.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.store.Directory;
import org.hetao.estation.search.Search;
import org.hetao.estation.search.SearchContributor;
import org.hetao.estation.search.SearchDocument;
import org.hetao.estation.search.SearchFacets;
import org.hetao.estation.search.SearchHit;
import org.hetao.estation.search.SearchIndexer;
import org.hetao.estation.search.SearchRequest;
import org.hetao.estation.search.SearchResults;
import org.hetao.estation.search.SearchResults.FacetCount;
import org.hetao.estation.search.SearchSupplement;
import org.hetao.estation.search.SearchType;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.LocalizedText;
import org.hetao.estation.shared.Problem;

/**
 * The Lucene index behind {@link Search} and {@link SearchIndexer}: one writer, a searcher manager
 * refreshed after every change, facet counts from sorted-set doc values. Plain Java (no Spring) so
 * tests and the benchmark can run it on any {@link Directory}.
 */
public final class LuceneSearchIndex implements Search, SearchIndexer, Closeable {

	/** The body is stored for snippets only: its start is enough, and each hit reads it back. */
	private static final int BODY_STORED_LENGTH = 1000;

	private static final String VERSION_KEY = "catalogVersion";

	private static final String ANALYSIS_KEY = "analysis";

	private static final String SOURCES_KEY = "sources";

	/** Changes when the fields or what goes into them change, so that an older index is rebuilt. */
	private static final String INDEX_LAYOUT = "7";

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

	static final int MAX_FACET_VALUES = 30;

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final FacetsConfig facetsConfig = new FacetsConfig();

	/** Per segment (weakly, so merged-away segments drop out): the facet path of each ordinal, filled as met. */
	private final Map<IndexReader.CacheKey, String[]> ordinalLabels = java.util.Collections
		.synchronizedMap(new java.util.WeakHashMap<>());

	private final SearchAnalyzers indexAnalyzers;

	private final OpenCcConverter converter;

	private final SearchQueries queries;

	private final Synonyms synonyms;

	private final Snippets snippets;

	private final Supplier<Collection<SearchContributor>> contributors;

	public LuceneSearchIndex(Directory directory, OpenCcConverter converter, Synonyms synonyms,
			Supplier<Collection<SearchContributor>> contributors) {
		this(directory, converter, synonyms, QuestionWords.none(), contributors);
	}

	/** @param questionWords how a whole question is read ({@link QuestionWords}) */
	public LuceneSearchIndex(Directory directory, OpenCcConverter converter, Synonyms synonyms,
			QuestionWords questionWords, Supplier<Collection<SearchContributor>> contributors) {
		this.directory = directory;
		this.converter = converter;
		this.indexAnalyzers = new SearchAnalyzers(converter, true);
		SearchAnalyzers plain = new SearchAnalyzers(converter, false);
		this.queries = new SearchQueries(plain, synonyms, questionWords);
		this.synonyms = synonyms;
		this.snippets = new Snippets(indexAnalyzers);
		this.contributors = contributors;
		facetsConfig.setMultiValued(SearchFacets.APPLICANT_TYPE, true);
		facetsConfig.setMultiValued(SearchFacets.THEME, true);
		facetsConfig.setMultiValued(SearchFacets.KIND, true);
		facetsConfig.setMultiValued(SearchFacets.DOMAIN, true);
		facetsConfig.setMultiValued(SearchFacets.DEPARTMENT, true);
		try {
			// Chinese text is folded once in toLucene(), so the writer needs the non-folding analyzers.
			IndexWriterConfig config = new IndexWriterConfig(plain.perField());
			config.setRAMBufferSizeMB(64);
			config.setCodec(new SearchCodec());
			config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
			this.writer = new IndexWriter(directory, config);
			this.searchers = new SearcherManager(writer, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public SearchQueries queries() {
		return queries;
	}

	/**
	 * Closed while an index that was missing is built for the first time (at start-up the web server
	 * answers before that build is done): a search meanwhile waits for it, up to
	 * {@link #FIRST_BUILD_WAIT}, rather than find nothing. Null: open.
	 */
	private volatile java.util.concurrent.CountDownLatch firstBuild;

	static final java.time.Duration FIRST_BUILD_WAIT = java.time.Duration.ofSeconds(60);

	/** Before start-up: when the index is empty, searches are to wait for {@link #firstBuildDone()}. */
	public void awaitFirstBuildIfEmpty() {
		if (isEmpty()) {
			firstBuild = new java.util.concurrent.CountDownLatch(1);
		}
	}

	/** Whether searches are still waiting for the first build of a missing index. */
	public boolean firstBuildPending() {
		return firstBuild != null;
	}

	/** Set until the start-up check (built, rebuilt or kept the index) is over: the platform is not fully ready. */
	private volatile boolean startupCheckPending = true;

	/** Whether the start-up check of the index, done after readiness, is still to finish. */
	public boolean startupCheckPending() {
		return startupCheckPending;
	}

	/** The start-up check is over, the index built or kept: searches go ahead. */
	public void firstBuildDone() {
		startupCheckPending = false;
		java.util.concurrent.CountDownLatch latch = firstBuild;
		firstBuild = null;
		if (latch != null) {
			latch.countDown();
		}
	}

	private void waitForFirstBuild() {
		java.util.concurrent.CountDownLatch latch = firstBuild;
		if (latch != null) {
			try {
				latch.await(FIRST_BUILD_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Whether the index holds any document (false: it was missing or empty and needs a rebuild). */
	public boolean isEmpty() {
		return writer.getDocStats().numDocs == 0;
	}

	/**
	 * The catalogue version the items were last indexed from, or null, also when they were indexed
	 * with another analysis (synonyms are expanded into the index, so new synonyms need a rebuild).
	 */
	public String indexedCatalogVersion() {
		Map<String, String> data = new HashMap<>();
		writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
		return analysis().equals(data.get(ANALYSIS_KEY)) ? data.get(VERSION_KEY) : null;
	}

	public void setIndexedCatalogVersion(String version) {
		setIndexed(version, null);
	}

	/**
	 * Records what the index was built from: the catalogue version and the {@link #sourcesFingerprint() fingerprint}
	 * of the data, taken before the build (a change made during the build then rebuilds it at the next start).
	 */
	public void setIndexed(String catalogVersion, String sources) {
		writer.setLiveCommitData(Map.of(VERSION_KEY, catalogVersion == null ? "" : catalogVersion, ANALYSIS_KEY,
				analysis(), SOURCES_KEY, sources == null ? "" : sources).entrySet());
		commit();
	}

	/**
	 * The fingerprint of the data the index was last built from, or null when none was recorded or it was built with
	 * another analysis. Changes applied one by one since (an FAQ answer published) are not in it: the next start then
	 * finds other data than recorded and builds the index again, once.
	 */
	public String indexedSources() {
		Map<String, String> data = new HashMap<>();
		writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
		String sources = data.get(SOURCES_KEY);
		return analysis().equals(data.get(ANALYSIS_KEY)) && sources != null && !sources.isEmpty() ? sources : null;
	}

	/** The fingerprint of what the contributors would index now ({@link IndexedSources}). */
	public String sourcesFingerprint() {
		return IndexedSources.fingerprint(contributors.get());
	}

	/** What the indexed terms depend on besides the documents: the index layout and the synonyms. */
	private String analysis() {
		return INDEX_LAYOUT + "/" + synonyms.fingerprint();
	}

	// ---------------------------------------------------------------- indexing

	@Override
	public void index(SearchDocument document) {
		Map<String, List<LocalizedText>> supplements = supplements();
		update(document, supplements.getOrDefault(document.key(), List.of()));
		commit();
	}

	@Override
	public void remove(SearchType type, String code) {
		try {
			writer.deleteDocuments(new Term(LuceneFields.KEY, type.name() + ":" + code));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		commit();
	}

	@Override
	public void refresh(SearchType type, String code) {
		String key = type.name() + ":" + code;
		Map<String, List<LocalizedText>> supplements = supplements();
		for (SearchContributor contributor : contributors.get()) {
			for (SearchDocument document : contributor.documents()) {
				if (document.key().equals(key)) {
					update(document, supplements.getOrDefault(key, List.of()));
					commit();
					return;
				}
			}
		}
		remove(type, code);
	}

	@Override
	public synchronized int rebuild() {
		Map<String, List<LocalizedText>> supplements = supplements();
		int count = 0;
		try {
			writer.deleteAll();
			for (SearchContributor contributor : contributors.get()) {
				for (SearchDocument document : contributor.documents()) {
					writer.addDocument(toLucene(document, supplements.getOrDefault(document.key(), List.of())));
					count++;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		mergeAll();
		return count;
	}

	/**
	 * Adds many documents at once, without per-document commits, and merges the index into one segment
	 * (the benchmark grows the index with it).
	 */
	public void addAll(Iterable<SearchDocument> documents) {
		try {
			for (SearchDocument document : documents) {
				writer.updateDocument(new Term(LuceneFields.KEY, document.key()), toLucene(document, List.of()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		mergeAll();
	}

	/**
	 * After a bulk load: merges the index into one segment and commits. A query looks up each of its
	 * terms in every segment, and a bulk load leaves one segment per flush (ten at 100,000 documents,
	 * which made every query about twice as slow); later changes add small segments that Lucene's merge
	 * policy folds in as they come.
	 */
	private synchronized void mergeAll() {
		try {
			writer.forceMerge(1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		commit();
	}

	private Map<String, List<LocalizedText>> supplements() {
		Map<String, List<LocalizedText>> byKey = new HashMap<>();
		for (SearchContributor contributor : contributors.get()) {
			for (SearchSupplement supplement : contributor.supplements()) {
				byKey.computeIfAbsent(supplement.type().name() + ":" + supplement.code(), k -> new ArrayList<>())
					.add(supplement.text());
			}
		}
		return byKey;
	}

	private void update(SearchDocument document, List<LocalizedText> supplements) {
		try {
			writer.updateDocument(new Term(LuceneFields.KEY, document.key()), toLucene(document, supplements));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private synchronized void commit() {
		try {
			writer.commit();
			searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Document toLucene(SearchDocument source, List<LocalizedText> supplements) throws IOException {
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

	// ---------------------------------------------------------------- searching

	@Override
	public SearchResults search(SearchRequest request) {
		String normalized = validate(request.query());
		for (String dimension : request.filters().keySet()) {
			if (!SearchFacets.ALL.contains(dimension)) {
				throw Problem.invalid("search.filter.unknown", dimension);
			}
		}
		waitForFirstBuild();
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
				int[] strictDocs = firstMatches(searcher, strict, COUNTED_HITS + 1);
				if (strictDocs.length >= STRICT_ENOUGH) {
					// enough of them: only they are hits. A few are scored one by one; else they are ranked in
					// one pass of the ranking query that skips what cannot make the page (block-max MaxScore)
					// and keeps only strict matches (which, when they are rare among the documents that score
					// well, leaves it little to skip)
					boolean all = strictDocs.length <= COUNTED_HITS;
					best = strictDocs.length <= SCORED_ONE_BY_ONE ? scored(searcher, ranking, strictDocs, wanted)
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
						: Math.min(firstMatches(searcher, searcher.createWeight(ranking, ScoreMode.COMPLETE_NO_SCORES, 1f),
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
			Map<String, List<FacetCount>> facets = facets(searcher, facetDocs);
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

	@Override
	public List<SearchHit> suggest(String prefix, Language language, int limit) {
		if (prefix == null || prefix.isBlank() || prefix.length() > SearchRequest.MAX_QUERY_LENGTH) {
			return List.of();
		}
		String normalized = queries.normalize(prefix);
		if (normalized.isEmpty()) {
			return List.of();
		}
		waitForFirstBuild();
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

	/** The given documents (sorted) scored by the (rewritten) query, best first, at most {@code limit}. */
	private static ScoreDoc[] scored(IndexSearcher searcher, Query query, int[] sortedDocs, int limit) throws IOException {
		Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE, 1f);
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		List<ScoreDoc> scored = new ArrayList<>();
		int i = 0;
		while (i < sortedDocs.length) {
			LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sortedDocs[i], leaves));
			int end = leaf.docBase + leaf.reader().maxDoc();
			Scorer scorer = weight.scorer(leaf);
			DocIdSetIterator iterator = scorer == null ? null : scorer.iterator();
			for (; i < sortedDocs.length && sortedDocs[i] < end; i++) {
				int target = sortedDocs[i] - leaf.docBase;
				if (iterator != null && iterator.docID() < target) {
					iterator.advance(target);
				}
				if (iterator != null && iterator.docID() == target) {
					scored.add(new ScoreDoc(sortedDocs[i], scorer.score()));
				}
			}
		}
		scored.sort((a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
		return scored.subList(0, Math.min(limit, scored.size())).toArray(ScoreDoc[]::new);
	}

	/**
	 * The best hits by the ranking query among the strict matches: given as a sorted list when they are
	 * all known, else looked up in the strict query as the ranking query meets documents. The ranking
	 * query leads, so Lucene still skips the documents that cannot make the page; a document it offers is
	 * kept only when it is a strict match, and only kept documents raise the bar.
	 */
	private static final class StrictHits implements CollectorManager<Collector, TopDocs> {

		private final TopScoreDocCollectorManager top;

		private final int[] sortedDocs;

		private final Weight strict;

		StrictHits(int wanted, int[] sortedDocs, Weight strict) {
			this.top = new TopScoreDocCollectorManager(wanted, wanted);
			this.sortedDocs = sortedDocs;
			this.strict = strict;
		}

		@Override
		public Collector newCollector() throws IOException {
			return new Kept(top.newCollector());
		}

		/** The page's collector, offered only strict matches. */
		private final class Kept extends FilterCollector {

			Kept(Collector in) {
				super(in);
			}

			Collector page() {
				return in;
			}

			@Override
			public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
				Matches matches = matches(context);
				if (matches == null) {
					throw new CollectionTerminatedException(); // no strict match in this segment
				}
				return new FilterLeafCollector(super.getLeafCollector(context)) {
					@Override
					public void collect(int doc) throws IOException {
						if (matches.test(doc)) {
							super.collect(doc);
						}
					}
				};
			}

		}

		/** Whether a document of the segment (offered in order) is a strict match; null: none is. */
		private Matches matches(LeafReaderContext context) throws IOException {
			if (sortedDocs != null) {
				int base = context.docBase;
				return doc -> java.util.Arrays.binarySearch(sortedDocs, base + doc) >= 0;
			}
			Scorer scorer = strict.scorer(context);
			if (scorer == null) {
				return null;
			}
			TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
			DocIdSetIterator approximation = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
			return doc -> {
				if (approximation.docID() < doc) {
					approximation.advance(doc);
				}
				return approximation.docID() == doc && (twoPhase == null || twoPhase.matches());
			};
		}

		@SuppressWarnings({ "unchecked", "rawtypes" })
		@Override
		public TopDocs reduce(Collection<Collector> collectors) throws IOException {
			List inner = collectors.stream().map(c -> ((Kept) c).page()).toList();
			return top.reduce(inner);
		}

		private interface Matches {

			boolean test(int doc) throws IOException;

		}

	}

	/** The first documents the weight's query matches, in index order, at most {@code limit} of them. */
	private static int[] firstMatches(IndexSearcher searcher, Weight weight, int limit) throws IOException {
		int[] docs = new int[16];
		int n = 0;
		for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
			Scorer scorer = weight.scorer(leaf);
			if (scorer == null) {
				continue;
			}
			DocIdSetIterator iterator = scorer.iterator();
			Bits live = leaf.reader().getLiveDocs();
			for (int doc = iterator.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS && n < limit; doc = iterator.nextDoc()) {
				if (live == null || live.get(doc)) {
					if (n == docs.length) {
						docs = java.util.Arrays.copyOf(docs, n * 2);
					}
					docs[n++] = leaf.docBase + doc;
				}
			}
			if (n == limit) {
				break;
			}
		}
		return java.util.Arrays.copyOf(docs, n);
	}

	/**
	 * Facet counts over the given hits (the strict hits, the first {@link #COUNTED_HITS} of them; else the
	 * candidates), read from the sorted-set doc values of those documents only.
	 */
	private Map<String, List<FacetCount>> facets(IndexSearcher searcher, int[] hitDocs) throws IOException {
		Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
		if (hitDocs.length == 0) {
			return facets;
		}
		int[] docs = hitDocs;
		if (!sorted(docs)) {
			docs = docs.clone();
			java.util.Arrays.sort(docs);
		}
		Map<String, Map<String, long[]>> counts = new HashMap<>();
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		int i = 0;
		while (i < docs.length) {
			LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
			int end = leaf.docBase + leaf.reader().maxDoc();
			SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
			// a segment never changes: the names of its ordinals are looked up (decompressed) once, not per query
			IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
			long valueCount = values.getValueCount();
			String[] labels = core == null || valueCount > MAX_CACHED_ORDINALS ? null
					: ordinalLabels.computeIfAbsent(core.getKey(), k -> new String[(int) valueCount]);
			// the ordinals these hits carry, counted: in an array by ordinal when a segment has few, else
			// sorted and counted by runs (nothing sized by a segment's ordinals when they are many)
			int[] byOrdinal = valueCount <= MAX_CACHED_ORDINALS ? new int[(int) valueCount] : null;
			long[] ords = byOrdinal == null ? new long[256] : null;
			int n = 0;
			for (; i < docs.length && docs[i] < end; i++) {
				if (values.advanceExact(docs[i] - leaf.docBase)) {
					for (int k = 0, count = values.docValueCount(); k < count; k++) {
						long ord = values.nextOrd();
						if (byOrdinal != null) {
							byOrdinal[(int) ord]++;
						}
						else {
							if (n == ords.length) {
								ords = java.util.Arrays.copyOf(ords, n * 2);
							}
							ords[n++] = ord;
						}
					}
				}
			}
			if (byOrdinal != null) {
				for (int ord = 0; ord < byOrdinal.length; ord++) {
					if (byOrdinal[ord] > 0) {
						count(counts, label(values, labels, ord), byOrdinal[ord]);
					}
				}
			}
			else {
				java.util.Arrays.sort(ords, 0, n);
				for (int a = 0; a < n;) {
					int b = a;
					while (b < n && ords[b] == ords[a]) {
						b++;
					}
					count(counts, label(values, labels, ords[a]), b - a);
					a = b;
				}
			}
		}
		for (String dimension : SearchFacets.ALL) {
			Map<String, long[]> byValue = counts.get(dimension);
			if (byValue != null) {
				facets.put(dimension, byValue.entrySet().stream()
					.sorted(Map.Entry.<String, long[]>comparingByValue((a, b) -> Long.compare(b[0], a[0]))
						.thenComparing(Map.Entry.comparingByKey()))
					.limit(MAX_FACET_VALUES)
					.map(e -> new FacetCount(e.getKey(), e.getValue()[0]))
					.toList());
			}
		}
		return facets;
	}

	/** Up to this many ordinals in a segment, their names are cached and the hits counted in an array. */
	private static final int MAX_CACHED_ORDINALS = 1 << 16;

	private static boolean sorted(int[] docs) {
		for (int i = 1; i < docs.length; i++) {
			if (docs[i - 1] > docs[i]) {
				return false;
			}
		}
		return true;
	}

	/** The facet path ("dimension" + delimiter + value) of an ordinal, cached when {@code labels} is given. */
	private static String label(SortedSetDocValues values, String[] labels, long ord) throws IOException {
		String path = labels == null ? null : labels[(int) ord];
		if (path == null) {
			path = values.lookupOrd(ord).utf8ToString();
			if (labels != null) {
				labels[(int) ord] = path;
			}
		}
		return path;
	}

	private static void count(Map<String, Map<String, long[]>> counts, String path, long hits) {
		int delimiter = path.indexOf(FacetsConfig.DELIM_CHAR);
		if (delimiter > 0) {
			counts.computeIfAbsent(path.substring(0, delimiter), d -> new HashMap<>())
				.computeIfAbsent(path.substring(delimiter + 1), v -> new long[1])[0] += hits;
		}
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

	@Override
	public void close() throws IOException {
		searchers.close();
		writer.close();
		directory.close();
	}

	public static boolean indexExists(Directory directory) {
		try {
			return DirectoryReader.indexExists(directory);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private enum LanguageField {
		HANT(Language.ZH_HANT), HANS(Language.ZH_HANS), EN(Language.EN);

		private final Language language;

		LanguageField(Language language) {
			this.language = language;
		}
	}

}
