package org.hetao.estation.catalog.web;

import java.util.List;
import java.util.Arrays;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.hetao.estation.catalog.Department;
import org.hetao.estation.catalog.FieldType;
import org.hetao.estation.catalog.Matter;
import org.hetao.estation.catalog.ServiceDomain;
import org.hetao.estation.catalog.Theme;
import org.hetao.estation.catalog.internal.CatalogSnapshot;
import org.hetao.estation.catalog.internal.ItemJson;
import org.hetao.estation.catalog.internal.ItemQuery;
import org.hetao.estation.catalog.internal.MatterPlan;
import org.hetao.estation.catalog.internal.StoredCatalog;
import org.hetao.estation.shared.LocalizedText;
import org.hetao.estation.shared.Problem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public catalogue API that integrators and the zone's other portals rely on: keep paths and shapes
 * stable. Texts are objects keyed by language tag, enums their upper-case codes. No sign-in needed.
 */
@RestController
@RequestMapping(path = "/api/v1/catalog", produces = "application/json")
@Tag(name = "Catalogue", description = "The zone's service catalogue: themes, service domains, departments, service items and matters (public, no sign-in)")
class CatalogApiController {

	private final StoredCatalog catalog;

	CatalogApiController(StoredCatalog catalog) {
		this.catalog = catalog;
	}

	record CategoryJson(String code, LocalizedText name, LocalizedText description, long itemCount) {
	}

	record DepartmentJson(String code, LocalizedText name, ServiceDomain domain, boolean partner, long itemCount) {
	}

	record MatterItemJson(String itemCode, LocalizedText name, String departmentCode, int promisedLimitDays,
			List<String> dependsOn, int stage, boolean onCriticalPath) {
	}

	record SharedFieldJson(String key, LocalizedText label, FieldType type, boolean required, String pattern,
			List<Matter.FieldTarget> targets) {
	}

	record MatterJson(String code, LocalizedText name, LocalizedText description, boolean active,
			List<MatterItemJson> items, List<SharedFieldJson> sharedFields, List<Matter.OutputMapping> outputMappings,
			List<Matter.ProducedMaterial> producedMaterials, List<String> criticalPath, int totalPromisedDays) {
	}

	record ItemPageJson(List<ItemJson> content, long totalElements, int page, int size) {
	}

	@GetMapping("/themes")
	@Operation(summary = "The four themes, with the number of active items in each")
	List<CategoryJson> themes() {
		CatalogSnapshot s = catalog.snapshot();
		return Arrays.stream(Theme.values())
			.flatMap(t -> s.theme(t).stream().map(c -> new CategoryJson(c.code(), c.name(), c.description(), s.itemCount(t))))
			.toList();
	}

	@GetMapping("/domains")
	@Operation(summary = "The eight service domains, with the number of active items in each")
	List<CategoryJson> domains() {
		CatalogSnapshot s = catalog.snapshot();
		return Arrays.stream(ServiceDomain.values())
			.flatMap(d -> s.domain(d).stream().map(c -> new CategoryJson(c.code(), c.name(), c.description(), s.itemCount(d))))
			.toList();
	}

	@GetMapping("/departments")
	@Operation(summary = "The departments and partner institutions serving the zone")
	List<DepartmentJson> departments() {
		CatalogSnapshot s = catalog.snapshot();
		return s.departments().stream().map(d -> department(s, d)).toList();
	}

	@GetMapping("/items")
	@Operation(summary = "Active service items, filtered and paged (page is zero-based, size 1–100, default 20)")
	@ApiResponse(responseCode = "200", description = "A page of items", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "400", description = "An unknown domain, theme, kind or applicant type, or a bad page or size")
	ItemPageJson items(
			@Parameter(description = "Service domain code, e.g. CUSTOMS") @RequestParam(required = false) String domain,
			@Parameter(description = "Theme code, e.g. BUSINESS_NEGOTIATION") @RequestParam(required = false) String theme,
			@Parameter(description = "Item kind: APPLICATION, CONSULTATION or EXCHANGE") @RequestParam(required = false) String kind,
			@Parameter(description = "Department code, e.g. customs") @RequestParam(required = false) String department,
			@Parameter(description = "Only items serving this applicant type, e.g. HK_RESIDENT") @RequestParam(required = false) String applicantType,
			@Parameter(description = "Zero-based page number") @RequestParam(required = false) String page,
			@Parameter(description = "Page size, 1 to 100") @RequestParam(required = false) String size) {
		ItemQuery query = ItemFilters.parse(domain, theme, department, applicantType, kind, page, size, 20);
		ItemQuery.Page<ItemJson> result = map(query.apply(catalog.items()));
		return new ItemPageJson(result.content(), result.totalElements(), result.page(), result.size());
	}

	@GetMapping("/items/{code}")
	@Operation(summary = "One service item with its materials, form fields and time limits (retired items too, with active=false)")
	@ApiResponse(responseCode = "200", description = "The item", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "404", description = "No item with this code")
	ItemJson item(@PathVariable String code) {
		return catalog.item(code)
			.map(i -> ItemJson.of(i, true))
			.orElseThrow(() -> Problem.notFound("catalog.item.notFound", code));
	}

	@GetMapping("/matters")
	@Operation(summary = "The active matters (一件事), each with its items, their dependencies and the critical path")
	List<MatterJson> matters() {
		return catalog.matters().stream().map(this::matter).toList();
	}

	@GetMapping("/matters/{code}")
	@Operation(summary = "One matter (retired ones too, with active=false)")
	@ApiResponse(responseCode = "200", description = "The matter", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "404", description = "No matter with this code")
	MatterJson matter(@PathVariable String code) {
		return catalog.matter(code).map(this::matter).orElseThrow(() -> Problem.notFound("catalog.matter.notFound", code));
	}

	private MatterJson matter(Matter m) {
		MatterPlan plan = MatterPlan.of(m, code -> catalog.item(code).orElse(null));
		List<MatterItemJson> items = plan.steps()
			.stream()
			.map(s -> new MatterItemJson(s.item().code(), s.item().name(), s.item().departmentCode(),
					s.item().promisedLimitDays(), s.dependsOn(), s.stage(), s.critical()))
			.toList();
		List<SharedFieldJson> shared = m.sharedFields()
			.stream()
			.map(f -> new SharedFieldJson(f.key(), f.label(), f.type(), f.required(), f.pattern(), f.targets()))
			.toList();
		return new MatterJson(m.code(), m.name(), m.description(), m.active(), items, shared, m.outputMappings(),
				m.producedMaterials(), plan.criticalPath(), plan.totalPromisedDays());
	}

	private static DepartmentJson department(CatalogSnapshot s, Department d) {
		return new DepartmentJson(d.code(), d.name(), d.domain(), d.partner(), s.itemCount(d.code()));
	}

	private static ItemQuery.Page<ItemJson> map(ItemQuery.Page<org.hetao.estation.catalog.ServiceItem> page) {
		return new ItemQuery.Page<>(page.content().stream().map(i -> ItemJson.of(i, true)).toList(), page.totalElements(),
				page.page(), page.size());
	}

}
