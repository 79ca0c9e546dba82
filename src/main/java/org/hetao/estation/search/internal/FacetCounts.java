package org.hetao.estation.search.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.hetao.estation.search.SearchFacets;
import org.hetao.estation.search.SearchResults.FacetCount;

/**
 * The search's facet counts, read from the sorted-set doc values of the hits only; the names of a segment's
 * ordinals are cached, as a segment never changes.
 */
final class FacetCounts {

	static final int MAX_FACET_VALUES = 30;

	/** Per segment (weakly, so merged-away segments drop out): the facet path of each ordinal, filled as met. */
	private final Map<IndexReader.CacheKey, String[]> ordinalLabels = java.util.Collections
		.synchronizedMap(new java.util.WeakHashMap<>());

	/**
	 * Facet counts over the given hits (the strict hits, the first {@link LuceneSearching#COUNTED_HITS} of them; else the
	 * candidates), read from the sorted-set doc values of those documents only.
	 */
	Map<String, List<FacetCount>> count(IndexSearcher searcher, int[] hitDocs) throws IOException {
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
						tally(counts, label(values, labels, ord), byOrdinal[ord]);
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
					tally(counts, label(values, labels, ords[a]), b - a);
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

	private static void tally(Map<String, Map<String, long[]>> counts, String path, long hits) {
		int delimiter = path.indexOf(FacetsConfig.DELIM_CHAR);
		if (delimiter > 0) {
			counts.computeIfAbsent(path.substring(0, delimiter), d -> new HashMap<>())
				.computeIfAbsent(path.substring(delimiter + 1), v -> new long[1])[0] += hits;
		}
	}

}
