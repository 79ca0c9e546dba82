package org.hetao.estation.casework;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hetao.estation.casework.internal.Case;
import org.hetao.estation.casework.internal.CaseRepository;
import org.hetao.estation.shared.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A connected department's own system (see {@link DepartmentSystems}) on the department's tasks: what it may see of
 * their cases, and the steps it reports — the only way such a system acts on a task, with the same lifecycle rules
 * as the department's officers here. Another department's task answers 404.
 */
@Service
public class DepartmentSystemActions {

	/** What a connected department's system may report on one of its tasks: what its officers could do here. */
	public enum Action {
		START_REVIEW, APPROVE, REFUSE, REQUEST_CORRECTION
	}

	private final CaseRepository cases;

	private final CaseSteps steps;

	private final CaseworkClock time;

	DepartmentSystemActions(CaseRepository cases, CaseSteps steps, CaseworkClock time) {
		this.cases = cases;
		this.steps = steps;
		this.time = time;
	}

	/**
	 * Whether the department decides its tasks in its own system: its officers then only read them here (a step
	 * by an officer answers 409 {@code casework.error.handledInDepartmentSystem}).
	 */
	public boolean handledInDepartmentSystem(String departmentCode) {
		return steps.handledInDepartmentSystem(departmentCode);
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
	public CaseView actAsDepartmentSystem(String departmentCode, String systemName, long taskId, Action action,
			Map<String, String> outputs, String reason, List<Deficiency> deficiencies) {
		Case c = cases.loadOfTaskForUpdate(taskId)
			.filter(x -> Objects.equals(x.task(taskId).departmentCode(), departmentCode))
			.orElseThrow(() -> Problem.notFound("casework.error.taskNotFound"));
		Case.Step step = new Case.Step(new Actor(null, systemName, "SYSTEM", departmentCode), CaseChannel.API,
				time.clock().instant(), time.today(), time.calendars());
		switch (action) {
			case START_REVIEW -> c.startReview(taskId, step);
			case APPROVE -> steps.approve(c, taskId, outputs, step);
			case REFUSE -> c.refuse(taskId, reason, step);
			case REQUEST_CORRECTION -> steps.requestCorrection(c, taskId, deficiencies, reason, step);
		}
		return steps.store(c);
	}

}
