package org.hetao.estation.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hetao.estation.casework.internal.Case;
import org.hetao.estation.casework.internal.CaseRepository;
import org.hetao.estation.casework.internal.CorrectionNotices;
import org.hetao.estation.casework.internal.ItemTask;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.Problem;
import org.springframework.stereotype.Service;

/**
 * Reading cases, each as the reader may see it: applicants their own, the window any, officers those with a task of
 * their department (anything else answers 404); the window's search and in-tray, a department's work queue, a
 * case's correction notices. Nothing here changes a case.
 */
@Service
public class CaseReading {

	private final CaseRepository cases;

	private final CaseSteps steps;

	private final CorrectionNotices notices;

	private final CaseworkClock time;

	CaseReading(CaseRepository cases, CaseSteps steps, CorrectionNotices notices, CaseworkClock time) {
		this.cases = cases;
		this.steps = steps;
		this.notices = notices;
		this.time = time;
	}

	/** A case this user may see: their own (applicant), any (clerk), one with a task of their department (officer). */
	public CaseView view(EstationUser user, long caseId) {
		return cases.load(caseId, false)
			.filter(c -> CaseSteps.maySee(user, c))
			.orElseThrow(() -> Problem.notFound("casework.error.caseNotFound"));
	}

	public CaseView viewByReceipt(EstationUser user, String receiptNumber) {
		return cases.idByReceipt(receiptNumber == null ? "" : receiptNumber.strip().toUpperCase(Locale.ROOT))
			.flatMap(id -> cases.load(id, false))
			.filter(c -> CaseSteps.maySee(user, c))
			.orElseThrow(() -> Problem.notFound("casework.error.caseNotFound"));
	}

	/** The case of a task, if this user may act on or see that task. */
	public CaseView viewTask(EstationUser user, long taskId) {
		Case c = cases.caseIdOfTask(taskId)
			.flatMap(id -> cases.load(id, false))
			.orElseThrow(() -> Problem.notFound("casework.error.taskNotFound"));
		ItemTask task = c.task(taskId);
		boolean allowed = user.hasRole(Role.CLERK) || CaseSteps.officerOf(user, task) || CaseSteps.owns(user, c);
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

	/**
	 * One line of a department's work queue: the task, and of its case what the line shows (the receipt number, the
	 * applicant's name, when it was submitted); the case itself is read when the officer opens the task.
	 */
	public record QueueEntry(long caseId, String receiptNumber, String applicantName, Instant submittedAt, TaskView task,
			DeadlineStatus deadlineStatus, int remainingDays) {
	}

	/**
	 * The officer's own department's tasks, in the statuses asked (default: accepted and under review),
	 * optionally only those due soon or overdue; the most urgent first. At most {@value #QUEUE_LIMIT} tasks, the
	 * oldest cases' first, are read.
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
		for (CaseRepository.QueueTask q : cases.departmentQueue(user.departmentCode(), wanted, QUEUE_LIMIT)) {
			ItemTask t = q.task();
			DeadlineStatus ds = t.clock().status(today, calendars);
			if (t.status() == TaskStatus.APPROVED || t.status() == TaskStatus.REFUSED || t.status().isFinal()) {
				ds = null;
			}
			if (deadline == null || deadline == ds
					|| (deadline == DeadlineStatus.DUE_SOON && ds == DeadlineStatus.OVERDUE)) {
				entries.add(new QueueEntry(q.caseId(), q.receiptNumber(), q.applicantName(), q.submittedAt(), t, ds,
						t.clock().remaining(today, calendars)));
			}
		}
		entries.sort(Comparator.comparing((QueueEntry e) -> e.task().deadline(),
				Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(QueueEntry::submittedAt));
		return entries;
	}

	/** The most tasks a work queue reads. */
	static final int QUEUE_LIMIT = 200;

	/** Whether the user may see this task of a case they may see. */
	public boolean maySeeTask(EstationUser user, CaseView c, TaskView task) {
		return CaseSteps.owns(user, c) || user.hasRole(Role.CLERK) || CaseSteps.officerOf(user, task);
	}

	/** The service item of this code (a task's), retired ones included; 404 for an unknown code. */
	public ServiceItem item(String code) {
		return steps.item(code);
	}

	/** The correction notices of a case, each as sent, by task and in order; for whoever may see the case. */
	public List<CorrectionNotice> notices(EstationUser user, CaseView c) {
		if (!CaseSteps.maySee(user, c)) {
			throw Problem.notFound("casework.error.caseNotFound");
		}
		return notices.ofCase(c.id());
	}

	private static void requireClerk(EstationUser user) {
		if (!user.hasRole(Role.CLERK)) {
			throw Problem.forbidden("error.forbidden");
		}
	}

}
