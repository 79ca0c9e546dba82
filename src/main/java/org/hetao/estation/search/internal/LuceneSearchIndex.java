package org.hetao.estation.search.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.hetao.estation.search.Search;
import org.hetao.estation.search.SearchContributor;
import org.hetao.estation.search.SearchDocument;
import org.hetao.estation.search.SearchHit;
import org.hetao.estation.search.SearchIndexer;
import org.hetao.estation.search.SearchRequest;
import org.hetao.estation.search.SearchResults;
import org.hetao.estation.search.SearchSupplement;
import org.hetao.estation.search.SearchType;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.LocalizedText;

/**
 * The Lucene index behind {@link Search} and {@link SearchIndexer}: one writer (here, with {@link LuceneDocuments}
 * making what it writes), a searcher manager refreshed after every change, and the reading side in
 * {@link LuceneSearching}. Plain Java (no Spring) so
 * tests and the benchmark can run it on any {@link Directory}.
 */
public final class LuceneSearchIndex implements Search, SearchIndexer, Closeable {

	private static final String VERSION_KEY = "catalogVersion";

	private static final String ANALYSIS_KEY = "analysis";

	private static final String SOURCES_KEY = "sources";

	/** Changes when the fields or what goes into them change, so that an older index is rebuilt. */
	private static final String INDEX_LAYOUT = "7";

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final LuceneDocuments documents;

	private final LuceneSearching searching;

	private final SearchQueries queries;

	private final Synonyms synonyms;

	private final Supplier<Collection<SearchContributor>> contributors;

	public LuceneSearchIndex(Directory directory, OpenCcConverter converter, Synonyms synonyms,
			Supplier<Collection<SearchContributor>> contributors) {
		this(directory, converter, synonyms, QuestionWords.none(), contributors);
	}

	/** @param questionWords how a whole question is read ({@link QuestionWords}) */
	public LuceneSearchIndex(Directory directory, OpenCcConverter converter, Synonyms synonyms,
			QuestionWords questionWords, Supplier<Collection<SearchContributor>> contributors) {
		this.directory = directory;
		SearchAnalyzers plain = new SearchAnalyzers(converter, false);
		this.queries = new SearchQueries(plain, synonyms, questionWords);
		this.synonyms = synonyms;
		this.contributors = contributors;
		this.documents = new LuceneDocuments(converter, synonyms);
		try {
			// Chinese text is folded once in this.documents.toLucene(), so the writer needs the non-folding analyzers.
			IndexWriterConfig config = new IndexWriterConfig(plain.perField());
			config.setRAMBufferSizeMB(64);
			config.setCodec(new SearchCodec());
			config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
			this.writer = new IndexWriter(directory, config);
			this.searchers = new SearcherManager(writer, null);
			this.searching = new LuceneSearching(searchers, queries, new Snippets(new SearchAnalyzers(converter, true)),
					documents.facetsConfig(), this::waitForFirstBuild);
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
					writer.addDocument(this.documents.toLucene(document, supplements.getOrDefault(document.key(), List.of())));
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
				writer.updateDocument(new Term(LuceneFields.KEY, document.key()), this.documents.toLucene(document, List.of()));
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
			writer.updateDocument(new Term(LuceneFields.KEY, document.key()), this.documents.toLucene(document, supplements));
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







	// ---------------------------------------------------------------- searching

	@Override
	public SearchResults search(SearchRequest request) {
		return searching.search(request);
	}

	@Override
	public List<SearchHit> suggest(String prefix, Language language, int limit) {
		return searching.suggest(prefix, language, limit);
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


}
