package org.hetao.estation.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.catalog.Department;
import org.hetao.estation.catalog.MaterialRequirement;
import org.hetao.estation.catalog.Matter;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.search.SearchContributor;
import org.hetao.estation.search.SearchDocument;
import org.hetao.estation.search.SearchFacets;
import org.hetao.estation.search.SearchType;
import org.hetao.estation.shared.LateBeans;
import org.hetao.estation.shared.LocalizedText;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The catalogue's active items and matters as search documents. */
@Component
class CatalogDocuments implements SearchContributor {

	private final Supplier<Optional<Catalog>> catalog;

	CatalogDocuments(ObjectProvider<Catalog> catalog) {
		this.catalog = LateBeans.optional(catalog);
	}

	String version() {
		Catalog c = catalog.get().orElse(null);
		return c == null ? null : c.version();
	}

	@Override
	public List<SearchDocument> documents() {
		Catalog c = catalog.get().orElse(null);
		if (c == null) {
			return List.of();
		}
		List<SearchDocument> documents = new ArrayList<>();
		for (ServiceItem item : c.items()) {
			documents.add(item(item, c.department(item.departmentCode()).orElse(null)));
		}
		for (Matter matter : c.matters()) {
			if (matter.active()) {
				documents.add(matter(matter, c));
			}
		}
		return documents;
	}

	static SearchDocument item(ServiceItem item, Department department) {
		List<LocalizedText> keywords = new ArrayList<>();
		if (department != null) {
			keywords.add(department.name());
		}
		item.materials().stream().map(MaterialRequirement::name).forEach(keywords::add);
		return new SearchDocument(SearchType.ITEM, item.code(), item.name(), item.description(), join(keywords),
				"/catalog/items/" + item.code(),
				Map.of(SearchFacets.DOMAIN, List.of(item.domain().name()), SearchFacets.THEME,
						List.of(item.theme().name()), SearchFacets.DEPARTMENT, List.of(item.departmentCode()),
						SearchFacets.KIND, List.of(item.kind().name()), SearchFacets.APPLICANT_TYPE,
						item.applicantTypes().stream().map(Enum::name).sorted().toList()));
	}

	static SearchDocument matter(Matter matter, Catalog catalog) {
		List<ServiceItem> items = matter.items().stream().map(i -> catalog.item(i.itemCode()))
			.flatMap(java.util.Optional::stream).toList();
		LocalizedText keywords = join(items.stream().map(ServiceItem::name).toList());
		return new SearchDocument(SearchType.MATTER, matter.code(), matter.name(), matter.description(), keywords,
				"/catalog/matters/" + matter.code(),
				Map.of(SearchFacets.DOMAIN, items.stream().map(i -> i.domain().name()).distinct().toList(),
						SearchFacets.THEME, items.stream().map(i -> i.theme().name()).distinct().toList(),
						SearchFacets.DEPARTMENT, items.stream().map(ServiceItem::departmentCode).distinct().toList(),
						SearchFacets.APPLICANT_TYPE, items.stream().flatMap(i -> i.applicantTypes().stream())
							.map(Enum::name).distinct().sorted().toList()));
	}

	private static LocalizedText join(List<LocalizedText> texts) {
		return LocalizedText.of(texts.stream().map(LocalizedText::zhHant).collect(Collectors.joining("；")),
				texts.stream().map(LocalizedText::zhHans).collect(Collectors.joining("；")),
				texts.stream().map(LocalizedText::en).collect(Collectors.joining("; ")));
	}

}
