package org.hetao.estation.catalog.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hetao.estation.catalog.Department;
import org.hetao.estation.catalog.Matter;
import org.hetao.estation.catalog.ServiceDomain;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.catalog.internal.CatalogDocument.Category;
import org.hetao.estation.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue's tables. Applying a document upserts what it holds and retires (never deletes) what it
 * no longer holds; rows that did not change are not written.
 */
@Repository
class CatalogStore {

	private static final TypeReference<List<Category>> CATEGORIES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	CatalogStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.json = CatalogJson.MAPPER;
	}

	/** The stored catalogue's version and the version of the data files last applied. */
	record State(String version, String sourceVersion) {
	}

	/** What applying a document changed. */
	record Changes(int itemsAdded, int itemsUpdated, int itemsRetired, int mattersChanged, int departmentsChanged,
			boolean stateChanged) {

		boolean any() {
			return itemsAdded + itemsUpdated + itemsRetired + mattersChanged + departmentsChanged > 0 || stateChanged;
		}

	}

	/** Who last changed the catalogue, and when. */
	Optional<StoredCatalog.LastChange> lastChange() {
		return jdbc.sql("select version, source_version, changed_at, changed_by from catalog_state where id = 1")
			.query((rs, n) -> new StoredCatalog.LastChange(rs.getString(1), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
			.optional();
	}

	Optional<State> state() {
		return jdbc.sql("select version, source_version from catalog_state where id = 1")
			.query((rs, n) -> new State(rs.getString(1), rs.getString(2)))
			.optional();
	}

	/**
	 * Applies a whole document; call inside a transaction.
	 *
	 * @param expectedVersion the stored version this change was prepared against ({@code null}: whatever is
	 *        stored); when someone else changed the catalogue in between, nothing is written
	 * @return what changed, or empty when the stored version was not the expected one
	 */
	Optional<Changes> apply(CatalogDocument doc, String sourceVersion, String expectedVersion, String changedBy,
			Instant now) {
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		Optional<State> state = state();
		String themes = json.writeValueAsString(doc.themes());
		String domains = json.writeValueAsString(doc.domains());
		String notice = json.writeValueAsString(doc.notice());
		boolean stateChanged;
		if (state.isEmpty()) {
			jdbc.sql("""
					insert into catalog_state (id, version, source_version, notice, themes, domains, changed_at, changed_by)
					values (1, :version, :source, :notice, :themes, :domains, :at, :by)""")
				.param("version", doc.version())
				.param("source", sourceVersion)
				.param("notice", notice)
				.param("themes", themes)
				.param("domains", domains)
				.param("at", at)
				.param("by", changedBy)
				.update();
			stateChanged = true;
		}
		else {
			String expected = expectedVersion == null ? state.get().version() : expectedVersion;
			int updated = jdbc.sql("""
					update catalog_state set version = :version, source_version = :source, notice = :notice,
					       themes = :themes, domains = :domains, changed_at = :at, changed_by = :by
					where id = 1 and version = :expected""")
				.param("version", doc.version())
				.param("source", sourceVersion == null ? state.get().sourceVersion() : sourceVersion)
				.param("notice", notice)
				.param("themes", themes)
				.param("domains", domains)
				.param("at", at)
				.param("by", changedBy)
				.param("expected", expected)
				.update();
			if (updated == 0) {
				return Optional.empty();
			}
			stateChanged = true;
		}
		int departments = applyDepartments(doc);
		int[] items = applyItems(doc);
		int matters = applyMatters(doc);
		return Optional.of(new Changes(items[0], items[1], items[2], matters, departments, stateChanged));
	}

	private int applyDepartments(CatalogDocument doc) {
		Map<String, Stored<Department>> existing = new HashMap<>();
		jdbc.sql("select code, name, domain, partner, active from catalog_department").query(rs -> {
			Department d = new Department(rs.getString("code"), json.readValue(rs.getString("name"), LocalizedText.class),
					ServiceDomain.valueOf(rs.getString("domain")), rs.getBoolean("partner"));
			existing.put(d.code(), new Stored<>(d, rs.getBoolean("active")));
		});
		int changed = 0;
		Set<String> present = new HashSet<>();
		for (Department d : doc.departments()) {
			present.add(d.code());
			Stored<Department> old = existing.get(d.code());
			if (old != null && old.active() && old.value().equals(d)) {
				continue;
			}
			String sql = old == null ? """
					insert into catalog_department (code, domain, partner, active, version, name)
					values (:code, :domain, :partner, true, :version, :name)""" : """
					update catalog_department set domain = :domain, partner = :partner, active = true,
					       version = :version, name = :name where code = :code""";
			jdbc.sql(sql)
				.param("code", d.code())
				.param("domain", d.domain().name())
				.param("partner", d.partner())
				.param("version", doc.version())
				.param("name", json.writeValueAsString(d.name()))
				.update();
			changed++;
		}
		for (Stored<Department> old : existing.values()) {
			if (old.active() && !present.contains(old.value().code())) {
				jdbc.sql("update catalog_department set active = false, version = :version where code = :code")
					.param("version", doc.version())
					.param("code", old.value().code())
					.update();
				changed++;
			}
		}
		return changed;
	}

	private int[] applyItems(CatalogDocument doc) {
		Map<String, ServiceItem> existing = new HashMap<>();
		jdbc.sql("select data, active from catalog_item")
			.query(rs -> {
				ServiceItem item = CatalogJson.item(rs.getString("data"), rs.getBoolean("active"));
				existing.put(item.code(), item);
			});
		int added = 0;
		int updated = 0;
		int retired = 0;
		Set<String> present = new HashSet<>();
		for (ServiceItem item : doc.items()) {
			ServiceItem active = CatalogJson.withActive(item, true);
			present.add(item.code());
			ServiceItem old = existing.get(item.code());
			if (active.equals(old)) {
				continue;
			}
			String sql = old == null ? """
					insert into catalog_item (code, department_code, domain, theme, kind, active, version, data)
					values (:code, :department, :domain, :theme, :kind, true, :version, :data)""" : """
					update catalog_item set department_code = :department, domain = :domain, theme = :theme,
					       kind = :kind, active = true, version = :version, data = :data where code = :code""";
			jdbc.sql(sql)
				.param("code", item.code())
				.param("department", item.departmentCode())
				.param("domain", item.domain().name())
				.param("theme", item.theme().name())
				.param("kind", item.kind().name())
				.param("version", doc.version())
				.param("data", CatalogJson.write(active))
				.update();
			if (old == null) {
				added++;
			}
			else {
				updated++;
			}
		}
		for (ServiceItem old : existing.values()) {
			if (old.active() && !present.contains(old.code())) {
				jdbc.sql("update catalog_item set active = false, version = :version where code = :code")
					.param("version", doc.version())
					.param("code", old.code())
					.update();
				retired++;
			}
		}
		return new int[] { added, updated, retired };
	}

	private int applyMatters(CatalogDocument doc) {
		Map<String, Matter> existing = new HashMap<>();
		jdbc.sql("select data, active from catalog_matter").query(rs -> {
			Matter m = CatalogJson.matter(rs.getString("data"), rs.getBoolean("active"));
			existing.put(m.code(), m);
		});
		int changed = 0;
		Set<String> present = new HashSet<>();
		for (Matter matter : doc.matters()) {
			Matter active = CatalogJson.withActive(matter, true);
			present.add(matter.code());
			Matter old = existing.get(matter.code());
			if (active.equals(old)) {
				continue;
			}
			String sql = old == null ? """
					insert into catalog_matter (code, active, version, data) values (:code, true, :version, :data)""" : """
					update catalog_matter set active = true, version = :version, data = :data where code = :code""";
			jdbc.sql(sql)
				.param("code", matter.code())
				.param("version", doc.version())
				.param("data", CatalogJson.write(active))
				.update();
			changed++;
		}
		for (Matter old : existing.values()) {
			if (old.active() && !present.contains(old.code())) {
				jdbc.sql("update catalog_matter set active = false, version = :version where code = :code")
					.param("version", doc.version())
					.param("code", old.code())
					.update();
				changed++;
			}
		}
		return changed;
	}

	/** Everything stored, retired entries included. */
	CatalogSnapshot snapshot() {
		record Head(String version, String notice, String themes, String domains) {
		}
		Optional<Head> head = jdbc.sql("select version, notice, themes, domains from catalog_state where id = 1")
			.query((rs, n) -> new Head(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
		if (head.isEmpty()) {
			return CatalogSnapshot.EMPTY;
		}
		Set<String> activeDepartments = new HashSet<>();
		List<Department> departments = jdbc.sql("select code, name, domain, partner, active from catalog_department")
			.query((rs, n) -> {
				if (rs.getBoolean("active")) {
					activeDepartments.add(rs.getString("code"));
				}
				return new Department(rs.getString("code"), json.readValue(rs.getString("name"), LocalizedText.class),
						ServiceDomain.valueOf(rs.getString("domain")), rs.getBoolean("partner"));
			})
			.list();
		List<ServiceItem> items = jdbc.sql("select data, active from catalog_item")
			.query((rs, n) -> CatalogJson.item(rs.getString("data"), rs.getBoolean("active")))
			.list();
		List<Matter> matters = jdbc.sql("select data, active from catalog_matter")
			.query((rs, n) -> CatalogJson.matter(rs.getString("data"), rs.getBoolean("active")))
			.list();
		Head h = head.get();
		return new CatalogSnapshot(h.version(), json.readValue(h.notice(), LocalizedText.class),
				json.readValue(h.themes(), CATEGORIES), json.readValue(h.domains(), CATEGORIES), departments,
				activeDepartments, items, matters);
	}

	private record Stored<T>(T value, boolean active) {
	}

}
