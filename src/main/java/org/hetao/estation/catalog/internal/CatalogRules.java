package org.hetao.estation.catalog.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.hetao.estation.catalog.Department;
import org.hetao.estation.catalog.FieldType;
import org.hetao.estation.catalog.FormField;
import org.hetao.estation.catalog.ItemOutput;
import org.hetao.estation.catalog.MaterialRequirement;
import org.hetao.estation.catalog.Matter;
import org.hetao.estation.catalog.ServiceDomain;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.catalog.Theme;
import org.hetao.estation.catalog.internal.CatalogDocument.Category;
import org.hetao.estation.shared.LocalizedText;

/**
 * What makes a catalogue whole: every reference resolves, codes are unique, texts are in all three
 * languages, time limits are sane, and every matter's items form a DAG whose field and output mappings
 * name real fields and outputs. Checks everything and reports every fault, never just the first.
 */
public final class CatalogRules {

	static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");

	static final Pattern DEPARTMENT_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	static final Pattern FIELD_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

	static final Pattern TICKET = Pattern.compile("[A-Z]{1,3}");

	private final IntFunction<String> itemSource;

	private final String catalogSource;

	private final String matterSource;

	private final List<CatalogError> errors = new ArrayList<>();

	/**
	 * @param itemSource where an item comes from (its file or CSV row), by its position in the document
	 * @param catalogSource where themes, domains and departments come from
	 * @param matterSource where matters come from
	 */
	public CatalogRules(IntFunction<String> itemSource, String catalogSource, String matterSource) {
		this.itemSource = itemSource;
		this.catalogSource = catalogSource;
		this.matterSource = matterSource;
	}

	/** Every fault of the document; empty when it may be applied. */
	public List<CatalogError> check(CatalogDocument doc) {
		errors.clear();
		if (doc.version() == null || doc.version().isBlank()) {
			errors.add(CatalogError.of(catalogSource, "", "version", "catalog.error.required"));
		}
		else if (doc.version().length() > 64) {
			errors.add(CatalogError.of(catalogSource, "", "version", "catalog.error.tooLong", 64));
		}
		text(catalogSource, "", "notice", doc.notice());
		categories(doc.themes(), "themes", EnumSet.allOf(Theme.class).stream().map(Enum::name).toList());
		themeImages(doc.themes());
		categories(doc.domains(), "domains", EnumSet.allOf(ServiceDomain.class).stream().map(Enum::name).toList());
		Map<String, Department> departments = departments(doc.departments());
		Map<String, ServiceItem> items = items(doc.items(), departments);
		matters(doc.matters(), items);
		return List.copyOf(errors);
	}

	/** Where the themes' pictures are, on the class path (served under /img/themes/). */
	static final String THEME_IMAGES = "static/img/themes/";

	private static final java.util.regex.Pattern IMAGE = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,60}\\.svg");

	/** Every theme names its picture: a file name (no path) of a picture that is there. */
	private void themeImages(List<Category> themes) {
		for (int i = 0; i < themes.size(); i++) {
			Category c = themes.get(i);
			if (c == null || c.code() == null) {
				continue;
			}
			String at = "themes[" + i + "].image";
			if (c.image() == null || c.image().isBlank()) {
				errors.add(CatalogError.of(catalogSource, c.code(), at, "catalog.error.required"));
			}
			else if (!IMAGE.matcher(c.image()).matches()) {
				errors.add(CatalogError.of(catalogSource, c.code(), at, "catalog.error.codeFormat", c.image(), IMAGE.pattern()));
			}
			else if (CatalogRules.class.getClassLoader().getResource(THEME_IMAGES + c.image()) == null) {
				errors.add(CatalogError.of(catalogSource, c.code(), at, "catalog.error.imageMissing", c.image()));
			}
		}
	}

	private void categories(List<Category> list, String field, List<String> allowed) {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < list.size(); i++) {
			Category c = list.get(i);
			String at = field + "[" + i + "]";
			if (c == null || c.code() == null) {
				errors.add(CatalogError.of(catalogSource, "", at + ".code", "catalog.error.required"));
				continue;
			}
			if (!allowed.contains(c.code())) {
				errors.add(CatalogError.of(catalogSource, c.code(), at + ".code", "catalog.error.unknownValue", c.code(),
						String.join(", ", allowed)));
			}
			if (!seen.add(c.code())) {
				errors.add(CatalogError.of(catalogSource, c.code(), at + ".code", "catalog.error.duplicate", c.code()));
			}
			text(catalogSource, c.code(), at + ".name", c.name());
			text(catalogSource, c.code(), at + ".description", c.description());
		}
		for (String code : allowed) {
			if (!seen.contains(code)) {
				errors.add(CatalogError.of(catalogSource, code, field, "catalog.error.categoryMissing", code));
			}
		}
	}

	private Map<String, Department> departments(List<Department> list) {
		Map<String, Department> byCode = new HashMap<>();
		for (int i = 0; i < list.size(); i++) {
			Department d = list.get(i);
			String at = "departments[" + i + "]";
			if (d.code() == null || !DEPARTMENT_CODE.matcher(d.code()).matches()) {
				errors.add(CatalogError.of(catalogSource, d.code(), at + ".code", "catalog.error.codeFormat",
						String.valueOf(d.code()), DEPARTMENT_CODE.pattern()));
				continue;
			}
			if (byCode.putIfAbsent(d.code(), d) != null) {
				errors.add(CatalogError.of(catalogSource, d.code(), at + ".code", "catalog.error.duplicate", d.code()));
			}
			text(catalogSource, d.code(), "name", d.name());
			if (d.domain() == null) {
				errors.add(CatalogError.of(catalogSource, d.code(), "domain", "catalog.error.required"));
			}
		}
		return byCode;
	}

	private Map<String, ServiceItem> items(List<ServiceItem> list, Map<String, Department> departments) {
		Map<String, ServiceItem> byCode = new HashMap<>();
		Map<String, String> namesZh = new HashMap<>();
		Map<String, String> namesEn = new HashMap<>();
		for (int index = 0; index < list.size(); index++) {
			ServiceItem item = list.get(index);
			String code = item.code();
			String src = itemSource.apply(index);
			if (code == null || !CODE.matcher(code).matches()) {
				errors.add(CatalogError.of(src, code, "code", "catalog.error.codeFormat", String.valueOf(code),
						CODE.pattern()));
				continue;
			}
			if (byCode.putIfAbsent(code, item) != null) {
				errors.add(CatalogError.of(src, code, "code", "catalog.error.duplicate", code));
			}
			if (text(src, code, "name", item.name())) {
				String other = namesZh.putIfAbsent(item.name().zhHant().strip(), code);
				if (other != null && !other.equals(code)) {
					errors.add(CatalogError.of(src, code, "name", "catalog.error.nameTaken", item.name().zhHant(), other));
				}
				other = namesEn.putIfAbsent(item.name().en().strip().toLowerCase(java.util.Locale.ROOT), code);
				if (other != null && !other.equals(code)) {
					errors.add(CatalogError.of(src, code, "name", "catalog.error.nameTaken", item.name().en(), other));
				}
			}
			text(src, code, "description", item.description());
			text(src, code, "legalBasis", item.legalBasis());
			if (item.feeNote() != null) {
				text(src, code, "feeNote", item.feeNote());
			}
			if (item.departmentCode() == null || !departments.containsKey(item.departmentCode())) {
				errors.add(CatalogError.of(src, code, "departmentCode", "catalog.error.departmentUnknown",
						String.valueOf(item.departmentCode())));
			}
			required(src, code, "domain", item.domain());
			required(src, code, "theme", item.theme());
			required(src, code, "kind", item.kind());
			required(src, code, "jurisdiction", item.jurisdiction());
			if (item.applicantTypes().isEmpty()) {
				errors.add(CatalogError.of(src, code, "applicantTypes", "catalog.error.empty"));
			}
			if (item.channels().isEmpty()) {
				errors.add(CatalogError.of(src, code, "channels", "catalog.error.empty"));
			}
			if (item.legalLimitDays() < 0) {
				errors.add(CatalogError.of(src, code, "legalLimitDays", "catalog.error.negative"));
			}
			if (item.promisedLimitDays() < 0) {
				errors.add(CatalogError.of(src, code, "promisedLimitDays", "catalog.error.negative"));
			}
			if (item.dueSoonWorkingDays() != null && item.dueSoonWorkingDays() < 0) {
				errors.add(CatalogError.of(src, code, "dueSoonWorkingDays", "catalog.error.negative"));
			}
			if (item.promisedLimitDays() > item.legalLimitDays()) {
				errors.add(CatalogError.of(src, code, "promisedLimitDays", "catalog.error.promisedOverLegal",
						item.promisedLimitDays(), item.legalLimitDays()));
			}
			if (item.fee() != null) {
				fee(src, item);
			}
			if (item.ticketCategory() != null && !TICKET.matcher(item.ticketCategory()).matches()) {
				errors.add(CatalogError.of(src, code, "ticketCategory", "catalog.error.codeFormat", item.ticketCategory(),
						TICKET.pattern()));
			}
			materials(src, item);
			fields(src, code, item.fields());
			outputs(src, code, item.outputs());
		}
		return byCode;
	}

	/** A fee is more than nothing, in the currency of the department's side of the river, and its form asks what it needs. */
	private void fee(String src, ServiceItem item) {
		org.hetao.estation.catalog.Fee fee = item.fee();
		String code = item.code();
		if (fee.amount() <= 0) {
			errors.add(CatalogError.of(src, code, "fee.amount", "catalog.error.feeNotPositive"));
		}
		String expected = item.jurisdiction() == org.hetao.estation.shared.Jurisdiction.HK ? "HKD" : "CNY";
		if (!expected.equals(fee.currency())) {
			errors.add(CatalogError.of(src, code, "fee.currency", "catalog.error.feeCurrency", String.valueOf(fee.currency()),
					expected));
		}
		if (fee.basis() != org.hetao.estation.catalog.Fee.Basis.PER_APPLICATION) {
			boolean asked = fee.quantityField() != null && item.field(fee.quantityField())
				.filter(f -> f.type() == org.hetao.estation.catalog.FieldType.NUMBER && f.required())
				.isPresent();
			if (!asked) {
				errors.add(CatalogError.of(src, code, "fee.quantityField", "catalog.error.feeQuantity",
						String.valueOf(fee.quantityField())));
			}
		}
		if (fee.byAnswer() != null) {
			var choice = item.field(fee.byAnswer().field())
				.filter(f -> f.type() == org.hetao.estation.catalog.FieldType.SELECT && f.required());
			boolean complete = choice.isPresent() && choice.get()
				.options()
				.stream()
				.allMatch(o -> fee.byAnswer().amounts().getOrDefault(o.value(), 0L) > 0)
					&& fee.byAnswer().amounts().size() == choice.get().options().size();
			if (!complete) {
				errors.add(CatalogError.of(src, code, "fee.byAnswer", "catalog.error.feeByAnswer",
						String.valueOf(fee.byAnswer().field())));
			}
		}
	}

	private void materials(String src, ServiceItem item) {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < item.materials().size(); i++) {
			MaterialRequirement m = item.materials().get(i);
			String at = "materials[" + i + "]";
			if (m.code() == null || !CODE.matcher(m.code()).matches()) {
				errors.add(CatalogError.of(src, item.code(), at + ".code", "catalog.error.codeFormat", String.valueOf(m.code()),
						CODE.pattern()));
			}
			else if (!seen.add(m.code())) {
				errors.add(CatalogError.of(src, item.code(), at + ".code", "catalog.error.duplicate", m.code()));
			}
			text(src, item.code(), at + ".name", m.name());
			text(src, item.code(), at + ".description", m.description());
			if (m.originals() < 0 || m.copies() < 0) {
				errors.add(CatalogError.of(src, item.code(), at + (m.originals() < 0 ? ".originals" : ".copies"),
						"catalog.error.negative"));
			}
			if (m.originals() + m.copies() == 0) {
				errors.add(CatalogError.of(src, item.code(), at + ".copies", "catalog.error.noCopies"));
			}
			for (var type : m.applicantTypes()) {
				if (!item.applicantTypes().contains(type)) {
					errors.add(CatalogError.of(src, item.code(), at + ".applicantTypes", "catalog.error.typeNotServed",
							type.name()));
				}
			}
		}
	}

	private void fields(String src, String code, List<FormField> fields) {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < fields.size(); i++) {
			FormField f = fields.get(i);
			String at = "fields[" + i + "]";
			if (f.key() == null || !FIELD_KEY.matcher(f.key()).matches()) {
				errors.add(CatalogError.of(src, code, at + ".key", "catalog.error.codeFormat", String.valueOf(f.key()),
						FIELD_KEY.pattern()));
			}
			else if (!seen.add(f.key())) {
				errors.add(CatalogError.of(src, code, at + ".key", "catalog.error.duplicate", f.key()));
			}
			text(src, code, at + ".label", f.label());
			required(src, code, at + ".type", f.type());
			pattern(src, code, at + ".pattern", f.pattern());
			if (f.type() == FieldType.SELECT && f.options().isEmpty()) {
				errors.add(CatalogError.of(src, code, at + ".options", "catalog.error.empty"));
			}
			for (int o = 0; o < f.options().size(); o++) {
				var option = f.options().get(o);
				if (option.value() == null || option.value().isBlank()) {
					errors.add(CatalogError.of(src, code, at + ".options[" + o + "].value", "catalog.error.required"));
				}
				text(src, code, at + ".options[" + o + "].label", option.label());
			}
		}
	}

	private void outputs(String src, String code, List<ItemOutput> outputs) {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < outputs.size(); i++) {
			ItemOutput o = outputs.get(i);
			String at = "outputs[" + i + "]";
			if (o.key() == null || !FIELD_KEY.matcher(o.key()).matches()) {
				errors.add(CatalogError.of(src, code, at + ".key", "catalog.error.codeFormat", String.valueOf(o.key()),
						FIELD_KEY.pattern()));
			}
			else if (!seen.add(o.key())) {
				errors.add(CatalogError.of(src, code, at + ".key", "catalog.error.duplicate", o.key()));
			}
			text(src, code, at + ".label", o.label());
		}
	}

	private void matters(List<Matter> matters, Map<String, ServiceItem> items) {
		Set<String> seen = new HashSet<>();
		String src = matterSource;
		for (Matter m : matters) {
			String code = m.code();
			if (code == null || !CODE.matcher(code).matches()) {
				errors.add(CatalogError.of(src, code, "code", "catalog.error.codeFormat", String.valueOf(code), CODE.pattern()));
				continue;
			}
			if (!seen.add(code)) {
				errors.add(CatalogError.of(src, code, "code", "catalog.error.duplicate", code));
			}
			text(src, code, "name", m.name());
			text(src, code, "description", m.description());
			if (m.items().size() < 2) {
				errors.add(CatalogError.of(src, code, "items", "catalog.error.matterTooSmall"));
			}
			Set<String> inMatter = new HashSet<>();
			boolean graphSound = true;
			for (int i = 0; i < m.items().size(); i++) {
				var mi = m.items().get(i);
				String at = "items[" + i + "]";
				if (mi.itemCode() == null || !items.containsKey(mi.itemCode())) {
					errors.add(CatalogError.of(src, code, at + ".itemCode", "catalog.error.itemUnknown",
							String.valueOf(mi.itemCode())));
					graphSound = false;
				}
				else if (!inMatter.add(mi.itemCode())) {
					errors.add(CatalogError.of(src, code, at + ".itemCode", "catalog.error.duplicate", mi.itemCode()));
					graphSound = false;
				}
			}
			for (int i = 0; i < m.items().size(); i++) {
				var mi = m.items().get(i);
				for (int d = 0; d < mi.dependsOn().size(); d++) {
					String dep = mi.dependsOn().get(d);
					if (!inMatter.contains(dep)) {
						errors.add(CatalogError.of(src, code, "items[" + i + "].dependsOn[" + d + "]",
								"catalog.error.dependencyUnknown", String.valueOf(dep)));
						graphSound = false;
					}
				}
			}
			// a cycle is reported even when other references are broken: all faults at once
			MatterGraph whole = new MatterGraph(m);
			whole.cycle().ifPresent(cycle -> errors.add(
					CatalogError.of(src, code, "items", "catalog.error.cycle", String.join(" → ", cycle))));
			MatterGraph graph = graphSound ? whole : null;
			Set<String> sharedKeys = new HashSet<>();
			for (int i = 0; i < m.sharedFields().size(); i++) {
				var f = m.sharedFields().get(i);
				String at = "sharedFields[" + i + "]";
				if (f.key() == null || !FIELD_KEY.matcher(f.key()).matches()) {
					errors.add(CatalogError.of(src, code, at + ".key", "catalog.error.codeFormat", String.valueOf(f.key()),
							FIELD_KEY.pattern()));
				}
				else if (!sharedKeys.add(f.key())) {
					errors.add(CatalogError.of(src, code, at + ".key", "catalog.error.duplicate", f.key()));
				}
				text(src, code, at + ".label", f.label());
				required(src, code, at + ".type", f.type());
				pattern(src, code, at + ".pattern", f.pattern());
				if (f.targets().isEmpty()) {
					errors.add(CatalogError.of(src, code, at + ".targets", "catalog.error.empty"));
				}
				for (int t = 0; t < f.targets().size(); t++) {
					var target = f.targets().get(t);
					String tat = at + ".targets[" + t + "]";
					if (!inMatter.contains(target.itemCode())) {
						errors.add(CatalogError.of(src, code, tat + ".itemCode", "catalog.error.notInMatter",
								String.valueOf(target.itemCode())));
					}
					else if (items.get(target.itemCode()).field(target.fieldKey()).isEmpty()) {
						errors.add(CatalogError.of(src, code, tat + ".fieldKey", "catalog.error.fieldUnknown",
								target.itemCode(), String.valueOf(target.fieldKey())));
					}
				}
			}
			for (int i = 0; i < m.outputMappings().size(); i++) {
				var om = m.outputMappings().get(i);
				String at = "outputMappings[" + i + "]";
				boolean known = true;
				if (!inMatter.contains(om.fromItem())) {
					errors.add(CatalogError.of(src, code, at + ".fromItem", "catalog.error.notInMatter",
							String.valueOf(om.fromItem())));
					known = false;
				}
				else if (items.get(om.fromItem()).outputs().stream().noneMatch(o -> o.key().equals(om.outputKey()))) {
					errors.add(CatalogError.of(src, code, at + ".outputKey", "catalog.error.outputUnknown", om.fromItem(),
							String.valueOf(om.outputKey())));
				}
				if (!inMatter.contains(om.toItem())) {
					errors.add(CatalogError.of(src, code, at + ".toItem", "catalog.error.notInMatter",
							String.valueOf(om.toItem())));
					known = false;
				}
				else if (items.get(om.toItem()).field(om.toField()).isEmpty()) {
					errors.add(CatalogError.of(src, code, at + ".toField", "catalog.error.fieldUnknown", om.toItem(),
							String.valueOf(om.toField())));
				}
				if (known && graph != null && graph.cycle().isEmpty()
						&& !graph.dependsTransitively(om.toItem(), om.fromItem())) {
					errors.add(CatalogError.of(src, code, at, "catalog.error.outputOrder", om.toItem(), om.fromItem()));
				}
			}
			Set<String> produced = new HashSet<>();
			for (int i = 0; i < m.producedMaterials().size(); i++) {
				var pm = m.producedMaterials().get(i);
				String at = "producedMaterials[" + i + "]";
				if (!inMatter.contains(pm.fromItem())) {
					errors.add(CatalogError.of(src, code, at + ".fromItem", "catalog.error.notInMatter",
							String.valueOf(pm.fromItem())));
					continue;
				}
				if (!produced.add(String.valueOf(pm.materialCode()))) {
					errors.add(CatalogError.of(src, code, at + ".materialCode", "catalog.error.duplicate",
							String.valueOf(pm.materialCode())));
					continue;
				}
				List<String> needing = m.items()
					.stream()
					.map(Matter.MatterItem::itemCode)
					.filter(c -> items.containsKey(c)
							&& items.get(c).materials().stream().anyMatch(r -> r.code().equals(pm.materialCode())))
					.toList();
				if (needing.isEmpty()) {
					errors.add(CatalogError.of(src, code, at + ".materialCode", "catalog.error.materialNotNeeded",
							String.valueOf(pm.materialCode())));
				}
				// every item that needs the document must wait for the item that issues it
				for (String needs : needing) {
					if (graph != null && graph.cycle().isEmpty() && !graph.dependsTransitively(needs, pm.fromItem())) {
						errors.add(CatalogError.of(src, code, at, "catalog.error.materialOrder", needs, pm.fromItem(),
								pm.materialCode()));
					}
				}
			}
		}
	}

	private boolean text(String src, String code, String field, LocalizedText text) {
		if (text == null) {
			errors.add(CatalogError.of(src, code, field, "catalog.error.required"));
			return false;
		}
		if (!text.isComplete()) {
			errors.add(CatalogError.of(src, code, field, "catalog.error.textIncomplete"));
			return false;
		}
		return true;
	}

	private void required(String src, String code, String field, Object value) {
		if (value == null) {
			errors.add(CatalogError.of(src, code, field, "catalog.error.required"));
		}
	}

	private void pattern(String src, String code, String field, String pattern) {
		if (pattern == null || pattern.isEmpty()) {
			return;
		}
		try {
			Pattern.compile(pattern);
		}
		catch (PatternSyntaxException e) {
			errors.add(CatalogError.of(src, code, field, "catalog.error.pattern", pattern));
		}
	}

}
