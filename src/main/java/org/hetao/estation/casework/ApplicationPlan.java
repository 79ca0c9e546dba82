package org.hetao.estation.casework;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hetao.estation.casework.internal.Case;
import org.hetao.estation.catalog.Channel;
import org.hetao.estation.catalog.FormField;
import org.hetao.estation.catalog.MaterialRequirement;
import org.hetao.estation.catalog.Matter;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Problem;

/**
 * What one application asks of an applicant of a given type, for one item or a whole matter: each shared
 * fact once, each item's own fields, and each material once however many items need it. Answers are a
 * flat map keyed {@code shared.<key>} and {@code item.<itemCode>.<fieldKey>}; materials
 * {@code material.<code>} → document id. Plain Java.
 */
public final class ApplicationPlan {

	/**
	 * A document the matter itself issues (e.g. the business licence the registration grants), needed by later
	 * items: the applicant is not asked for it; the departments get it from the issuing item.
	 */
	public record ProducedMaterial(MaterialRequirement requirement, ServiceItem issuedBy, List<String> itemCodes) {
	}

	/** A material asked once, and the items it is attached to. */
	public record Material(MaterialRequirement requirement, List<String> itemCodes) {
		public String code() {
			return requirement.code();
		}
	}

	/**
	 * An item of the plan with the fields asked for it alone and those filled from earlier items' outputs.
	 *
	 * @param completeAt {@code null} when the item is offered through the channel the plan is for; otherwise
	 * where the applicant completes it in person (the window when the item offers it, else the cross-border
	 * self-service kiosk, else online)
	 */
	public record ItemPart(ServiceItem item, List<String> dependsOn, List<FormField> ownFields,
			List<FormField> filledLater, Channel completeAt) {

		/** Whether this item is applied for through the plan's channel (else it is completed elsewhere). */
		public boolean offered() {
			return completeAt == null;
		}
	}

	/** Where an item not offered through {@code channel} is completed instead; {@code null} when it is offered. */
	static Channel completeAt(ServiceItem item, CaseChannel channel) {
		if (channel.offers(item)) {
			return null;
		}
		for (Channel c : List.of(Channel.WINDOW, Channel.CROSS_BORDER_SELF_SERVICE, Channel.ONLINE)) {
			if (item.channels().contains(c)) {
				return c;
			}
		}
		return Channel.WINDOW;
	}

	private final Matter matter;

	private final ApplicantType applicantType;

	private final CaseChannel channel;

	private final List<ItemPart> items;

	private final List<Matter.SharedField> sharedFields;

	private final List<Material> materials;

	private final List<ProducedMaterial> produced;

	private final Map<String, List<FormField.FieldOption>> sharedOptions;

	private ApplicationPlan(Matter matter, ApplicantType applicantType, CaseChannel channel, List<ItemPart> items,
			List<Matter.SharedField> sharedFields, List<Material> materials, List<ProducedMaterial> produced) {
		this.matter = matter;
		this.channel = channel;
		Map<String, List<FormField.FieldOption>> options = new LinkedHashMap<>();
		for (Matter.SharedField f : sharedFields) {
			options.put(f.key(), f.targets().stream()
				.flatMap(t -> items.stream()
					.filter(p -> p.item().code().equals(t.itemCode()))
					.flatMap(p -> p.item().field(t.fieldKey()).stream()))
				.map(FormField::options)
				.filter(o -> !o.isEmpty())
				.findFirst()
				.orElse(List.of()));
		}
		// immutable throughout: Applying hands out one plan to every request for the same item or matter
		this.sharedOptions = Collections.unmodifiableMap(options);
		this.applicantType = applicantType;
		this.items = List.copyOf(items);
		this.sharedFields = List.copyOf(sharedFields);
		this.materials = List.copyOf(materials);
		this.produced = List.copyOf(produced);
	}

	/** One item applied for online. */
	public static ApplicationPlan forItem(ServiceItem item, ApplicantType type) {
		return forItem(item, type, CaseChannel.ONLINE);
	}

	/**
	 * One item applied for through {@code channel}; the caller has checked the item offers it (an item alone is
	 * refused, not completed elsewhere).
	 */
	public static ApplicationPlan forItem(ServiceItem item, ApplicantType type, CaseChannel channel) {
		List<Material> materials = item.materialsFor(type).stream()
			.map(m -> new Material(m, List.of(item.code())))
			.toList();
		return new ApplicationPlan(null, type, channel,
				List.of(new ItemPart(item, List.of(), item.fields(), List.of(), completeAt(item, channel))), List.of(),
				materials, List.of());
	}

	/** A matter applied for online. */
	public static ApplicationPlan forMatter(Matter matter, List<ServiceItem> items, ApplicantType type) {
		return forMatter(matter, items, type, CaseChannel.ONLINE);
	}

	/**
	 * @param items the matter's items, looked up in the catalogue, in the matter's order
	 * @param channel where the matter is applied for: its items not offered there are still part of the plan
	 * (their answers and materials are given once with the others) but marked to be completed in person where
	 * they are offered; the window does not accept them before (see {@link ItemPart#completeAt()})
	 */
	public static ApplicationPlan forMatter(Matter matter, List<ServiceItem> items, ApplicantType type,
			CaseChannel channel) {
		Set<String> shared = new LinkedHashSet<>();
		matter.sharedFields().forEach(s -> s.targets().forEach(t -> shared.add(t.itemCode() + "." + t.fieldKey())));
		Set<String> mapped = new LinkedHashSet<>();
		matter.outputMappings().forEach(m -> mapped.add(m.toItem() + "." + m.toField()));
		List<ItemPart> parts = new ArrayList<>();
		Map<String, Material> materials = new LinkedHashMap<>();
		for (ServiceItem item : items) {
			List<FormField> own = item.fields().stream()
				.filter(f -> !shared.contains(item.code() + "." + f.key()) && !mapped.contains(item.code() + "." + f.key()))
				.toList();
			List<FormField> later = item.fields().stream()
				.filter(f -> mapped.contains(item.code() + "." + f.key()) && !shared.contains(item.code() + "." + f.key()))
				.toList();
			List<String> dependsOn = matter.item(item.code()).map(Matter.MatterItem::dependsOn).orElse(List.of());
			parts.add(new ItemPart(item, dependsOn, own, later, completeAt(item, channel)));
			for (MaterialRequirement m : item.materialsFor(type)) {
				materials.merge(m.code(), new Material(m, List.of(item.code())), (a, b) -> {
					List<String> codes = new ArrayList<>(a.itemCodes());
					codes.addAll(b.itemCodes());
					return new Material(a.requirement(), codes);
				});
			}
		}
		List<Material> asked = new ArrayList<>();
		List<ProducedMaterial> produced = new ArrayList<>();
		for (Material m : materials.values()) {
			Optional<ServiceItem> issuer = matter.producerOf(m.code())
				.flatMap(code -> items.stream().filter(i -> i.code().equals(code)).findFirst());
			if (issuer.isPresent()) {
				produced.add(new ProducedMaterial(m.requirement(), issuer.get(), m.itemCodes()));
			}
			else {
				asked.add(m);
			}
		}
		return new ApplicationPlan(matter, type, channel, parts, matter.sharedFields(), List.copyOf(asked),
				List.copyOf(produced));
	}

	public Matter matter() {
		return matter;
	}

	/** Where this application is made. */
	public CaseChannel channel() {
		return channel;
	}

	/** The items to complete in person elsewhere: those not offered through this plan's channel. */
	public List<ItemPart> completedElsewhere() {
		return items.stream().filter(p -> !p.offered()).toList();
	}

	public ApplicantType applicantType() {
		return applicantType;
	}

	/** The items of this plan that must be decided before {@code part} starts, in plan order. */
	public List<ServiceItem> prerequisitesOf(ItemPart part) {
		return items().stream().map(ItemPart::item).filter(i -> part.dependsOn().contains(i.code())).toList();
	}

	public List<ItemPart> items() {
		return items;
	}

	public List<Matter.SharedField> sharedFields() {
		return sharedFields;
	}

	/** The materials the applicant supplies, each once. */
	public List<Material> materials() {
		return materials;
	}

	/** The materials the matter issues itself, which the applicant is not asked for. */
	public List<ProducedMaterial> produced() {
		return produced;
	}

	public static String sharedKey(String key) {
		return "shared." + key;
	}

	public static String itemKey(String itemCode, String fieldKey) {
		return "item." + itemCode + "." + fieldKey;
	}

	public static String materialKey(String code) {
		return "material." + code;
	}

	/** Field errors of the shared facts. */
	public List<Problem.FieldError> checkShared(Map<String, String> answers) {
		List<Problem.FieldError> errors = new ArrayList<>();
		for (Matter.SharedField f : sharedFields) {
			String key = sharedKey(f.key());
			FieldRules.check(f.type(), f.required(), f.pattern(), sharedOptions(f), answers.get(key))
				.ifPresent(e -> errors.add(new Problem.FieldError(key, e)));
		}
		return errors;
	}

	/** Field errors of one item's own fields. */
	public List<Problem.FieldError> checkItem(String itemCode, Map<String, String> answers) {
		List<Problem.FieldError> errors = new ArrayList<>();
		items.stream().filter(p -> p.item().code().equals(itemCode)).forEach(p -> p.ownFields().forEach(f -> {
			String key = itemKey(itemCode, f.key());
			FieldRules.check(f, answers.get(key)).ifPresent(e -> errors.add(new Problem.FieldError(key, e)));
		}));
		return errors;
	}

	/**
	 * Whether a material must be supplied with the application: it is needed by an item that starts at
	 * once. A material only items waiting for others need (e.g. the business licence the registration will
	 * produce) may follow when that item starts.
	 */
	public boolean requiredAtSubmission(Material material) {
		return items.stream()
			.filter(p -> material.itemCodes().contains(p.item().code()))
			.anyMatch(p -> p.dependsOn().stream().noneMatch(this::contains));
	}

	private boolean contains(String itemCode) {
		return items.stream().anyMatch(p -> p.item().code().equals(itemCode));
	}

	/** Materials required at submission and not supplied yet. */
	public List<Problem.FieldError> checkMaterials(Map<String, Long> supplied) {
		return materials.stream()
			.filter(this::requiredAtSubmission)
			.filter(m -> supplied.get(m.code()) == null)
			.map(m -> new Problem.FieldError(materialKey(m.code()), "casework.material.required"))
			.toList();
	}

	/** Every error of the whole application. */
	public List<Problem.FieldError> check(Map<String, String> answers, Map<String, Long> materials,
			boolean materialsRequired) {
		List<Problem.FieldError> errors = new ArrayList<>(checkShared(answers));
		items.forEach(p -> errors.addAll(checkItem(p.item().code(), answers)));
		if (materialsRequired) {
			errors.addAll(checkMaterials(materials));
		}
		return errors;
	}

	/** An item's form data: its shared facts, then its own answers, in its form's order. */
	public Map<String, String> formDataFor(String itemCode, Map<String, String> answers) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Matter.SharedField f : sharedFields) {
			String v = answers.get(sharedKey(f.key()));
			for (Matter.FieldTarget t : f.targets()) {
				if (t.itemCode().equals(itemCode) && v != null && !v.isBlank()) {
					values.put(t.fieldKey(), v.strip());
				}
			}
		}
		items.stream().filter(p -> p.item().code().equals(itemCode)).forEach(p -> p.ownFields().forEach(f -> {
			String v = answers.get(itemKey(itemCode, f.key()));
			if (v != null && !v.isBlank()) {
				values.put(f.key(), v.strip());
			}
		}));
		ItemPart part = items.stream().filter(p -> p.item().code().equals(itemCode)).findFirst().orElseThrow();
		Map<String, String> ordered = new LinkedHashMap<>();
		part.item().fields().forEach(f -> {
			if (values.containsKey(f.key())) {
				ordered.put(f.key(), values.get(f.key()));
			}
		});
		return ordered;
	}

	/** The tasks to open: each item with its form data and the documents of its materials. */
	List<Case.NewTask> tasks(Map<String, String> answers, Map<String, Long> supplied) {
		return items.stream().map(p -> {
			Map<String, Long> docs = new LinkedHashMap<>();
			materials.stream()
				.filter(m -> m.itemCodes().contains(p.item().code()) && supplied.get(m.code()) != null)
				.forEach(m -> docs.put(m.code(), supplied.get(m.code())));
			return new Case.NewTask(p.item().code(), p.item().departmentCode(), p.dependsOn(), p.item().jurisdiction(),
					p.item().promisedLimitDays(), formDataFor(p.item().code(), answers), docs, p.item().dueSoonWorkingDays(),
					p.completeAt());
		}).toList();
	}

	/** The choices of a shared select field: those of the first item field it fills. */
	public List<FormField.FieldOption> optionsOf(Matter.SharedField f) {
		return sharedOptions.getOrDefault(f.key(), List.of());
	}

	private List<String> sharedOptions(Matter.SharedField f) {
		return optionsOf(f).stream().map(FormField.FieldOption::value).toList();
	}

}
