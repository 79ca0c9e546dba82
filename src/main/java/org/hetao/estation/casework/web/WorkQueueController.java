package org.hetao.estation.casework.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.hetao.estation.casework.CaseChannel;
import org.hetao.estation.casework.CaseReading;
import org.hetao.estation.casework.CaseView;
import org.hetao.estation.casework.DeadlineReminders;
import org.hetao.estation.casework.DeadlineStatus;
import org.hetao.estation.casework.DepartmentSystemActions;
import org.hetao.estation.casework.TaskHandling;
import org.hetao.estation.casework.TaskStatus;
import org.hetao.estation.casework.TaskView;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.LateBeans;
import org.hetao.estation.shared.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A department's work queue: its own tasks only; take one, approve with the item's outputs, or refuse. */
@Controller
class WorkQueueController {

	private final CaseReading reading;

	private final TaskHandling handling;

	private final DepartmentSystemActions departmentSystems;

	private final CaseViews views;

	private final Supplier<Optional<DeadlineReminders>> reminders;

	WorkQueueController(CaseReading reading, TaskHandling handling, DepartmentSystemActions departmentSystems,
			CaseViews views, org.springframework.beans.factory.ObjectProvider<DeadlineReminders> reminders) {
		this.reminders = LateBeans.optional(reminders);
		this.reading = reading;
		this.handling = handling;
		this.departmentSystems = departmentSystems;
		this.views = views;
	}

	/** @param reminder the latest deadline reminder sent about the task (its badge), or {@code null} */
	record QueueLine(String receiptNumber, String applicantName, CaseViews.TaskModel task, Integer remainingDays,
			DeadlineReminders.Reminder reminder) {
	}

	@GetMapping("/work-queue")
	String queue(@RequestParam(required = false) TaskStatus status, @RequestParam(required = false) DeadlineStatus deadline,
			Model model) {
		EstationUser user = CurrentUser.require();
		Set<TaskStatus> statuses = status == null ? EnumSet.of(TaskStatus.ACCEPTED, TaskStatus.UNDER_REVIEW) : EnumSet.of(status);
		List<CaseReading.QueueEntry> entries = reading.workQueue(user, statuses, deadline);
		DeadlineReminders sent = reminders.get().orElse(null);
		java.util.Map<Long, DeadlineReminders.Reminder> latest = sent == null ? java.util.Map.of()
				: sent.latest(entries.stream().map(e -> e.task().id()).filter(java.util.Objects::nonNull).toList());
		List<QueueLine> lines = entries.stream()
			.map(e -> new QueueLine(e.receiptNumber(), e.applicantName(), views.task(e.task()), e.task().deadline() == null ? null : e.remainingDays(),
					e.task().status().isUndecided() ? latest.get(e.task().id()) : null))
			.toList();
		model.addAttribute("lines", lines);
		model.addAttribute("status", status);
		model.addAttribute("deadline", deadline);
		model.addAttribute("statuses", List.of(TaskStatus.ACCEPTED, TaskStatus.UNDER_REVIEW, TaskStatus.CORRECTION_REQUESTED,
				TaskStatus.SUBMITTED, TaskStatus.WAITING_FOR_PREREQUISITE, TaskStatus.APPROVED, TaskStatus.REFUSED,
				TaskStatus.DELIVERED));
		model.addAttribute("deadlines", Arrays.asList(DeadlineStatus.values()));
		model.addAttribute("department", user.departmentCode());
		model.addAttribute("departmentSystem", departmentSystems.handledInDepartmentSystem(user.departmentCode()));
		return "casework/work-queue";
	}

	@GetMapping("/work-queue/tasks/{taskId}")
	String task(@PathVariable long taskId, Model model) {
		EstationUser user = CurrentUser.require();
		CaseView c = reading.viewTask(user, taskId);
		TaskView task = c.task(taskId);
		if (!user.departmentCode().equals(task.departmentCode())) {
			throw Problem.notFound("casework.error.taskNotFound");
		}
		model.addAttribute("view", views.of(c, user));
		model.addAttribute("task", views.task(task));
		model.addAttribute("notices", views.notices(reading.notices(user, c)).getOrDefault(task.id(), List.of()));
		model.addAttribute("issued", views.issuedInCase(c, task));
		model.addAttribute("applicant", c.applicant());
		model.addAttribute("departmentSystem", departmentSystems.handledInDepartmentSystem(task.departmentCode()));
		return "casework/work-task";
	}

	@PostMapping("/work-queue/tasks/{taskId}/start-review")
	String startReview(@PathVariable long taskId, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		return act(taskId, "START_REVIEW", redirect,
				() -> handling.startReview(CurrentUser.require(), taskId, version, CaseChannel.WINDOW));
	}

	@PostMapping("/work-queue/tasks/{taskId}/approve")
	String approve(@PathVariable long taskId, @RequestParam(required = false) Integer version,
			@RequestParam Map<String, String> params, RedirectAttributes redirect) {
		Map<String, String> outputs = new LinkedHashMap<>();
		params.forEach((k, v) -> {
			if (k.startsWith("outputs.")) {
				outputs.put(k.substring("outputs.".length()), v);
			}
		});
		return act(taskId, "APPROVE", redirect,
				() -> handling.approve(CurrentUser.require(), taskId, version, outputs, CaseChannel.WINDOW));
	}

	@PostMapping("/work-queue/tasks/{taskId}/extend")
	String extend(@PathVariable long taskId, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String workingDays, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		Integer days;
		try {
			days = workingDays == null || workingDays.isBlank() ? null : Integer.valueOf(workingDays.strip());
		}
		catch (NumberFormatException notANumber) {
			days = -1;
		}
		Integer given = days;
		return act(taskId, "EXTEND", redirect,
				() -> handling.extend(CurrentUser.require(), taskId, version, given, reason, CaseChannel.WINDOW));
	}

	@PostMapping("/work-queue/tasks/{taskId}/refuse")
	String refuse(@PathVariable long taskId, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(taskId, "REFUSE", redirect,
				() -> handling.refuse(CurrentUser.require(), taskId, version, reason, CaseChannel.WINDOW));
	}

	@PostMapping("/work-queue/tasks/{taskId}/request-correction")
	String requestCorrection(@PathVariable long taskId, CorrectionForm form, RedirectAttributes redirect) {
		return act(taskId, "REQUEST_CORRECTION", redirect, () -> form.send(handling, taskId));
	}

	private static String act(long taskId, String action, RedirectAttributes redirect,
			java.util.function.Supplier<CaseView> run) {
		TaskActions.run(action, redirect, run);
		return "redirect:/work-queue/tasks/" + taskId;
	}

}
