package org.hetao.estation.casework.internal;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hetao.estation.casework.Deficiency;
import org.hetao.estation.catalog.Channel;
import org.hetao.estation.casework.DeliveryMethod;
import org.hetao.estation.casework.TaskClock;
import org.hetao.estation.casework.TaskStatus;
import org.hetao.estation.casework.TaskView;

/**
 * One item of a case, handled by the item's department. Its state changes only through {@link Case}, which
 * checks every transition.
 */
public class ItemTask implements TaskView {

	private Long id;

	private final String itemCode;

	private final String departmentCode;

	private final List<String> dependsOn;

	private TaskStatus status;

	private final Map<String, String> formData;

	private final Map<String, Long> materials;

	private final Set<String> checkedMaterials;

	private List<Deficiency> deficiencies;

	private String reason;

	private Map<String, String> outputs;

	private DeliveryMethod delivery;

	private TaskClock clock;

	private LocalDate deadline;

	private boolean deadlineProvisional;

	private int version;

	/** Where the applicant completes this item in person, when the matter was applied for elsewhere. */
	private Channel completeAt;

	private boolean changed;

	/** Whether a material was attached or replaced since the task was read (its rows are rewritten only then). */
	private boolean materialsChanged;

	/** Everything a task holds, as stored; for the repository and for tests. */
	public record State(Long id, String itemCode, String departmentCode, List<String> dependsOn, TaskStatus status,
			Map<String, String> formData, Map<String, Long> materials, Set<String> checkedMaterials,
			List<Deficiency> deficiencies, String reason, Map<String, String> outputs, DeliveryMethod delivery,
			TaskClock clock, LocalDate deadline, boolean deadlineProvisional, int version, Channel completeAt) {

		public State(Long id, String itemCode, String departmentCode, List<String> dependsOn, TaskStatus status,
				Map<String, String> formData, Map<String, Long> materials, Set<String> checkedMaterials,
				List<Deficiency> deficiencies, String reason, Map<String, String> outputs, DeliveryMethod delivery,
				TaskClock clock, LocalDate deadline, boolean deadlineProvisional, int version) {
			this(id, itemCode, departmentCode, dependsOn, status, formData, materials, checkedMaterials, deficiencies,
					reason, outputs, delivery, clock, deadline, deadlineProvisional, version, null);
		}
	}

	ItemTask(State s) {
		this.id = s.id();
		this.itemCode = s.itemCode();
		this.departmentCode = s.departmentCode();
		this.dependsOn = List.copyOf(s.dependsOn());
		this.status = s.status();
		this.formData = new LinkedHashMap<>(s.formData());
		this.materials = new LinkedHashMap<>(s.materials());
		this.checkedMaterials = new LinkedHashSet<>(s.checkedMaterials());
		this.deficiencies = List.copyOf(s.deficiencies());
		this.reason = s.reason();
		this.outputs = new LinkedHashMap<>(s.outputs());
		this.delivery = s.delivery();
		this.clock = s.clock();
		this.deadline = s.deadline();
		this.deadlineProvisional = s.deadlineProvisional();
		this.version = s.version();
		this.completeAt = s.completeAt();
	}

	public State state() {
		return new State(id, itemCode, departmentCode, dependsOn, status, Map.copyOf(formData), Map.copyOf(materials),
				Set.copyOf(checkedMaterials), deficiencies, reason, Map.copyOf(outputs), delivery, clock, deadline,
				deadlineProvisional, version, completeAt);
	}

	/**
	 * Where the applicant must complete this item in person before it is accepted ({@code null}: nothing to
	 * complete): an item of a matter that is not offered through the channel the matter was applied for.
	 */
	@Override
	public Channel completeAt() {
		return completeAt;
	}

	/** The applicant completed it where it is offered. */
	void completedAt() {
		this.completeAt = null;
		this.changed = true;
	}

	public Long id() {
		return id;
	}

	public String itemCode() {
		return itemCode;
	}

	public String departmentCode() {
		return departmentCode;
	}

	public List<String> dependsOn() {
		return dependsOn;
	}

	public TaskStatus status() {
		return status;
	}

	/** The task's form data (field key → value), in the order the item's form asks it. */
	public Map<String, String> formData() {
		return Collections.unmodifiableMap(formData);
	}

	/** Material code → document id of what the applicant supplied. */
	public Map<String, Long> materials() {
		return Collections.unmodifiableMap(materials);
	}

	/** Material codes a clerk checked at the counter. */
	public Set<String> checkedMaterials() {
		return Collections.unmodifiableSet(checkedMaterials);
	}

	/** The current correction notice: empty unless the status is {@link TaskStatus#CORRECTION_REQUESTED}. */
	public List<Deficiency> deficiencies() {
		return deficiencies;
	}

	/** Why it was not accepted or refused; {@code null} otherwise. */
	public String reason() {
		return reason;
	}

	public Map<String, String> outputs() {
		return Collections.unmodifiableMap(outputs);
	}

	public DeliveryMethod delivery() {
		return delivery;
	}

	public TaskClock clock() {
		return clock;
	}

	/** The promised deadline; {@code null} until the task is accepted. */
	public LocalDate deadline() {
		return deadline;
	}

	public boolean deadlineProvisional() {
		return deadlineProvisional;
	}

	/** The stored version this task was read at (optimistic locking). */
	public int version() {
		return version;
	}

	/** Approved (and perhaps since delivered): what a later item of the matter waits for. */
	public boolean approved() {
		return status == TaskStatus.APPROVED || (status == TaskStatus.DELIVERED && reason == null);
	}

	/** Will never be approved: what makes the items waiting for it unable to start. */
	boolean failed() {
		return status == TaskStatus.NOT_ACCEPTED || status == TaskStatus.REFUSED || status == TaskStatus.WITHDRAWN
				|| (status == TaskStatus.DELIVERED && reason != null);
	}

	boolean changed() {
		return changed;
	}

	boolean materialsChanged() {
		return materialsChanged;
	}

	void moveTo(TaskStatus next) {
		this.status = next;
		this.changed = true;
	}

	void reason(String reason) {
		this.reason = reason;
		this.changed = true;
	}

	void deficiencies(List<Deficiency> deficiencies) {
		this.deficiencies = List.copyOf(deficiencies);
		this.changed = true;
	}

	void outputs(Map<String, String> outputs) {
		this.outputs = new LinkedHashMap<>(outputs);
		this.changed = true;
	}

	void delivery(DeliveryMethod method) {
		this.delivery = method;
		this.changed = true;
	}

	void clock(TaskClock clock, org.hetao.estation.calendar.WorkingCalendars calendars) {
		this.clock = clock;
		var d = clock.deadline(calendars);
		this.deadline = d == null ? null : d.date();
		this.deadlineProvisional = d != null && d.provisional();
		this.changed = true;
	}

	void putFormValue(String key, String value) {
		formData.put(key, value);
		this.changed = true;
	}

	void attach(String materialCode, long documentId) {
		materials.put(materialCode, documentId);
		this.changed = true;
		this.materialsChanged = true;
	}

	void checked(Set<String> codes) {
		checkedMaterials.clear();
		checkedMaterials.addAll(codes);
		this.changed = true;
	}

	/** After the repository stored it. */
	public void stored(long id, int version) {
		this.id = id;
		this.version = version;
		this.changed = false;
		this.materialsChanged = false;
	}

}
