package org.hetao.estation.casework;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.hetao.estation.casework.internal.Case;
import org.hetao.estation.casework.internal.CaseRepository;
import org.hetao.estation.casework.internal.ItemTask;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.Problem;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps staff take on a task after submission, with their object-level checks: the window (any item of any
 * department) accepts or rejects, checks the materials, asks for a correction and delivers the result; officers
 * (their own department's tasks only: anybody else's answer 404) review, extend, approve or refuse. Each step locks
 * the case, checks the version the actor saw, applies the rule of the aggregate, stores the change and publishes its
 * events, in one transaction. It returns the case with its tasks as they are now and, of its timeline, only the
 * entries the step added (the timeline is not read for a step): read the case again ({@link CaseReading}) to show it
 * whole.
 */
@Service
public class TaskHandling {

	/** The problem code of a later correction notice that is not limited to what the resubmission changed. */
	public static final String CORRECTION_NOT_ONE_TIME = "casework.error.correctionNotOneTime";

	private final CaseRepository cases;

	private final CaseSteps steps;

	private final CaseworkClock time;

	TaskHandling(CaseRepository cases, CaseSteps steps, CaseworkClock time) {
		this.cases = cases;
		this.steps = steps;
		this.time = time;
	}

	// ------------------------------------------------------------------ the window

	@Transactional
	public CaseView accept(EstationUser user, long taskId, Integer version, CaseChannel channel) {
		return onTask(user, taskId, version, Who.CLERK,
				(c, step) -> c.accept(taskId, steps.item(c.task(taskId).itemCode()).channels(), step), channel);
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
	 * {@code casework.error.correctionNotOneTime}. Every notice is kept ({@link CaseReading#notices}).
	 */
	@Transactional
	public CaseView requestCorrection(EstationUser user, long taskId, Integer version, List<Deficiency> deficiencies,
			String reason, CaseChannel channel) {
		return onTask(user, taskId, version, Who.CLERK_OR_OFFICER,
				(c, step) -> steps.requestCorrection(c, taskId, deficiencies, reason, step), channel);
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
			steps.payPoint(c.task(taskId), FeeGate.Point.DELIVERY);
			c.deliver(taskId, method, step);
		}, channel);
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
		return onTask(user, taskId, version, Who.OFFICER, (c, step) -> c.extend(taskId, workingDays, reason,
				steps.item(c.task(taskId).itemCode()).legalLimitDays(), step), channel);
	}

	@Transactional
	public CaseView approve(EstationUser user, long taskId, Integer version, Map<String, String> outputs,
			CaseChannel channel) {
		return onTask(user, taskId, version, Who.OFFICER, (c, step) -> steps.approve(c, taskId, outputs, step), channel);
	}

	@Transactional
	public CaseView refuse(EstationUser user, long taskId, Integer version, String reason, CaseChannel channel) {
		return onTask(user, taskId, version, Who.OFFICER, (c, step) -> c.refuse(taskId, reason, step), channel);
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
			case OFFICER -> CaseSteps.officerOf(user, task);
			case CLERK_OR_OFFICER -> user.hasRole(Role.CLERK) || CaseSteps.officerOf(user, task);
		};
		if (!allowed) {
			// never tell an officer of another department that the task exists
			throw Problem.notFound("casework.error.taskNotFound");
		}
		if (who != Who.CLERK && !user.hasRole(Role.CLERK) && steps.handledInDepartmentSystem(task.departmentCode())) {
			// decided in the department's own system: nobody decides it twice
			throw Problem.conflict("casework.error.handledInDepartmentSystem");
		}
		if (version != null && version != task.version()) {
			throw new OptimisticLockingFailureException("task " + taskId + " changed since version " + version);
		}
		action.accept(c, time.step(user, channel));
		return steps.store(c);
	}

}
