package org.hetao.estation.casework;

import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.hetao.estation.casework.internal.Case;
import org.hetao.estation.casework.internal.CaseRepository;
import org.hetao.estation.casework.internal.CorrectionNotices;
import org.hetao.estation.casework.internal.ItemTask;
import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.catalog.ItemOutput;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.LateBeans;
import org.hetao.estation.shared.Problem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the use cases on a case share, in one place: the service item a task is for, who may see a case or act on a
 * task, the two steps both an officer and a department's own system take (a correction notice, an approval, with
 * the fee's pay point), and storing a changed case with the events it collected. Not an API: the use cases are
 * {@link CaseReading}, {@link TaskHandling}, {@link ApplicantActions} and {@link DepartmentSystemActions}.
 */
@Component
class CaseSteps {

	private final CaseRepository cases;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final CaseworkClock time;

	private final Supplier<List<DepartmentSystems>> departmentSystems;

	private final CorrectionNotices notices;

	private final Supplier<Optional<FeeGate>> feeGates;

	CaseSteps(CaseRepository cases, Catalog catalog, ApplicationEventPublisher events, CaseworkClock time,
			ObjectProvider<DepartmentSystems> departmentSystems, CorrectionNotices notices,
			ObjectProvider<FeeGate> feeGates) {
		this.cases = cases;
		this.catalog = catalog;
		this.events = events;
		this.time = time;
		this.departmentSystems = LateBeans.all(departmentSystems);
		this.notices = notices;
		this.feeGates = LateBeans.optional(feeGates);
	}

	ServiceItem item(String code) {
		return catalog.item(code).orElseThrow(() -> Problem.notFound("casework.error.unknownItem", code));
	}

	/** Whether the department decides its tasks in its own system (see {@link DepartmentSystems}). */
	boolean handledInDepartmentSystem(String departmentCode) {
		return departmentCode != null && departmentSystems.get().stream().anyMatch(s -> s.connected(departmentCode));
	}

	/**
	 * A correction notice on a task; the first names everything at once (一次性告知), a later one only what the
	 * applicant's resubmission changed, with a reason (see {@link TaskHandling#requestCorrection}).
	 */
	void requestCorrection(Case c, long taskId, List<Deficiency> deficiencies, String reason, Case.Step step) {
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
		Optional<CorrectionNotice> last = notices.latest(taskId);
		if (last.isPresent() && last.get().answered() && !asked.isEmpty()
				&& (why == null || !asked.stream().allMatch(last.get()::allowsAgain))) {
			throw Problem.conflict(TaskHandling.CORRECTION_NOT_ONE_TIME);
		}
		c.requestCorrection(taskId, asked, step);
		notices.add(c.id(), taskId, task.itemCode(), asked, last.isPresent() ? why : null, step.actor(), step.at());
	}

	/** Approves a task with the outputs its item names (any others are ignored), once its fee is paid. */
	void approve(Case c, long taskId, Map<String, String> outputs, Case.Step step) {
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

	/**
	 * A charged task does not pass its pay point unpaid: 409 {@link FeeGate#FEE_UNPAID}, naming the item and the
	 * amount in the reader's language. Refusing or not accepting a task is never held back.
	 */
	void payPoint(ItemTask task, FeeGate.Point point) {
		FeeGate gate = feeGates.get().orElse(null);
		if (gate == null) {
			return;
		}
		gate.unpaid(task.id(), point).ifPresent(fee -> {
			Locale locale = LocaleContextHolder.getLocale();
			String name = catalog.item(task.itemCode()).map(i -> i.name().in(locale)).orElse(task.itemCode());
			throw Problem.conflict(FeeGate.FEE_UNPAID, name, fee.format(locale));
		});
	}

	/** Stores the changed case, then publishes the events its step collected (in the caller's transaction). */
	Case store(Case c) {
		List<Object> happened = c.events();
		cases.save(c, time.clock().instant());
		happened.forEach(events::publishEvent);
		return c;
	}

	static boolean owns(EstationUser user, CaseView c) {
		return c.applicant().accountId() != null && c.applicant().accountId() == user.id();
	}

	static boolean officerOf(EstationUser user, TaskView task) {
		return user.hasRole(Role.OFFICER) && user.departmentCode() != null
				&& user.departmentCode().equals(task.departmentCode());
	}

	static boolean maySee(EstationUser user, CaseView c) {
		return owns(user, c) || user.hasRole(Role.CLERK) || c.tasks().stream().anyMatch(t -> officerOf(user, t));
	}

}
