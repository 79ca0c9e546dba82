package org.hetao.estation.casework.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.casework.Actor;
import org.hetao.estation.casework.Applicant;
import org.hetao.estation.casework.CaseChannel;
import org.hetao.estation.casework.CaseCompleted;
import org.hetao.estation.casework.CaseStatus;
import org.hetao.estation.casework.CaseSubmitted;
import org.hetao.estation.casework.CaseView;
import org.hetao.estation.casework.CaseWithdrawn;
import org.hetao.estation.casework.CorrectionRequested;
import org.hetao.estation.casework.DeadlineStatus;
import org.hetao.estation.casework.Deficiency;
import org.hetao.estation.casework.DeliveryMethod;
import org.hetao.estation.casework.IllegalTransition;
import org.hetao.estation.casework.TaskAccepted;
import org.hetao.estation.casework.TaskClock;
import org.hetao.estation.casework.TaskClockChanged;
import org.hetao.estation.casework.MatterPromised;
import org.hetao.estation.casework.TaskDecided;
import org.hetao.estation.casework.TaskDelivered;
import org.hetao.estation.casework.TaskNotAccepted;
import org.hetao.estation.casework.TaskStarted;
import org.hetao.estation.casework.TaskStatus;
import org.hetao.estation.casework.TimelineEntry;
import org.hetao.estation.catalog.Channel;
import org.hetao.estation.catalog.Matter;
import org.hetao.estation.shared.Problem;

/**
 * A case (辦件): one applicant's submission, with one task per item. Every change of a task goes through
 * here: an action the task's status does not allow throws {@link IllegalTransition}; every change is
 * recorded on the timeline (who, when, channel, why) and registers an event for other modules.
 */
public class Case implements CaseView {

	/** Who does something, from where, when; and the calendars the deadlines count in. */
	public record Step(Actor actor, CaseChannel channel, Instant at, LocalDate today, WorkingCalendars calendars) {
		public Step {
			Objects.requireNonNull(actor);
			Objects.requireNonNull(channel);
			Objects.requireNonNull(at);
			Objects.requireNonNull(today);
		}

		public Step withActor(Actor other) {
			return new Step(other, channel, at, today, calendars);
		}
	}

	/** An item to open a task for at submission. */
	public record NewTask(String itemCode, String departmentCode, List<String> dependsOn,
			org.hetao.estation.shared.Jurisdiction jurisdiction, int promisedDays, Map<String, String> formData,
			Map<String, Long> materials, Integer dueSoonWorkingDays, Channel completeAt) {

		/** A task due soon by the platform's rule, of an item applied for through the channel of the submission. */
		public NewTask(String itemCode, String departmentCode, List<String> dependsOn,
				org.hetao.estation.shared.Jurisdiction jurisdiction, int promisedDays, Map<String, String> formData,
				Map<String, Long> materials) {
			this(itemCode, departmentCode, dependsOn, jurisdiction, promisedDays, formData, materials, null, null);
		}
	}

	private Long id;

	private final String receiptNumber;

	private final Applicant applicant;

	private final String matterCode;

	private final CaseChannel channel;

	private final Instant submittedAt;

	private final List<Matter.OutputMapping> outputMappings;

	private final List<ItemTask> tasks;

	private final List<TimelineEntry> timeline;

	private final List<TimelineEntry> newEntries = new ArrayList<>();

	private final List<Object> events = new ArrayList<>();

	/** The status and latest deadline as last stored: the case row is written again only when they change. */
	private CaseStatus storedStatus;

	private LocalDate storedDeadline;

	/** Rebuilds a stored case. */
	public Case(Long id, String receiptNumber, Applicant applicant, String matterCode, CaseChannel channel,
			Instant submittedAt, List<Matter.OutputMapping> outputMappings, List<ItemTask.State> tasks,
			List<TimelineEntry> timeline) {
		this.id = id;
		this.receiptNumber = receiptNumber;
		this.applicant = applicant;
		this.matterCode = matterCode;
		this.channel = channel;
		this.submittedAt = submittedAt;
		this.outputMappings = List.copyOf(outputMappings);
		this.tasks = new ArrayList<>(tasks.stream().map(ItemTask::new).toList());
		this.timeline = new ArrayList<>(timeline);
		this.storedStatus = status();
		this.storedDeadline = latestDeadline().orElse(null);
	}

	/** Whether the status or the latest deadline differ from what was last stored. */
	boolean summaryChanged() {
		return storedStatus != status() || !Objects.equals(storedDeadline, latestDeadline().orElse(null));
	}

	/**
	 * A new case: tasks without prerequisites are submitted, the others wait for theirs. The caller
	 * publishes {@link CaseSubmitted} once the case has its id.
	 */
	public static Case submit(String receiptNumber, Applicant applicant, String matterCode,
			List<Matter.OutputMapping> outputMappings, List<NewTask> newTasks, Step step) {
		if (newTasks.isEmpty()) {
			throw new IllegalArgumentException("a case has at least one task");
		}
		Set<String> codes = newTasks.stream().map(NewTask::itemCode).collect(Collectors.toSet());
		if (codes.size() != newTasks.size()) {
			throw new IllegalArgumentException("one task per item");
		}
		List<ItemTask.State> states = new ArrayList<>();
		for (NewTask t : newTasks) {
			List<String> prerequisites = t.dependsOn() == null ? List.of()
					: t.dependsOn().stream().filter(codes::contains).toList();
			TaskStatus initial = prerequisites.isEmpty() ? TaskStatus.SUBMITTED : TaskStatus.WAITING_FOR_PREREQUISITE;
			states.add(new ItemTask.State(null, t.itemCode(), t.departmentCode(), prerequisites, initial,
					t.formData() == null ? Map.of() : t.formData(), t.materials() == null ? Map.of() : t.materials(),
					Set.of(), List.of(), null, Map.of(), null, TaskClock.notStarted(t.jurisdiction(), t.promisedDays(), t.dueSoonWorkingDays()),
					null, false, 0, t.completeAt()));
		}
		Case c = new Case(null, receiptNumber, applicant, matterCode, step.channel(), step.at(), outputMappings, states,
				List.of());
		c.record(null, null, null, "SUBMIT", step, null);
		for (ItemTask task : c.tasks) {
			c.record(task.itemCode(), null, task.status(), "SUBMIT", step, null);
		}
		return c;
	}

	// ---------------------------------------------------------------- the window

	/**
	 * 受理: the window accepts a submitted task; its clock starts (or resumes). An item of a matter still to be completed
	 * in person is completed by the window's acceptance (the applicant there) only if the item is offered at a window
	 * ({@code offered}: the item's channels); one offered only elsewhere (a cross-border self-service kiosk) must be
	 * completed there first: 422 {@code casework.error.channelNotOffered}.
	 */
	public void accept(long taskId, Set<Channel> offered, Step step) {
		ItemTask task = task(taskId);
		require(task, "ACCEPT", TaskStatus.SUBMITTED);
		if (task.completeAt() != null) {
			if (!offered.contains(Channel.WINDOW)) {
				throw new Problem(Problem.Kind.UNPROCESSABLE, "casework.error.completeElsewhereFirst", task.itemCode());
			}
			task.completedAt();
		}
		task.clock(task.clock().run(step.today(), step.calendars()), step.calendars());
		move(task, TaskStatus.ACCEPTED, "ACCEPT", step, null);
		events.add(new TaskAccepted(idOrZero(), receiptNumber, applicant.accountId(), taskId, task.itemCode(),
				task.departmentCode(), task.deadline(), step.at()));
		clockChanged(task, TaskClockChanged.Change.ACCEPTED, step);
	}

	/**
	 * The applicant completes in person, where it is offered ({@code offered}: the item's channels), an item of the
	 * matter not offered where the matter was applied for (e.g. at a cross-border self-service kiosk); the window then
	 * accepts it as any other.
	 */
	public void completeInPerson(long taskId, Set<Channel> offered, Step step) {
		ItemTask task = task(taskId);
		require(task, "COMPLETE_IN_PERSON", TaskStatus.SUBMITTED, TaskStatus.WAITING_FOR_PREREQUISITE);
		Channel here = step.channel().catalogChannel();
		if (task.completeAt() == null || here == null || !offered.contains(here)) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "casework.error.channelNotOffered", task.itemCode());
		}
		task.completedAt();
		record(task.itemCode(), task.status(), task.status(), "COMPLETE_IN_PERSON", step, null);
	}

	/** 不予受理: the window does not accept a submitted task, and says why. */
	public void reject(long taskId, String reason, Step step) {
		ItemTask task = task(taskId);
		require(task, "REJECT", TaskStatus.SUBMITTED);
		String why = requireReason(reason);
		task.reason(why);
		move(task, TaskStatus.NOT_ACCEPTED, "REJECT", step, why);
		events.add(new TaskNotAccepted(idOrZero(), receiptNumber, applicant.accountId(), taskId, task.itemCode(), why,
				step.at()));
		failDependentsOf(task, step);
		promised(step);
		completeIfDone(step);
	}

	/**
	 * 一次性告知: one notice listing every deficiency; the task waits for the applicant and its clock pauses.
	 */
	public void requestCorrection(long taskId, List<Deficiency> deficiencies, Step step) {
		ItemTask task = task(taskId);
		require(task, "REQUEST_CORRECTION", TaskStatus.SUBMITTED, TaskStatus.ACCEPTED, TaskStatus.UNDER_REVIEW);
		if (deficiencies == null || deficiencies.isEmpty()) {
			throw new Problem(Problem.Kind.INVALID, "casework.error.noDeficiencies",
					List.of(new Problem.FieldError("deficiencies", "casework.error.noDeficiencies")));
		}
		task.deficiencies(deficiencies);
		boolean running = task.clock().started() && !task.clock().paused();
		task.clock(task.clock().pause(step.today()), step.calendars());
		if (running) {
			clockChanged(task, TaskClockChanged.Change.PAUSED, step);
		}
		move(task, TaskStatus.CORRECTION_REQUESTED, "REQUEST_CORRECTION", step, summary(deficiencies));
		events.add(new CorrectionRequested(idOrZero(), receiptNumber, applicant.accountId(), taskId, task.itemCode(),
				List.copyOf(deficiencies), step.at()));
	}

	/**
	 * 延長期限: the department extends an accepted task's time limit by some working days, with the reason, never
	 * beyond the item's legal limit; the deadline (and the matter's promise) move later by those working days.
	 *
	 * @param legalLimitDays the item's legal limit in working days (法定時限)
	 */
	public void extend(long taskId, Integer workingDays, String reason, int legalLimitDays, Step step) {
		ItemTask task = task(taskId);
		require(task, "EXTEND", TaskStatus.ACCEPTED, TaskStatus.UNDER_REVIEW);
		String why = requireReason(reason);
		int most = legalLimitDays - task.clock().promisedDays();
		if (workingDays == null || workingDays < 1 || workingDays > most) {
			throw new Problem(Problem.Kind.INVALID, "casework.error.extension",
					List.of(new Problem.FieldError("workingDays",
							most < 1 ? "casework.error.extensionNone" : "casework.error.extensionDays", Math.max(most, 0))));
		}
		task.clock(task.clock().extend(workingDays), step.calendars());
		record(task.itemCode(), task.status(), task.status(), "EXTEND", step, "+" + workingDays + ": " + why);
		clockChanged(task, TaskClockChanged.Change.EXTENDED, step);
	}

	/** The clerk records which materials were checked against the originals at the counter. */
	public void recordCheckedMaterials(long taskId, Set<String> materialCodes, Step step) {
		ItemTask task = task(taskId);
		require(task, "CHECK_MATERIALS", TaskStatus.SUBMITTED, TaskStatus.CORRECTION_REQUESTED, TaskStatus.ACCEPTED,
				TaskStatus.UNDER_REVIEW);
		task.checked(materialCodes);
		record(task.itemCode(), task.status(), task.status(), "CHECK_MATERIALS", step,
				String.join(", ", materialCodes.stream().sorted().toList()));
	}

	/** 出件: the result (approval or refusal) is handed over. */
	public void deliver(long taskId, DeliveryMethod method, Step step) {
		ItemTask task = task(taskId);
		require(task, "DELIVER", TaskStatus.APPROVED, TaskStatus.REFUSED);
		Objects.requireNonNull(method, "delivery method");
		task.delivery(method);
		move(task, TaskStatus.DELIVERED, "DELIVER", step, method.name());
		events.add(new TaskDelivered(idOrZero(), receiptNumber, applicant.accountId(), taskId, task.itemCode(), method,
				step.at()));
		completeIfDone(step);
	}

	// ---------------------------------------------------------------- the applicant

	/**
	 * The applicant answered a correction notice: every task waiting for a correction goes back, the ones
	 * already accepted with their clock resumed. The caller has already applied the new data and materials.
	 */
	public void resubmit(Step step) {
		List<ItemTask> waiting = tasks.stream().filter(t -> t.status() == TaskStatus.CORRECTION_REQUESTED).toList();
		if (waiting.isEmpty()) {
			throw new IllegalTransition("RESUBMIT", tasks.get(0).status());
		}
		for (ItemTask task : waiting) {
			boolean wasAccepted = task.clock().started();
			task.deficiencies(List.of());
			if (wasAccepted) {
				// a task not yet accepted has no clock running: it starts at acceptance, not at resubmission
				task.clock(task.clock().run(step.today(), step.calendars()), step.calendars());
			}
			move(task, wasAccepted ? TaskStatus.ACCEPTED : TaskStatus.SUBMITTED, "RESUBMIT", step, null);
			if (wasAccepted) {
				clockChanged(task, TaskClockChanged.Change.RESUMED, step);
			}
		}
	}

	/** The applicant changes a field of a task waiting for their correction. */
	public void correctFormValue(long taskId, String key, String value) {
		ItemTask task = task(taskId);
		require(task, "CORRECT", TaskStatus.CORRECTION_REQUESTED);
		task.putFormValue(key, value);
	}

	/** The applicant supplies a (new) document for a material of a task waiting for their correction. */
	public void correctMaterial(long taskId, String materialCode, long documentId) {
		ItemTask task = task(taskId);
		require(task, "CORRECT", TaskStatus.CORRECTION_REQUESTED);
		task.attach(materialCode, documentId);
	}

	/** The applicant withdraws the case: every task not yet decided is withdrawn. */
	public void withdraw(String reason, Step step) {
		List<ItemTask> open = tasks.stream().filter(t -> t.status().isUndecided()).toList();
		if (open.isEmpty()) {
			throw new IllegalTransition("WITHDRAW", tasks.get(0).status());
		}
		record(null, null, null, "WITHDRAW", step, reason);
		for (ItemTask task : open) {
			boolean running = task.clock().started() && !task.clock().paused();
			task.clock(task.clock().pause(step.today()), step.calendars());
			move(task, TaskStatus.WITHDRAWN, "WITHDRAW", step, reason);
			if (running) {
				clockChanged(task, TaskClockChanged.Change.STOPPED, step);
			}
		}
		events.add(new CaseWithdrawn(idOrZero(), receiptNumber, applicant.accountId(), step.at()));
		completeIfDone(step);
	}

	// ---------------------------------------------------------------- the department

	/** An officer takes an accepted task to review it. */
	public void startReview(long taskId, Step step) {
		ItemTask task = task(taskId);
		require(task, "START_REVIEW", TaskStatus.ACCEPTED);
		move(task, TaskStatus.UNDER_REVIEW, "START_REVIEW", step, null);
	}

	/**
	 * Approves a task with the item's outputs; each task of the matter waiting only for approved items then
	 * starts, with the outputs the matter maps into its form.
	 *
	 * @param requiredOutputs the output keys the item must produce
	 */
	public void approve(long taskId, Map<String, String> outputs, List<String> requiredOutputs, Step step) {
		ItemTask task = task(taskId);
		require(task, "APPROVE", TaskStatus.UNDER_REVIEW);
		Map<String, String> given = new LinkedHashMap<>();
		(outputs == null ? Map.<String, String>of() : outputs).forEach((k, v) -> {
			if (v != null && !v.isBlank()) {
				given.put(k, v.strip());
			}
		});
		List<Problem.FieldError> missing = requiredOutputs.stream()
			.filter(k -> !given.containsKey(k))
			.map(k -> new Problem.FieldError("outputs." + k, "casework.error.outputRequired"))
			.toList();
		if (!missing.isEmpty()) {
			throw new Problem(Problem.Kind.INVALID, "casework.error.outputsMissing", missing);
		}
		boolean onTime = task.clock().status(step.today(), step.calendars()) != DeadlineStatus.OVERDUE;
		task.outputs(given);
		task.clock(task.clock().pause(step.today()), step.calendars());
		move(task, TaskStatus.APPROVED, "APPROVE", step, null);
		clockChanged(task, TaskClockChanged.Change.STOPPED, step);
		events.add(new TaskDecided(idOrZero(), receiptNumber, applicant.accountId(), taskId, task.itemCode(),
				task.departmentCode(), true, null, Map.copyOf(given), onTime, step.at()));
		startWaitingTasks(step);
	}

	/** Refuses a task under review, with the reason; tasks waiting for it can no longer start. */
	public void refuse(long taskId, String reason, Step step) {
		ItemTask task = task(taskId);
		require(task, "REFUSE", TaskStatus.UNDER_REVIEW);
		String why = requireReason(reason);
		boolean onTime = task.clock().status(step.today(), step.calendars()) != DeadlineStatus.OVERDUE;
		task.reason(why);
		task.clock(task.clock().pause(step.today()), step.calendars());
		move(task, TaskStatus.REFUSED, "REFUSE", step, why);
		clockChanged(task, TaskClockChanged.Change.STOPPED, step);
		events.add(new TaskDecided(idOrZero(), receiptNumber, applicant.accountId(), taskId, task.itemCode(),
				task.departmentCode(), false, why, Map.of(), onTime, step.at()));
		failDependentsOf(task, step);
	}

	// ---------------------------------------------------------------- rules

	/** Tells who follows deadlines (supervision, escalation) that the task's clock changed. */
	private void clockChanged(ItemTask task, TaskClockChanged.Change change, Step step) {
		if (task.clock().running() == null) {
			return;
		}
		events.add(TaskClockChanged.of(idOrZero(), receiptNumber, task.id() == null ? 0 : task.id(), task.itemCode(),
				task.departmentCode(), change, task.clock().running(), step.today(), step.calendars(), step.at()));
		if (change == TaskClockChanged.Change.ACCEPTED || change == TaskClockChanged.Change.RESUMED
				|| change == TaskClockChanged.Change.EXTENDED) {
			promised(step);
		}
	}

	/** Tells the matter's promise, when the case has one (set, or moved by a correction). */
	private void promised(Step step) {
		promise(step.calendars()).ifPresent(p -> events.add(new MatterPromised(idOrZero(), receiptNumber,
				applicant.accountId(), p.date(), p.provisional(), p.jurisdiction(), step.at())));
	}

	private void startWaitingTasks(Step step) {
		Map<String, ItemTask> byItem = tasks.stream()
			.collect(Collectors.toMap(ItemTask::itemCode, t -> t, (a, b) -> a, LinkedHashMap::new));
		boolean started;
		do {
			started = false;
			for (ItemTask waiting : tasks) {
				if (waiting.status() != TaskStatus.WAITING_FOR_PREREQUISITE) {
					continue;
				}
				boolean ready = waiting.dependsOn()
					.stream()
					.allMatch(code -> byItem.containsKey(code) && byItem.get(code).approved());
				if (!ready) {
					continue;
				}
				for (Matter.OutputMapping mapping : outputMappings) {
					if (mapping.toItem().equals(waiting.itemCode()) && byItem.containsKey(mapping.fromItem())) {
						String value = byItem.get(mapping.fromItem()).outputs().get(mapping.outputKey());
						if (value != null) {
							waiting.putFormValue(mapping.toField(), value);
						}
					}
				}
				move(waiting, TaskStatus.SUBMITTED, "START", step.withActor(Actor.SYSTEM), null);
				events.add(new TaskStarted(idOrZero(), receiptNumber, applicant.accountId(), waiting.id() == null ? 0 : waiting.id(),
						waiting.itemCode(), waiting.departmentCode(), step.at()));
				started = true;
			}
		}
		while (started);
	}

	private void failDependentsOf(ItemTask failed, Step step) {
		for (ItemTask waiting : tasks) {
			if (waiting.status() == TaskStatus.WAITING_FOR_PREREQUISITE
					&& waiting.dependsOn().contains(failed.itemCode())) {
				waiting.reason(failed.itemCode());
				move(waiting, TaskStatus.NOT_ACCEPTED, "PREREQUISITE_FAILED", step.withActor(Actor.SYSTEM),
						failed.itemCode());
				failDependentsOf(waiting, step);
			}
		}
	}

	private void completeIfDone(Step step) {
		if (tasks.stream().allMatch(t -> t.status().isFinal())
				&& tasks.stream().anyMatch(t -> t.status() != TaskStatus.WITHDRAWN)) {
			record(null, null, null, "COMPLETE", step.withActor(Actor.SYSTEM), null);
			events.add(new CaseCompleted(idOrZero(), receiptNumber, applicant.accountId(), step.at()));
		}
	}

	private static void require(ItemTask task, String action, TaskStatus... allowed) {
		for (TaskStatus s : allowed) {
			if (task.status() == s) {
				return;
			}
		}
		throw new IllegalTransition(action, task.status());
	}

	private static String requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new Problem(Problem.Kind.INVALID, "casework.error.reasonRequired",
					List.of(new Problem.FieldError("reason", "casework.error.reasonRequired")));
		}
		return reason.strip();
	}

	private static String summary(List<Deficiency> deficiencies) {
		return deficiencies.stream()
			.map(d -> d.materialCode() == null ? d.note()
					: d.note() == null ? d.materialCode() : d.materialCode() + ": " + d.note())
			.collect(Collectors.joining("; "));
	}

	private void move(ItemTask task, TaskStatus next, String action, Step step, String reason) {
		TaskStatus from = task.status();
		task.moveTo(next);
		record(task.itemCode(), from, next, action, step, reason);
	}

	private void record(String itemCode, TaskStatus from, TaskStatus to, String action, Step step, String reason) {
		TimelineEntry entry = new TimelineEntry(step.at(), itemCode, from, to, action, step.actor(), step.channel(),
				reason);
		timeline.add(entry);
		newEntries.add(entry);
	}

	// ---------------------------------------------------------------- reading

	public ItemTask task(long taskId) {
		return tasks.stream()
			.filter(t -> t.id() != null && t.id() == taskId)
			.findFirst()
			.orElseThrow(() -> Problem.notFound("casework.error.taskNotFound"));
	}

	public Optional<ItemTask> taskFor(String itemCode) {
		return tasks.stream().filter(t -> t.itemCode().equals(itemCode)).findFirst();
	}

	public CaseStatus status() {
		if (tasks.stream().allMatch(t -> t.status() == TaskStatus.WITHDRAWN)) {
			return CaseStatus.WITHDRAWN;
		}
		if (tasks.stream().allMatch(t -> t.status().isFinal())) {
			return CaseStatus.COMPLETED;
		}
		if (tasks.stream().anyMatch(t -> t.status() == TaskStatus.CORRECTION_REQUESTED)) {
			return CaseStatus.ACTION_REQUIRED;
		}
		return CaseStatus.IN_PROGRESS;
	}

	/** The latest promised deadline of the case's tasks, if any task was accepted. */
	public Optional<LocalDate> latestDeadline() {
		return tasks.stream().map(ItemTask::deadline).filter(Objects::nonNull).max(Comparator.naturalOrder());
	}

	public Long id() {
		return id;
	}

	private long idOrZero() {
		return id == null ? 0 : id;
	}

	public String receiptNumber() {
		return receiptNumber;
	}

	public Applicant applicant() {
		return applicant;
	}

	public String matterCode() {
		return matterCode;
	}

	public CaseChannel channel() {
		return channel;
	}

	public Instant submittedAt() {
		return submittedAt;
	}

	public List<Matter.OutputMapping> outputMappings() {
		return outputMappings;
	}

	public List<ItemTask> tasks() {
		return Collections.unmodifiableList(tasks);
	}

	public List<TimelineEntry> timeline() {
		return Collections.unmodifiableList(timeline);
	}

	/** Timeline entries recorded since the case was read; the repository stores them. */
	public List<TimelineEntry> newTimelineEntries() {
		return List.copyOf(newEntries);
	}

	/** Events registered since the case was read; published after it is stored. */
	public List<Object> events() {
		return List.copyOf(events);
	}

	/** After the repository stored it. */
	public void stored(long id) {
		this.id = id;
		this.storedStatus = status();
		this.storedDeadline = latestDeadline().orElse(null);
		this.newEntries.clear();
		this.events.clear();
	}

}
