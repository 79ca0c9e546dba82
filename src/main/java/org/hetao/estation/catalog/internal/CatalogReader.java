package org.hetao.estation.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.hetao.estation.catalog.Department;
import org.hetao.estation.catalog.Matter;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.catalog.internal.CatalogDocument.Category;
import org.hetao.estation.shared.LocalizedText;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads catalogue data: the data files ({@code catalog.json}, {@code items/*.json}, {@code matters.json})
 * or one combined document (the JSON export). Every entry is read on its own, so one bad entry is
 * reported with its file, code and field while the others are still checked.
 */
public final class CatalogReader {

	static final List<String> ITEM_REQUIRED = List.of("code", "name", "description", "departmentCode", "domain",
			"theme", "kind", "applicantTypes", "materials", "fields", "legalLimitDays", "promisedLimitDays",
			"jurisdiction", "channels", "legalBasis", "appointmentRequired");

	static final List<String> MATTER_REQUIRED = List.of("code", "name", "description", "items");

	static final List<String> DEPARTMENT_REQUIRED = List.of("code", "name", "domain");

	private final JsonMapper json;

	private final ResourcePatternResolver resources;

	public CatalogReader(JsonMapper json) {
		this(json, new PathMatchingResourcePatternResolver());
	}

	public CatalogReader(JsonMapper json, ResourcePatternResolver resources) {
		this.json = json;
		this.resources = resources;
	}

	/** What was read, the faults found while reading, and where each item came from. */
	public record Read(CatalogDocument document, List<CatalogError> errors, List<String> itemSources) {

		public Read {
			itemSources = List.copyOf(itemSources);
		}

		/** Where the n-th item of the document comes from. */
		public String itemSource(int index) {
			return index < itemSources.size() ? itemSources.get(index) : "";
		}

	}

	/** Reads the data files under {@code location} (e.g. {@code classpath:catalog/} or {@code file:/etc/estation/catalog/}). */
	/**
	 * The version {@code catalog.json} at {@code location} declares, read without the items; null when the file is
	 * missing or unreadable (a full read then names the fault).
	 */
	public String version(String location) {
		Resource catalog = resources.getResource((location.endsWith("/") ? location : location + "/") + "catalog.json");
		if (!catalog.exists()) {
			return null;
		}
		JsonNode root = tree(catalog, "catalog.json", new Builder());
		JsonNode version = root == null ? null : root.get("version");
		return version == null || version.isNull() ? null : version.asString();
	}

	public Read readFiles(String location) {
		String base = location.endsWith("/") ? location : location + "/";
		Builder b = new Builder();
		Resource catalog = resources.getResource(base + "catalog.json");
		if (!catalog.exists()) {
			b.errors.add(CatalogError.of("catalog.json", "", "", "catalog.error.fileMissing", base + "catalog.json"));
		}
		else {
			JsonNode root = tree(catalog, "catalog.json", b);
			if (root != null) {
				readCatalog(root, "catalog.json", b);
			}
		}
		Resource[] itemFiles;
		try {
			itemFiles = resources.getResources(base + "items/*.json");
		}
		catch (IOException e) {
			itemFiles = new Resource[0];
		}
		Arrays.sort(itemFiles, Comparator.comparing(r -> String.valueOf(r.getFilename())));
		if (itemFiles.length == 0) {
			b.errors.add(CatalogError.of("items/", "", "", "catalog.error.fileMissing", base + "items/*.json"));
		}
		for (Resource file : itemFiles) {
			String src = "items/" + file.getFilename();
			JsonNode root = tree(file, src, b);
			if (root != null) {
				readItems(root.path("items"), src, b);
			}
		}
		Resource matters = resources.getResource(base + "matters.json");
		if (matters.exists()) {
			JsonNode root = tree(matters, "matters.json", b);
			if (root != null) {
				readMatters(root.path("matters"), "matters.json", b);
			}
		}
		return b.build();
	}

	/** Reads one combined document, as the JSON export writes it. */
	public Read readDocument(InputStream in, String source) {
		Builder b = new Builder();
		JsonNode root;
		try {
			root = json.readTree(in);
		}
		catch (JacksonException e) {
			b.errors.add(CatalogError.of(source, "", location(e), "catalog.error.unreadable", e.getOriginalMessage()));
			return b.build();
		}
		if (root == null || !root.isObject()) {
			b.errors.add(CatalogError.of(source, "", "", "catalog.error.notAnObject"));
			return b.build();
		}
		readCatalog(root, source, b);
		readItems(root.path("items"), source, b);
		readMatters(root.path("matters"), source, b);
		return b.build();
	}

	private JsonNode tree(Resource resource, String src, Builder b) {
		try (InputStream in = resource.getInputStream()) {
			JsonNode root = json.readTree(in);
			if (root == null || !root.isObject()) {
				b.errors.add(CatalogError.of(src, "", "", "catalog.error.notAnObject"));
				return null;
			}
			return root;
		}
		catch (JacksonException e) {
			b.errors.add(CatalogError.of(src, "", location(e), "catalog.error.unreadable", e.getOriginalMessage()));
			return null;
		}
		catch (IOException e) {
			b.errors.add(CatalogError.of(src, "", "", "catalog.error.unreadable", e.getMessage()));
			return null;
		}
	}

	private void readCatalog(JsonNode root, String src, Builder b) {
		JsonNode version = root.get("version");
		b.version = version == null || version.isNull() ? null : version.asString();
		b.notice = value(root.get("notice"), LocalizedText.class, src, "", "notice", b);
		b.themes.addAll(list(root.path("themes"), Category.class, src, "themes", List.of("code", "name", "description"), b));
		b.domains.addAll(list(root.path("domains"), Category.class, src, "domains", List.of("code", "name", "description"), b));
		b.departments.addAll(list(root.path("departments"), Department.class, src, "departments", DEPARTMENT_REQUIRED, b));
	}

	/**
	 * Reads items given as JSON objects (e.g. made from CSV rows) into the rest of an existing catalogue.
	 *
	 * @param sources where each node comes from, by position (e.g. {@code row 3})
	 */
	public Read readItems(List<JsonNode> nodes, List<String> sources, CatalogDocument rest) {
		Builder b = new Builder();
		b.version = rest.version();
		b.notice = rest.notice();
		b.themes.addAll(rest.themes());
		b.domains.addAll(rest.domains());
		b.departments.addAll(rest.departments());
		b.matters.addAll(rest.matters());
		for (int i = 0; i < nodes.size(); i++) {
			readItem(nodes.get(i), sources.get(i), "", b);
		}
		return b.build();
	}

	private void readItems(JsonNode items, String src, Builder b) {
		if (!items.isArray()) {
			b.errors.add(CatalogError.of(src, "", "items", "catalog.error.required"));
			return;
		}
		for (int i = 0; i < items.size(); i++) {
			readItem(items.get(i), src, "items[" + i + "]", b);
		}
	}

	private void readItem(JsonNode node, String src, String at, Builder b) {
		{
			String code = code(node);
			if (!complete(node, ITEM_REQUIRED, src, code, at, b)) {
				return;
			}
			ObjectNode copy = ((ObjectNode) node).deepCopy();
			copy.put("active", true);
			ServiceItem item = value(copy, ServiceItem.class, src, code, "", b);
			if (item != null) {
				b.items.add(item);
				b.itemSources.add(src);
			}
		}
	}

	private void readMatters(JsonNode matters, String src, Builder b) {
		if (matters.isMissingNode() || matters.isNull()) {
			return;
		}
		if (!matters.isArray()) {
			b.errors.add(CatalogError.of(src, "", "matters", "catalog.error.required"));
			return;
		}
		for (int i = 0; i < matters.size(); i++) {
			JsonNode node = matters.get(i);
			String code = code(node);
			if (!complete(node, MATTER_REQUIRED, src, code, "matters[" + i + "]", b)) {
				continue;
			}
			ObjectNode copy = ((ObjectNode) node).deepCopy();
			copy.put("active", true);
			for (String list : List.of("sharedFields", "outputMappings", "producedMaterials")) {
				if (!copy.has(list) || copy.get(list).isNull()) {
					copy.putArray(list);
				}
			}
			Matter matter = value(copy, Matter.class, src, code, "", b);
			if (matter != null) {
				b.matters.add(matter);
			}
		}
	}

	private <T> List<T> list(JsonNode array, Class<T> type, String src, String field, List<String> required, Builder b) {
		List<T> result = new ArrayList<>();
		if (!array.isArray()) {
			b.errors.add(CatalogError.of(src, "", field, "catalog.error.required"));
			return result;
		}
		for (int i = 0; i < array.size(); i++) {
			JsonNode node = array.get(i);
			String code = code(node);
			if (!complete(node, required, src, code, field + "[" + i + "]", b)) {
				continue;
			}
			T value = value(node, type, src, code, field + "[" + i + "]", b);
			if (value != null) {
				result.add(value);
			}
		}
		return result;
	}

	private boolean complete(JsonNode node, List<String> required, String src, String code, String at, Builder b) {
		if (!node.isObject()) {
			b.errors.add(CatalogError.of(src, code, at, "catalog.error.notAnObject"));
			return false;
		}
		boolean ok = true;
		for (String key : required) {
			if (!node.has(key) || node.get(key).isNull()) {
				b.errors.add(CatalogError.of(src, code, key, "catalog.error.required"));
				ok = false;
			}
		}
		return ok;
	}

	private <T> T value(JsonNode node, Class<T> type, String src, String code, String at, Builder b) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			b.errors.add(CatalogError.of(src, code, at, "catalog.error.required"));
			return null;
		}
		try {
			return json.treeToValue(node, type);
		}
		catch (JacksonException e) {
			String path = location(e);
			String field = at.isEmpty() ? path : path.isEmpty() ? at : at + "." + path;
			Throwable cause = e;
			while (cause.getCause() != null && cause.getCause() != cause) {
				cause = cause.getCause();
			}
			String reason = cause instanceof NullPointerException npe && npe.getMessage() != null
					&& npe.getMessage().contains("text is required") ? npe.getMessage() : e.getOriginalMessage();
			String key = reason != null && reason.contains("text is required") ? "catalog.error.textIncomplete"
					: "catalog.error.invalid";
			b.errors.add(CatalogError.of(src, code, field, key, shorten(reason)));
			return null;
		}
	}

	private static String code(JsonNode node) {
		JsonNode code = node == null ? null : node.get("code");
		return code == null || code.isNull() ? "" : code.asString();
	}

	/** The path of a Jackson failure as {@code materials[2].name}. */
	static String location(JacksonException e) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : e.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String shorten(String message) {
		if (message == null) {
			return "";
		}
		String firstLine = message.lines().findFirst().orElse("");
		return firstLine.length() > 300 ? firstLine.substring(0, 300) + "…" : firstLine;
	}

	private static final class Builder {

		String version;

		LocalizedText notice;

		final List<Category> themes = new ArrayList<>();

		final List<Category> domains = new ArrayList<>();

		final List<Department> departments = new ArrayList<>();

		final List<ServiceItem> items = new ArrayList<>();

		final List<Matter> matters = new ArrayList<>();

		final List<CatalogError> errors = new ArrayList<>();

		final List<String> itemSources = new ArrayList<>();

		Read build() {
			CatalogDocument doc = new CatalogDocument(version, notice, themes, domains, departments, items, matters);
			return new Read(doc, List.copyOf(errors), itemSources);
		}

	}

}
