package org.hetao.estation.catalog.internal;

import java.util.List;

import org.hetao.estation.catalog.Department;
import org.hetao.estation.catalog.Matter;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.shared.LocalizedText;

/**
 * A whole catalogue as the data files (or an import) describe it: what is in it is active, anything
 * else is retired when it is applied.
 */
public record CatalogDocument(String version, LocalizedText notice, List<Category> themes, List<Category> domains,
		List<Department> departments, List<ServiceItem> items, List<Matter> matters) {

	public CatalogDocument {
		themes = List.copyOf(themes);
		domains = List.copyOf(domains);
		departments = List.copyOf(departments);
		items = List.copyOf(items);
		matters = List.copyOf(matters);
	}

	public CatalogDocument withVersion(String newVersion) {
		return new CatalogDocument(newVersion, notice, themes, domains, departments, items, matters);
	}

	/**
	 * A theme or a service domain with its texts; {@code code} is the enum constant's name. A theme names its
	 * picture ({@code image}, a file under {@code static/img/themes/}); a domain has none.
	 */
	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
	public record Category(String code, LocalizedText name, LocalizedText description, String image) {
	}

}
