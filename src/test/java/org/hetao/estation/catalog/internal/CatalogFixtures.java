package org.hetao.estation.catalog.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Copies of the small test catalogue (src/test/resources/catalog-fixtures/base) that a test may change. */
final class CatalogFixtures {

	static final Path BASE = Path.of("src/test/resources/catalog-fixtures/base");

	static final JsonMapper JSON = JsonMapper.builder().build();

	final Path dir;

	private CatalogFixtures(Path dir) {
		this.dir = dir;
	}

	static CatalogFixtures copy(Path target) {
		try (Stream<Path> files = Files.walk(BASE)) {
			for (Path p : files.toList()) {
				Path to = target.resolve(BASE.relativize(p).toString());
				if (Files.isDirectory(p)) {
					Files.createDirectories(to);
				}
				else {
					Files.copy(p, to);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new CatalogFixtures(target);
	}

	String location() {
		return dir.toUri().toString();
	}

	CatalogFixtures edit(String file, Consumer<ObjectNode> change) {
		Path path = dir.resolve(file);
		ObjectNode root = (ObjectNode) JSON.readTree(path);
		change.accept(root);
		JSON.writeValue(path.toFile(), root);
		return this;
	}

	CatalogFixtures version(String version) {
		return edit("catalog.json", root -> root.put("version", version));
	}

	/** Changes the item with this code, wherever it is. */
	CatalogFixtures item(String code, Consumer<ObjectNode> change) {
		for (String file : new String[] { "items/a-government.json", "items/b-other.json" }) {
			edit(file, root -> {
				for (JsonNode item : root.get("items")) {
					if (item.get("code").asString().equals(code)) {
						change.accept((ObjectNode) item);
					}
				}
			});
		}
		return this;
	}

	CatalogFixtures removeItem(String code) {
		for (String file : new String[] { "items/a-government.json", "items/b-other.json" }) {
			edit(file, root -> {
				ArrayNode items = (ArrayNode) root.get("items");
				for (int i = items.size() - 1; i >= 0; i--) {
					if (items.get(i).get("code").asString().equals(code)) {
						items.remove(i);
					}
				}
			});
		}
		return this;
	}

	CatalogFixtures matter(String code, Consumer<ObjectNode> change) {
		return edit("matters.json", root -> {
			for (JsonNode m : root.get("matters")) {
				if (m.get("code").asString().equals(code)) {
					change.accept((ObjectNode) m);
				}
			}
		});
	}

	static ObjectNode matterItem(ObjectNode matter, String itemCode) {
		for (JsonNode i : matter.get("items")) {
			if (i.get("itemCode").asString().equals(itemCode)) {
				return (ObjectNode) i;
			}
		}
		throw new IllegalArgumentException(itemCode);
	}

}
