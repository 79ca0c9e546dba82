package org.hetao.estation.search.internal;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;

/**
 * Lucene's default codec with stored fields compressed in small blocks (4 KB, at most 8 documents)
 * instead of blocks of up to 80 KB: every search reads back its ten hits' titles and texts, and a
 * big block is decompressed in full for each of them. The index is a little larger. Registered
 * under its name in {@code META-INF/services}, so Lucene finds it when it opens the index.
 */
public final class SearchCodec extends FilterCodec {

	public static final String NAME = "EStationSearch1";

	private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat(
			"EStationStoredFieldsSmallBlocks", CompressionMode.FAST, 4 * 1024, 8, 10);

	public SearchCodec() {
		super(NAME, new Lucene912Codec());
	}

	@Override
	public StoredFieldsFormat storedFieldsFormat() {
		return storedFields;
	}

}
