package org.hetao.estation.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * The best hits by the ranking query among the strict matches: given as a sorted list when they are
 * all known, else looked up in the strict query as the ranking query meets documents. The ranking
 * query leads, so Lucene still skips the documents that cannot make the page; a document it offers is
 * kept only when it is a strict match, and only kept documents raise the bar.
 * With it, the two other ways to the strict matches: listing the first ones ({@link #firstMatches}) and scoring a
 * few one by one ({@link #scored}).
 */
final class StrictHits implements CollectorManager<Collector, TopDocs> {

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

	/** The given documents (sorted) scored by the (rewritten) query, best first, at most {@code limit}. */
	static ScoreDoc[] scored(IndexSearcher searcher, Query query, int[] sortedDocs, int limit) throws IOException {
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

	/** The first documents the weight's query matches, in index order, at most {@code limit} of them. */
	static int[] firstMatches(IndexSearcher searcher, Weight weight, int limit) throws IOException {
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

}
