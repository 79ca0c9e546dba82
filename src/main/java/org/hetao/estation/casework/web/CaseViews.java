package org.hetao.estation.casework.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hetao.estation.casework.CaseReading;
import org.hetao.estation.casework.CaseView;
import org.hetao.estation.casework.CaseworkClock;
import org.hetao.estation.casework.DeadlineStatus;
import org.hetao.estation.casework.Deficiency;
import org.hetao.estation.casework.MatterPromise;
import org.hetao.estation.casework.TaskStatus;
import org.hetao.estation.casework.TaskView;
import org.hetao.estation.casework.TimelineEntry;
import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.catalog.Department;
import org.hetao.estation.catalog.FormField;
import org.hetao.estation.catalog.ItemOutput;
import org.hetao.estation.catalog.MaterialRequirement;
import org.hetao.estation.catalog.Matter;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.LocalizedText;
import org.hetao.estation.shared.Masking;
import org.hetao.estation.shared.PersonalData;
import org.springframework.stereotype.Component;

/** Cases as the pages show them: names and labels from the catalogue, deadlines judged today. */
@Component("caseViews")
class CaseViews {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Catalog catalog;

	private final CaseReading reading;

	private final CaseworkClock support;

	CaseViews(Catalog catalog, CaseReading reading, CaseworkClock support) {
		this.catalog = catalog;
		this.reading = reading;
		this.support = support;
	}

	/** A labelled value; {@code value} is localized for choices of a select field, else the same text in each language. */
	/** {@code personal}: the value is personal data, shown masked with a "show" button (an audited reveal). */
	record Labelled(String key, LocalizedText label, LocalizedText value, String raw, boolean personal) {
	}

	record MaterialView(String code, LocalizedText name, Long documentId, boolean checked) {
	}

	/** A material of the task that an earlier item of the same case issues, with what that item recorded. */
	record IssuedMaterial(LocalizedText name, LocalizedText issuedBy, boolean issued, List<Labelled> details) {
	}

	/** One point of a notice: {@code materialName} is what it names (a material or an answer), see {@link Deficiency#subject}. */
	record DeficiencyView(String materialCode, LocalizedText materialName, String note) {
	}

	record TaskModel(TaskView task, long id, String itemCode, LocalizedText itemName, LocalizedText departmentName,
			TaskStatus status, LocalDate deadline, boolean provisional, DeadlineStatus deadlineStatus,
			List<Labelled> formData, List<MaterialView> materials, List<MaterialRequirement> itemMaterials,
			List<DeficiencyView> deficiencies, List<Labelled> outputs, List<ItemOutput> itemOutputs, String reason,
			List<LocalizedText> dependsOn, int version) {

		public boolean is(String status) {
			return this.status.name().equals(status);
		}
	}

	/**
	 * @param latestDeadlineProvisional the latest deadline lies past the last official calendar year
	 * @param promise the matter's promised completion date, {@code null} until every task of the submission is accepted
	 * @param promiseStanding on track, at risk, kept or broken
	 */
	record CaseModel(CaseView theCase, String receiptNumber, long id, LocalizedText title, String statusKey,
			LocalDate latestDeadline, List<TaskModel> tasks, List<TimelineView> timeline, Instant submittedAt,
			boolean latestDeadlineProvisional, MatterPromise promise, MatterPromise.Standing promiseStanding) {

		public boolean anyCorrectionRequested() {
			return tasks.stream().anyMatch(t -> t.status() == TaskStatus.CORRECTION_REQUESTED);
		}

		public boolean anyUndecided() {
			return tasks.stream().anyMatch(t -> t.status().isUndecided());
		}
	}

	record TimelineView(Instant at, LocalizedText itemName, TaskStatus from, TaskStatus to, String actionKey,
			String actorName, String actorRole, String channelKey, String reason) {
	}

	/** The case with every task the user may see (an officer: their department's only). */
	CaseModel of(CaseView c, EstationUser user) {
		List<TaskModel> tasks = new ArrayList<>();
		for (TaskView t : c.tasks()) {
			if (reading.maySeeTask(user, c, t)) {
				tasks.add(task(t));
			}
		}
		List<String> visibleItems = tasks.stream().map(TaskModel::itemCode).toList();
		List<TimelineView> timeline = c.timeline()
			.stream()
			.filter(e -> e.itemCode() == null || visibleItems.contains(e.itemCode()))
			.map(this::timeline)
			.toList();
		LocalDate latest = c.latestDeadline().orElse(null);
		boolean latestProvisional = latest != null
				&& c.tasks().stream().anyMatch(t -> latest.equals(t.deadline()) && t.deadlineProvisional());
		MatterPromise promise = c.promise(support.calendars()).orElse(null);
		MatterPromise.Standing standing = promise == null ? null
				: promise.standing(c.tasks(), support.today(), support.calendars());
		return new CaseModel(c, c.receiptNumber(), c.id(), title(c), c.status().messageKey(), latest, tasks, timeline,
				c.submittedAt(), latestProvisional, promise, standing);
	}

	/**
	 * One correction notice as sent, for the pages: its points by name, why it asks again (a later notice), and —
	 * once answered — what the resubmission changed (materials supplied anew, answers changed).
	 */
	record NoticeView(int sequence, Instant issuedAt, String issuedBy, String reason, List<DeficiencyView> points,
			Instant answeredAt, List<LocalizedText> changed) {
	}

	/** The notices of a case, by task id, each task's in order; none of them replaced by a later one. */
	java.util.Map<Long, List<NoticeView>> notices(List<org.hetao.estation.casework.CorrectionNotice> notices) {
		java.util.Map<Long, List<NoticeView>> byTask = new java.util.LinkedHashMap<>();
		for (var n : notices) {
			ServiceItem item = catalog.item(n.itemCode()).orElse(null);
			List<DeficiencyView> points = n.deficiencies()
				.stream()
				.map(d -> new DeficiencyView(d.materialCode(), d.subject(item), d.note()))
				.toList();
			List<LocalizedText> changed = new ArrayList<>();
			n.changedMaterials().forEach(m -> changed.add(Deficiency.material(m).subject(item)));
			n.changedFields().forEach(f -> changed.add(Deficiency.field(f).subject(item)));
			byTask.computeIfAbsent(n.taskId(), k -> new ArrayList<>())
				.add(new NoticeView(n.sequence(), n.issuedAt(), n.issuedBy(), n.reason(), points, n.answeredAt(), changed));
		}
		return byTask;
	}

	TaskModel task(TaskView t) {
		Optional<ServiceItem> item = catalog.item(t.itemCode());
		LocalizedText itemName = item.map(ServiceItem::name).orElse(LocalizedText.of(t.itemCode(), t.itemCode(), t.itemCode()));
		LocalizedText department = catalog.department(t.departmentCode())
			.map(Department::name)
			.orElse(LocalizedText.of(t.departmentCode(), t.departmentCode(), t.departmentCode()));
		List<Labelled> form = t.formData()
			.entrySet()
			.stream()
			.map(e -> {
				Optional<FormField> field = item.flatMap(i -> i.field(e.getKey()));
				if (PersonalData.isPersonalKey(e.getKey()) && e.getValue() != null && !e.getValue().isBlank()) {
					return new Labelled(e.getKey(), field.map(FormField::label).orElse(plain(e.getKey())),
							plain(Masking.mask(e.getValue())), null, true);
				}
				LocalizedText value = field.flatMap(f -> f.options().stream().filter(o -> o.value().equals(e.getValue())).findFirst())
					.map(FormField.FieldOption::label)
					.orElse(plain(e.getValue()));
				return new Labelled(e.getKey(), field.map(FormField::label).orElse(plain(e.getKey())), value, e.getValue(), false);
			})
			.toList();
		List<MaterialView> materials = new ArrayList<>();
		item.map(ServiceItem::materials).orElse(List.of()).forEach(m -> {
			if (t.materials().containsKey(m.code()) || t.checkedMaterials().contains(m.code())) {
				materials.add(new MaterialView(m.code(), m.name(), t.materials().get(m.code()),
						t.checkedMaterials().contains(m.code())));
			}
		});
		List<DeficiencyView> deficiencies = t.deficiencies()
			.stream()
			.map(d -> new DeficiencyView(d.materialCode(), d.subject(item.orElse(null)), d.note()))
			.toList();
		List<Labelled> outputs = t.outputs()
			.entrySet()
			.stream()
			.map(e -> new Labelled(e.getKey(), item.flatMap(i -> i.outputs().stream().filter(o -> o.key().equals(e.getKey())).findFirst())
				.map(ItemOutput::label)
				.orElse(plain(e.getKey())), plain(e.getValue()), e.getValue(), false))
			.toList();
		DeadlineStatus ds = t.status() == TaskStatus.ACCEPTED || t.status() == TaskStatus.UNDER_REVIEW
				|| (t.status() == TaskStatus.CORRECTION_REQUESTED && t.clock().started())
						? t.clock().status(support.today(), support.calendars()) : null;
		return new TaskModel(t, t.id(), t.itemCode(), itemName, department, t.status(), t.deadline(),
				t.deadlineProvisional(), ds, form, materials, item.map(ServiceItem::materials).orElse(List.of()),
				deficiencies, outputs, item.map(ServiceItem::outputs).orElse(List.of()), t.reason(),
				t.dependsOn().stream().map(code -> catalog.item(code).map(ServiceItem::name).orElse(plain(code))).toList(),
				t.version());
	}

	/**
	 * The task's materials that its matter issues itself (the business licence of the registration): the officer
	 * sees who issued it and its numbers instead of an upload.
	 */
	List<IssuedMaterial> issuedInCase(CaseView c, TaskView t) {
		Optional<Matter> matter = c.matterCode() == null ? Optional.empty() : catalog.matter(c.matterCode());
		Optional<ServiceItem> item = catalog.item(t.itemCode());
		if (matter.isEmpty() || item.isEmpty()) {
			return List.of();
		}
		List<IssuedMaterial> issued = new ArrayList<>();
		for (var m : item.get().materials()) {
			matter.get().producerOf(m.code()).ifPresent(from -> {
				Optional<ServiceItem> issuer = catalog.item(from);
				Optional<? extends TaskView> source = c.tasks().stream().filter(x -> x.itemCode().equals(from)).findFirst();
				boolean done = source.map(TaskView::approved).orElse(false);
				List<Labelled> details = !done ? List.of() : source.get()
					.outputs()
					.entrySet()
					.stream()
					.map(e -> new Labelled(e.getKey(), issuer.flatMap(i -> i.outputs().stream().filter(o -> o.key().equals(e.getKey())).findFirst())
						.map(ItemOutput::label)
						.orElse(plain(e.getKey())), plain(e.getValue()), e.getValue(), false))
					.toList();
				issued.add(new IssuedMaterial(m.name(), issuer.map(ServiceItem::name).orElse(plain(from)), done, details));
			});
		}
		return issued;
	}

	LocalizedText title(CaseView c) {
		if (c.matterCode() != null) {
			return catalog.matter(c.matterCode()).map(Matter::name).orElse(plain(c.matterCode()));
		}
		String code = c.tasks().get(0).itemCode();
		return catalog.item(code).map(ServiceItem::name).orElse(plain(code));
	}

	LocalizedText titleOf(String itemCode, String matterCode) {
		if (matterCode != null) {
			return catalog.matter(matterCode).map(Matter::name).orElse(plain(matterCode));
		}
		return catalog.item(itemCode).map(ServiceItem::name).orElse(plain(itemCode));
	}

	private TimelineView timeline(TimelineEntry e) {
		LocalizedText item = e.itemCode() == null ? null
				: catalog.item(e.itemCode()).map(ServiceItem::name).orElse(plain(e.itemCode()));
		return new TimelineView(e.at(), item, e.from(), e.to(), e.actionMessageKey(), e.actor().name(),
				e.actor().role(), e.channel().messageKey(), e.reason());
	}

	static LocalizedText plain(String s) {
		return LocalizedText.of(s, s, s);
	}

	/** For templates: {@code ${@caseViews.dateTime(x)}} in the platform's time zone. */
	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(zone()));
	}

	/** Personal data shown masked (ID numbers, phones). */
	public String mask(String value) {
		return org.hetao.estation.shared.Masking.mask(value);
	}

	public String date(LocalDate date) {
		return date == null ? "" : date.toString();
	}

	private ZoneId zone() {
		return support.clock().getZone();
	}

}
