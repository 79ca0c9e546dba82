package org.hetao.estation.catalog.internal;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hetao.estation.catalog.Department;
import org.hetao.estation.catalog.Matter;
import org.hetao.estation.catalog.ServiceDomain;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.catalog.Theme;
import org.hetao.estation.catalog.internal.CatalogDocument.Category;
import org.hetao.estation.shared.LocalizedText;

/**
 * The whole catalogue in memory, immutable: the {@code Catalog} serves every lookup from one of these and
 * swaps in a new one after a load or an import.
 */
public final class CatalogSnapshot {

	static final CatalogSnapshot EMPTY = new CatalogSnapshot("", LocalizedText.of("", "", ""), List.of(), List.of(),
			List.of(), Set.of(), List.of(), List.of());

	private final String version;

	private final LocalizedText notice;

	private final Map<Theme, Category> themes = new EnumMap<>(Theme.class);

	private final Map<ServiceDomain, Category> domains = new EnumMap<>(ServiceDomain.class);

	private final Map<String, Department> allDepartments;

	private final List<Department> departments;

	private final Map<String, ServiceItem> allItems;

	private final List<ServiceItem> items;

	private final Map<String, Matter> allMatters;

	private final List<Matter> matters;

	private final Map<ServiceDomain, Long> itemsPerDomain;

	private final Map<Theme, Long> itemsPerTheme;

	private final Set<String> activeDepartments;

	/**
	 * @param activeDepartments codes of the departments still in the catalogue (the record has no flag of its own)
	 */
	CatalogSnapshot(String version, LocalizedText notice, List<Category> themes, List<Category> domains,
			List<Department> allDepartments, Set<String> activeDepartments, List<ServiceItem> allItems,
			List<Matter> allMatters) {
		this.version = version;
		this.activeDepartments = Set.copyOf(activeDepartments);
		this.notice = notice;
		themes.forEach(c -> this.themes.put(Theme.valueOf(c.code()), c));
		domains.forEach(c -> this.domains.put(ServiceDomain.valueOf(c.code()), c));
		this.allDepartments = byCode(allDepartments, Department::code);
		this.allItems = byCode(allItems, ServiceItem::code);
		this.allMatters = byCode(allMatters, Matter::code);
		this.items = allItems.stream().filter(ServiceItem::active).sorted(Comparator.comparing(ServiceItem::code)).toList();
		this.matters = allMatters.stream().filter(Matter::active).sorted(Comparator.comparing(Matter::code)).toList();
		List<String> usedDepartments = items.stream().map(ServiceItem::departmentCode).distinct().toList();
		this.departments = allDepartments.stream()
			.filter(d -> activeDepartments.contains(d.code()) || usedDepartments.contains(d.code()))
			.sorted(Comparator.comparing((Department d) -> d.domain().ordinal()).thenComparing(Department::code))
			.toList();
		this.itemsPerDomain = new EnumMap<>(ServiceDomain.class);
		this.itemsPerTheme = new EnumMap<>(Theme.class);
		for (ServiceDomain d : ServiceDomain.values()) {
			itemsPerDomain.put(d, items.stream().filter(i -> i.domain() == d).count());
		}
		for (Theme t : Theme.values()) {
			itemsPerTheme.put(t, items.stream().filter(i -> i.theme() == t).count());
		}
	}

	private static <T> Map<String, T> byCode(List<T> list, Function<T, String> code) {
		return list.stream().collect(Collectors.toMap(code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
	}

	public String version() {
		return version;
	}

	public LocalizedText notice() {
		return notice;
	}

	public Optional<Category> theme(Theme theme) {
		return Optional.ofNullable(themes.get(theme));
	}

	public Optional<Category> domain(ServiceDomain domain) {
		return Optional.ofNullable(domains.get(domain));
	}

	public List<Category> themes() {
		return List.copyOf(themes.values());
	}

	public List<Category> domains() {
		return List.copyOf(domains.values());
	}

	/** Active departments (and retired ones still named by an active item), by domain then code. */
	public List<Department> departments() {
		return departments;
	}

	public Optional<Department> department(String code) {
		return Optional.ofNullable(code == null ? null : allDepartments.get(code));
	}

	/** Active items, by code. */
	public List<ServiceItem> items() {
		return items;
	}

	public Optional<ServiceItem> item(String code) {
		return Optional.ofNullable(code == null ? null : allItems.get(code));
	}

	public List<Matter> matters() {
		return matters;
	}

	public Optional<Matter> matter(String code) {
		return Optional.ofNullable(code == null ? null : allMatters.get(code));
	}

	public long itemCount(ServiceDomain domain) {
		return itemsPerDomain.getOrDefault(domain, 0L);
	}

	public long itemCount(Theme theme) {
		return itemsPerTheme.getOrDefault(theme, 0L);
	}

	public long itemCount(String departmentCode) {
		return items.stream().filter(i -> i.departmentCode().equals(departmentCode)).count();
	}

	/** The catalogue as a document, as the export writes it: active entries only. */
	public CatalogDocument toDocument() {
		return new CatalogDocument(version, notice, themes(), domains(), departments.stream()
			.filter(d -> activeDepartments.contains(d.code()))
			.toList(), items, matters);
	}

}
