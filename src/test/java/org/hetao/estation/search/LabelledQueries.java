package org.hetao.estation.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What the search quality tests share: their labelled files (a query, a tab, the comma-separated item codes that
 * answer it, and an optional third column) and the rank of the first labelled item among the hits.
 */
final class LabelledQueries {

	/** One line of a labelled file. */
	record Row(String query, Set<String> expected, String third) {
	}

	private LabelledQueries() {
	}

	static List<Row> read(String resource) throws IOException {
		try (InputStream in = LabelledQueries.class.getResourceAsStream(resource)) {
			List<Row> rows = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] parts = line.split("\t");
				rows.add(new Row(parts[0].trim(), Set.copyOf(Arrays.asList(parts[1].trim().split(","))),
						parts.length > 2 ? parts[2].trim() : ""));
			}
			return rows;
		}
	}

	/** The 1-based rank of the first item hit labelled for the query, 0 when none is among the hits. */
	static int rank(List<SearchHit> hits, Set<String> expected) {
		for (int i = 0; i < hits.size(); i++) {
			if (hits.get(i).type() == SearchType.ITEM && expected.contains(hits.get(i).code())) {
				return i + 1;
			}
		}
		return 0;
	}

}
