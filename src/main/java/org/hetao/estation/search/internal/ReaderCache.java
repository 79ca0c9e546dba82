package org.hetao.estation.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.util.IOFunction;

/**
 * What was found in one state of the index, remembered until it changes: a change makes a new reader,
 * and the cache starts over for it. Holds at most {@code capacity} entries; past that, what is not
 * remembered is found again each time.
 */
final class ReaderCache<K, V> {

	private record Entries<K, V>(IndexReader.CacheKey reader, Map<K, V> byKey) {
	}

	private final int capacity;

	private volatile Entries<K, V> entries;

	ReaderCache(int capacity) {
		this.capacity = capacity;
	}

	V get(IndexReader reader, K key, IOFunction<K, V> find) {
		try {
			IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
			if (helper == null) {
				return find.apply(key);
			}
			Entries<K, V> current = this.entries;
			if (current == null || current.reader() != helper.getKey()) {
				current = new Entries<>(helper.getKey(), new ConcurrentHashMap<>());
				this.entries = current;
			}
			V value = current.byKey().get(key);
			if (value == null) {
				value = find.apply(key);
				if (current.byKey().size() < capacity) {
					current.byKey().put(key, value);
				}
			}
			return value;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
