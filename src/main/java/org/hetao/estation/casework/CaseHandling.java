package org.hetao.estation.casework;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

import org.hetao.estation.casework.internal.Case;
import org.hetao.estation.casework.internal.CaseRepository;
import org.hetao.estation.casework.internal.ItemTask;
import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.catalog.FormField;
import org.hetao.estation.catalog.ItemOutput;
import org.hetao.estation.catalog.MaterialRequirement;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.Problem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every action on a case after submission, with its object-level checks: the window (any item of any
 * department), officers (their own department's tasks only: anybody else's answer 404), applicants (their
 * own cases only). Each action locks the case, checks the version the actor saw, applies the rule of the
 * aggregate, stores the change and publishes its events, in one transaction. A step on a task returns the case
 * with its tasks as they are now and, of its timeline, only the entries the step added (the timeline is not read
 * for a step): read the case again to show it whole.
 */
@Service
public class CaseHandling {

	private final CaseRepository cases;

	private final Catalog catalog;

	private final Documents documents;

	private final ApplicationEventPublisher events;

	private final CaseworkClock time;

	private final org.springframework.beans.factory.ObjectProvider<DepartmentSystems> departmentSystems;

	private final org.hetao.estation.casework.internal.CorrectionNotices notices;

	private final org.springframework.beans.factory.ObjectProvider<FeeGate> feeGates;

	CaseHandling(CaseRepository cases, Catalog catalog, Documents documents, ApplicationEventPublisher events,
			CaseworkClock time, org.springframework.beans.factory.ObjectProvider<DepartmentSystems> departmentSystems,
			org.hetao.estation.casework.internal.CorrectionNotices notices,
			org.springframework.beans.factory.ObjectProvider<FeeGate> feeGates) {
		this.notices = notices;
		this.feeGates = feeGates;
		this.cases = cases;
		this.catalog = catalog;
		this.documents = documents;
		this.events = events;
		this.time = time;
		this.departmentSystems = departmentSystems;
	}

	// ------------------------------------------------------------------ the window

	@Transactional
	public CaseView accept(EstationUser user, long taskId, Integer version, CaseChannel channel) {
		return onTask(user, taskId, version, Who.CLERK, (c, step) -> c.accept(taskId, item(c.task(taskId).itemCode()).channels(), step), channel);
	}

	@Transactional
	public CaseView reject(EstationUser user, long taskId, Integer version, String reason, CaseChannel channel) {
		return onTask(user, taskId, version, Who.CLERK, (c, step) -> c.reject(taskId, reason, step), channel);
	}

	/** A one-time complete notice; by the window, or by the officer reviewing the task. */
	@Transactional
	public CaseView requestCorrection(EstationUser user, long taskId, Integer version, List<Deficiency> deficiencies,
			CaseChannel channel) {
		return requestCorrection(user, taskId, version, deficiencies, null, channel);
	}

	/**
	 * A correction notice; by the window, or by the officer reviewing the task. The first notice of a task names
	 * everything at once (一次性告知, 行政許可法 Art. 32); a later one may name only materials and answers the
	 * applicant's resubmission changed, and only with a reason — anything else is refused, 409
	 * {@code casework.error.correctionNotOneTime}. Every notice is kept ({@link #notices}).
	 */
	@Transactional
	public CaseView requestCorrection(EstationUser user, long taskId, Integer version, List<Deficiency> deficiencies,
			String reason, CaseChannel channel) {
		return onTask(user, taskId, version, Who.CLERK_OR_OFFICER,
				(c, step) -> requestCorrection(c, taskId, deficiencies, reason, step), channel);
	}

	/** The problem code of a later correction notice that is not limited to what the resubmission changed. */
	public static final String CORRECTION_NOT_ONE_TIME = "casework.error.correctionNotOneTime";

	private void requestCorrection(Case c, long taskId, List<Deficiency> deficiencies, String reason, Case.Step step) {
		ItemTask task = c.task(taskId);
		List<Deficiency> asked = deficiencies == null ? List.of() : deficiencies;
		ServiceItem item = item(task.itemCode());
		for (Deficiency d : asked) {
			if (d.fieldKey() != null && item.field(d.fieldKey()).isEmpty()) {
				throw new Problem(Problem.Kind.INVALID, "casework.error.unknownField",
						List.of(new Problem.FieldError("fields", "casework.error.unknownField")));
			}
			if (d.materialCode() != null && item.materials().stream().noneMatch(m -> m.code().equals(d.materialCode()))) {
				throw new Problem(Problem.Kind.INVALID, "casework.error.unknownMaterial",
						List.of(new Problem.FieldError("missingMaterials", "casework.error.unknownMaterial")));
			}
		}
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		java.util.Optional<CorrectionNotice> last = notices.latest(taskId);
		if (last.isPresent() && last.get().answered() && !asked.isEmpty()
				&& (why == null || !asked.stream().allMatch(last.get()::allowsAgain))) {
			throw Problem.conflict(CORRECTION_NOT_ONE_TIME);
		}
		c.requestCorrection(taskId, asked, step);
		notices.add(c.id(), taskId, task.itemCode(), asked, last.isPresent() ? why : null, step.actor(), step.at());
	}

	/** The correction notices of a case, each as sent, by task and in order; for whoever may see the case. */
	public List<CorrectionNotice> notices(EstationUser user, CaseView c) {
		if (!maySee(user, c)) {
			throw Problem.notFound("casework.error.caseNotFound");
		}
		return notices.ofCase(c.id());
	}

	@Transactional
	public CaseView recordCheckedMaterials(EstationUser user, long taskId, Integer version, Set<String> codes,
			CaseChannel channel) {
		return onTask(user, taskId, version, Who.CLERK,
				(c, step) -> c.recordCheckedMaterials(taskId, codes == null ? Set.of() : codes, step), channel);
	}

	@Transactional
	public CaseView deliver(EstationUser user, long taskId, Integer version, DeliveryMethod method, CaseChannel channel) {
		if (method == null) {
			throw new Problem(Problem.Kind.INVALID, "casework.error.deliveryRequired",
					List.of(new Problem.FieldError("method", "casework.error.deliveryRequired")));
		}
		return onTask(user, taskId, version, Who.CLERK, (c, step) -> {
			payPoint(c.task(taskId), FeeGate.Point.DELIVERY);
			c.deliver(taskId, method, step);
		}, channel);
	}

	/**
	 * A charged task does not pass its pay point unpaid: 409 {@link FeeGate#FEE_UNPAID}, naming the item and the
	 * amount in the reader's language. Refusing or not accepting a task is never held back.
	 */
	private void payPoint(ItemTask task, FeeGate.Point point) {
		FeeGate gate = feeGates.getIfAvailable();
		if (gate == null) {
			return;
		}
		gate.unpaid(task.id(), point).ifPresent(fee -> {
			java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
			String name = catalog.item(task.itemCode()).map(i -> i.name().in(locale)).orElse(task.itemCode());
			throw Problem.conflict(FeeGate.FEE_UNPAID, name, fee.format(locale));
		});
	}

	// ------------------------------------------------------------------ the department

	@Transactional
	public CaseView startReview(EstationUser user, long taskId, Integer version, CaseChannel channel) {
		return onTask(user, taskId, version, Who.OFFICER, (c, step) -> c.startReview(taskId, step), channel);
	}

	/**
	 * The department extends a task's time limit (延長期限) by some working days, with the reason, up to the item's
	 * legal limit.
	 */
	@Transactional
	public CaseView extend(EstationUser user, long taskId, Integer version, Integer workingDays, String reason,
			CaseChannel channel) {
		return onTask(user, taskId, version, Who.OFFICER,
				(c, step) -> c.extend(taskId, workingDays, reason, item(c.task(taskId).itemCode()).legalLimitDays(), step),
				channel);
	}

	@Transactional
	public CaseView approve(EstationUser user, long taskId, Integer version, Map<String, String> outputs,
			CaseChannel channel) {
		return onTask(user, taskId, version, Who.OFFICER, (c, step) -> approve(c, taskId, outputs, step), channel);
	}

	private void approve(Case c, long taskId, Map<String, String> outputs, Case.Step step) {
		List<String> required = item(c.task(taskId).itemCode()).outputs().stream().map(ItemOutput::key).toList();
		Map<String, String> given = new LinkedHashMap<>();
		(outputs == null ? Map.<String, String>of() : outputs).forEach((k, v) -> {
			if (required.contains(k)) {
				given.put(k, v);
			}
		});
		payPoint(c.task(taskId), FeeGate.Point.DECISION);
		c.approve(taskId, given, required, step);
	}

	// ------------------------------------------------------------------ a connected department's own system

	/** What a connected department's system may report on one of its tasks: what its officers could do here. */
	public enum SystemAction {
		START_REVIEW, APPROVE, REFUSE, REQUEST_CORRECTION
	}

	/** Whether the department decides its tasks in its own system (see {@link DepartmentSystems}). */
	public boolean handledInDepartmentSystem(String departmentCode) {
		return departmentCode != null && departmentSystems.stream().anyMatch(s -> s.connected(departmentCode));
	}

	/**
	 * The case of one of the department's tasks, as its connected system may see it; another department's
	 * task answers 404.
	 */
	public CaseView viewForDepartmentSystem(String departmentCode, long taskId) {
		return cases.caseIdOfTask(taskId)
			.flatMap(id -> cases.load(id, false))
			.filter(c -> Objects.equals(c.task(taskId).departmentCode(), departmentCode))
			.orElseThrow(() -> Problem.notFound("casework.error.taskNotFound"));
	}

	/**
	 * A connected department's system reports a step on one of its own tasks, with the same lifecycle rules as
	 * an officer here (an illegal step answers 409); another department's task answers 404. Recorded on the
	 * timeline as the department's system, channel API.
	 */
	@Transactional
	public CaseView actAsDepartmentSystem(String departmentCode, String systemName, long taskId, SystemAction action,
			Map<String, String> outputs, String reason, List<Deficiency> deficiencies) {
		Case c = cases.loadOfTaskForUpdate(taskId)
			.filter(x -> Objects.equals(x.task(taskId).departmentCode(), departmentCode))
			.orElseThrow(() -> Problem.notFound("casework.error.taskNotFound"));
		Case.Step step = new Case.Step(new Actor(null, systemName, "SYSTEM", departmentCode), CaseChannel.API,
				time.clock().instant(), time.today(), time.calendars());
		switch (action) {
			case START_REVIEW -> c.startReview(taskId, step);
			case APPROVE -> approve(c, taskId, outputs, step);
			case REFUSE -> c.refuse(taskId, reason, step);
			case REQUEST_CORRECTION -> requestCorrection(c, taskId, deficiencies, reason, step);
		}
		return store(c);
	}

	@Transactional
	public CaseView refuse(EstationUser user, long taskId, Integer version, String reason, CaseChannel channel) {
		return onTask(user, taskId, version, Who.OFFICER, (c, step) -> c.refuse(taskId, reason, step), channel);
	}

	// ------------------------------------------------------------------ the applicant

	/**
	 * The applicant answers the correction notices of their case in one go: corrected answers
	 * ({@code item.<code>.<field>}) and new documents (material code → document id); every material a notice
	 * names must be supplied again. Then every task waiting for a correction goes back, its clock resumed.
	 */
	@Transactional
	public CaseView resubmit(EstationUser user, long caseId, Map<String, String> answers, Map<String, Long> materials,
			CaseChannel channel) {
		Case c = cases.load(caseId, true).filter(x -> owns(user, x))
			.orElseThrow(() -> Problem.notFound("casework.error.caseNotFound"));
		Map<String, String> given = answers == null ? Map.of() : answers;
		Map<String, Long> docs = materials == null ? Map.of() : materials;
		List<Problem.FieldError> errors = new ArrayList<>();
		docs.forEach((code, doc) -> {
			if (doc == null || documents.ownDocument(user, doc).isEmpty()) {
				errors.add(new Problem.FieldError(ApplicationPlan.materialKey(code), "casework.material.notYours"));
			}
		});
		List<ItemTask> waiting = c.tasks().stream().filter(t -> t.status() == TaskStatus.CORRECTION_REQUESTED).toList();
		if (waiting.isEmpty()) {
			throw new IllegalTransition("RESUBMIT", c.tasks().get(0).status());
		}
		for (ItemTask task : waiting) {
			ServiceItem item = item(task.itemCode());
			for (FormField field : item.fields()) {
				String key = ApplicationPlan.itemKey(task.itemCode(), field.key());
				if (given.containsKey(key)) {
					FieldRules.check(field, given.get(key)).ifPresent(e -> errors.add(new Problem.FieldError(key, e)));
				}
			}
			for (Deficiency d : task.deficiencies()) {
				if (d.materialCode() != null && docs.get(d.materialCode()) == null) {
					errors.add(new Problem.FieldError(ApplicationPlan.materialKey(d.materialCode()),
							"casework.correction.materialRequired"));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new Problem(Problem.Kind.INVALID, "casework.error.invalidCorrection",
					errors.stream().distinct().toList());
		}
		Map<Long, Set<String>> changedFields = new LinkedHashMap<>();
		Map<Long, Set<String>> changedMaterials = new LinkedHashMap<>();
		for (ItemTask task : waiting) {
			ServiceItem item = item(task.itemCode());
			Set<String> fields = new java.util.TreeSet<>();
			Set<String> supplied = new java.util.TreeSet<>();
			for (FormField field : item.fields()) {
				String v = given.get(ApplicationPlan.itemKey(task.itemCode(), field.key()));
				if (v != null && !v.isBlank()) {
					if (!v.strip().equals(task.formData().get(field.key()))) {
						fields.add(field.key());
					}
					c.correctFormValue(task.id(), field.key(), v.strip());
				}
			}
			for (MaterialRequirement m : item.materials()) {
				Long doc = docs.get(m.code());
				if (doc != null) {
					if (!doc.equals(task.materials().get(m.code()))) {
						supplied.add(m.code());
					}
					c.correctMaterial(task.id(), m.code(), doc);
				}
			}
			changedFields.put(task.id(), fields);
			changedMaterials.put(task.id(), supplied);
		}
		Case.Step step = time.step(user, channel);
		c.resubmit(step);
		// what each notice's answer changed: all a later notice of the task may name again
		waiting.forEach(t -> notices.answered(t.id(), changedMaterials.get(t.id()), changedFields.get(t.id()), step.at()));
		return store(c);
	}

	/**
	 * The applicant completes, where they are ({@code channel}: a registered cross-border self-service kiosk, or online),
	 * an item of their matter marked to be completed there; 422 {@code casework.error.channelNotOffered} elsewhere.
	 */
	@Transactional
	public CaseView completeInPerson(EstationUser user, long taskId, CaseChannel channel) {
		Case c = cases.loadOfTaskForUpdate(taskId).filter(x -> owns(user, x))
			.orElseThrow(() -> Problem.notFound("casework.error.taskNotFound"));
		c.completeInPerson(taskId, item(c.task(taskId).itemCode()).channels(), time.step(user, channel));
		return store(c);
	}

	@Transactional
	public CaseView withdraw(EstationUser user, long caseId, String reason, CaseChannel channel) {
		Case c = cases.load(caseId, true).filter(x -> owns(user, x))
			.orElseThrow(() -> Problem.notFound("casework.error.caseNotFound"));
		c.withdraw(reason == null || reason.isBlank() ? null : reason.strip(), time.step(user, channel));
		return store(c);
	}

	// ------------------------------------------------------------------ reading

	/** A case this user may see: their own (applicant), any (clerk), one with a task of their department (officer). */
	public CaseView view(EstationUser user, long caseId) {
		return cases.load(caseId, false)
			.filter(c -> maySee(user, c))
			.orElseThrow(() -> Problem.notFound("casework.error.caseNotFound"));
	}

	public CaseView viewByReceipt(EstationUser user, String receiptNumber) {
		return cases.idByReceipt(receiptNumber == null ? "" : receiptNumber.strip().toUpperCase(java.util.Locale.ROOT))
			.flatMap(id -> cases.load(id, false))
			.filter(c -> maySee(user, c))
			.orElseThrow(() -> Problem.notFound("casework.error.caseNotFound"));
	}

	/** The case of a task, if this user may act on or see that task. */
	public CaseView viewTask(EstationUser user, long taskId) {
		Case c = cases.caseIdOfTask(taskId)
			.flatMap(id -> cases.load(id, false))
			.orElseThrow(() -> Problem.notFound("casework.error.taskNotFound"));
		ItemTask task = c.task(taskId);
		boolean allowed = user.hasRole(Role.CLERK) || officerOf(user, task) || owns(user, c);
		if (!allowed) {
			throw Problem.notFound("casework.error.taskNotFound");
		}
		return c;
	}

	public List<CaseView> mine(EstationUser user) {
		return List.copyOf(cases.loadAll(cases.idsOfApplicant(user.id(), 100)));
	}

	/** The window's search by receipt number, applicant name, phone or identity document number. */
	public List<CaseView> search(EstationUser user, String query) {
		requireClerk(user);
		if (query == null || query.isBlank()) {
			return List.of();
		}
		return List.copyOf(cases.loadAll(cases.search(query, 50)));
	}

	/** The window's in-tray: cases with a task to accept or a result to hand over. */
	public List<CaseView> windowInTray(EstationUser user) {
		requireClerk(user);
		return List.copyOf(cases.loadAll(
				cases.idsWithTasksIn(EnumSet.of(TaskStatus.SUBMITTED, TaskStatus.APPROVED, TaskStatus.REFUSED), 100)));
	}

	/** One line of a department's work queue. */
	public record QueueEntry(CaseView theCase, TaskView task, DeadlineStatus deadlineStatus, int remainingDays) {
	}

	/**
	 * The officer's own department's tasks, in the statuses asked (default: accepted and under review),
	 * optionally only those due soon or overdue; the most urgent first.
	 */
	public List<QueueEntry> workQueue(EstationUser user, Set<TaskStatus> statuses, DeadlineStatus deadline) {
		if (!user.hasRole(Role.OFFICER) || user.departmentCode() == null) {
			throw Problem.forbidden("error.forbidden");
		}
		Set<TaskStatus> wanted = statuses == null || statuses.isEmpty()
				? EnumSet.of(TaskStatus.ACCEPTED, TaskStatus.UNDER_REVIEW) : statuses;
		var calendars = time.calendars();
		var today = time.today();
		List<QueueEntry> entries = new ArrayList<>();
		for (Case c : cases.loadAll(cases.idsWithDepartmentTasks(user.departmentCode(), wanted, 200))) {
			for (ItemTask t : c.tasks()) {
				if (Objects.equals(t.departmentCode(), user.departmentCode()) && wanted.contains(t.status())) {
					DeadlineStatus ds = t.clock().status(today, calendars);
					if (t.status() == TaskStatus.APPROVED || t.status() == TaskStatus.REFUSED
							|| t.status().isFinal()) {
						ds = null;
					}
					if (deadline == null || deadline == ds
							|| (deadline == DeadlineStatus.DUE_SOON && ds == DeadlineStatus.OVERDUE)) {
						entries.add(new QueueEntry(c, t, ds, t.clock().remaining(today, calendars)));
					}
				}
			}
		}
		entries.sort(Comparator.comparing((QueueEntry e) -> e.task().deadline(),
				Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(e -> e.theCase().submittedAt()));
		return entries;
	}

	/** Whether the user may see this task of a case they may see. */
	public boolean maySeeTask(EstationUser user, CaseView c, TaskView task) {
		return owns(user, c) || user.hasRole(Role.CLERK) || officerOf(user, task);
	}

	public ServiceItem item(String code) {
		return catalog.item(code).orElseThrow(() -> Problem.notFound("casework.error.unknownItem", code));
	}

	// ------------------------------------------------------------------ internals

	private enum Who {
		CLERK, OFFICER, CLERK_OR_OFFICER
	}

	private Case onTask(EstationUser user, long taskId, Integer version, Who who, BiConsumer<Case, Case.Step> action,
			CaseChannel channel) {
		Case c = cases.loadOfTaskForUpdate(taskId).orElseThrow(() -> Problem.notFound("casework.error.taskNotFound"));
		ItemTask task = c.task(taskId);
		boolean allowed = switch (who) {
			case CLERK -> user.hasRole(Role.CLERK);
			case OFFICER -> officerOf(user, task);
			case CLERK_OR_OFFICER -> user.hasRole(Role.CLERK) || officerOf(user, task);
		};
		if (!allowed) {
			// never tell an officer of another department that the task exists
			throw Problem.notFound("casework.error.taskNotFound");
		}
		if (who != Who.CLERK && !user.hasRole(Role.CLERK) && handledInDepartmentSystem(task.departmentCode())) {
			// decided in the department's own system: nobody decides it twice
			throw Problem.conflict("casework.error.handledInDepartmentSystem");
		}
		if (version != null && version != task.version()) {
			throw new OptimisticLockingFailureException("task " + taskId + " changed since version " + version);
		}
		action.accept(c, time.step(user, channel));
		return store(c);
	}

	private Case store(Case c) {
		List<Object> happened = c.events();
		cases.save(c, time.clock().instant());
		happened.forEach(events::publishEvent);
		return c;
	}

	private static boolean owns(EstationUser user, CaseView c) {
		return c.applicant().accountId() != null && c.applicant().accountId() == user.id();
	}

	private static boolean officerOf(EstationUser user, TaskView task) {
		return user.hasRole(Role.OFFICER) && user.departmentCode() != null
				&& user.departmentCode().equals(task.departmentCode());
	}

	private static boolean maySee(EstationUser user, CaseView c) {
		return owns(user, c) || user.hasRole(Role.CLERK)
				|| c.tasks().stream().anyMatch(t -> officerOf(user, t));
	}

	private static void requireClerk(EstationUser user) {
		if (!user.hasRole(Role.CLERK)) {
			throw Problem.forbidden("error.forbidden");
		}
	}

}
