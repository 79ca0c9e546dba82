package org.hetao.estation.search.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

import org.hetao.estation.search.SearchContributor;
import org.hetao.estation.search.SearchDocument;
import org.hetao.estation.search.SearchSupplement;

/**
 * A fingerprint of what the index is built from: every contributor's documents and supplements (catalogue items,
 * policies, organisations, FAQ answers…). Kept beside the index when it is built; a start that finds the same
 * fingerprint keeps the index instead of building it again, and any change of the data, the catalogue's or another
 * module's, rebuilds it. The order the contributors give things in does not count.
 */
final class IndexedSources {

	private IndexedSources() {
	}

	static String fingerprint(Collection<SearchContributor> contributors) {
		List<String> lines = new ArrayList<>();
		for (SearchContributor contributor : contributors) {
			for (SearchDocument d : contributor.documents()) {
				lines.add(String.join("\u0001", "D", d.key(), String.valueOf(d.title()), String.valueOf(d.body()),
						String.valueOf(d.keywords()), String.valueOf(d.url()), new TreeMap<>(d.facets()).toString()));
			}
			for (SearchSupplement s : contributor.supplements()) {
				lines.add(String.join("\u0001", "S", s.type().name(), s.code(), String.valueOf(s.text())));
			}
		}
		lines.sort(null);
		MessageDigest sha;
		try {
			sha = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		for (String line : lines) {
			sha.update(line.getBytes(StandardCharsets.UTF_8));
			sha.update((byte) '\n');
		}
		return HexFormat.of().formatHex(sha.digest());
	}

}
