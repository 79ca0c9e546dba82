package org.hetao.estation.casework.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.hetao.estation.casework.ApplicantActions;
import org.hetao.estation.casework.Applying;
import org.hetao.estation.casework.CaseChannel;
import org.hetao.estation.casework.CaseReading;
import org.hetao.estation.casework.CaseView;
import org.hetao.estation.casework.DeadlineStatus;
import org.hetao.estation.casework.Deficiency;
import org.hetao.estation.casework.DeliveryMethod;
import org.hetao.estation.casework.MatterPromise;
import org.hetao.estation.casework.TaskHandling;
import org.hetao.estation.casework.TaskStatus;
import org.hetao.estation.casework.TaskView;
import org.hetao.estation.casework.TimelineEntry;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.Problem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Applications, tasks and the work queue on the API: the same operations and checks as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Casework", description = "Apply once for an item or a matter, follow the case, handle its tasks")
class CaseworkApiController {

	private final Applying applying;

	private final CaseReading reading;

	private final TaskHandling handling;

	private final ApplicantActions applicantActions;

	private final org.hetao.estation.casework.CaseworkClock support;

	private final org.hetao.estation.hall.SelfServiceKiosks kiosks;

	CaseworkApiController(Applying applying, CaseReading reading, TaskHandling handling,
			ApplicantActions applicantActions, org.hetao.estation.casework.CaseworkClock support,
			org.hetao.estation.hall.SelfServiceKiosks kiosks) {
		this.kiosks = kiosks;
		this.applying = applying;
		this.reading = reading;
		this.handling = handling;
		this.applicantActions = applicantActions;
		this.support = support;
	}

	/**
	 * A complete application.
	 *
	 * @param answers {@code shared.<key>} for a matter's shared facts, {@code item.<itemCode>.<field>} for each item's own
	 * @param materials material code → id of a document uploaded with {@code POST /api/v1/documents}
	 */
	record ApplicationRequest(String itemCode, String matterCode, Map<String, String> answers,
			Map<String, Long> materials) {
	}

	record ReceiptResponse(String receiptNumber, long caseId) {
	}

	record TaskResponse(long id, String itemCode, String departmentCode, TaskStatus status, LocalDate deadline,
			boolean deadlineProvisional, DeadlineStatus deadlineStatus, List<String> dependsOn,
			Map<String, String> formData, Map<String, Long> materials, List<String> checkedMaterials,
			List<Deficiency> deficiencies, Map<String, String> outputs, String reason, DeliveryMethod delivery,
			int version, org.hetao.estation.catalog.Channel completeAt) {
	}

	record TimelineResponse(Instant at, String itemCode, TaskStatus from, TaskStatus to, String action, String actor,
			String actorRole, CaseChannel channel, String reason) {
	}

	/**
	 * @param promisedCompletionDate the matter's promise: the day by which every task will be decided, set when the last
	 * task of the submission is accepted ({@code null} before), moved only by the applicant's corrections
	 * @param promisedCompletionProvisional the promise lies past the last official calendar year
	 * @param promiseStanding ON_TRACK, AT_RISK, KEPT or BROKEN ({@code null} without a promise)
	 */
	record CaseResponse(long caseId, String receiptNumber, String matterCode, String applicantName, String status,
			LocalDate latestDeadline, Instant submittedAt, CaseChannel channel, List<TaskResponse> tasks,
			List<TimelineResponse> timeline, LocalDate promisedCompletionDate, Boolean promisedCompletionProvisional,
			MatterPromise.Standing promiseStanding) {
	}

	@PostMapping("/applications")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Submitted: the receipt number and the case", useReturnTypeSchema = true)
	@Operation(summary = "Submit an application for an item or a matter",
			description = "Idempotent: the same Idempotency-Key from the same account always answers with the same receipt and creates one case. "
					+ "An item not offered online (its catalogue channels) is refused, 422 casework.error.channelNotOffered, unless the request "
					+ "comes from a registered cross-border self-service kiosk and the item offers that channel.")
	ResponseEntity<ReceiptResponse> submit(
			@Parameter(description = "A unique key per application, e.g. a UUID; retries send the same key") @RequestHeader(
					name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestBody ApplicationRequest request, jakarta.servlet.http.HttpServletRequest http) {
		EstationUser user = CurrentUser.require();
		// a registered cross-border self-service kiosk may use the API too: the device decides the channel
		Applying.Receipt receipt = applying.submit(user,
				new Applying.Request(request.itemCode(), request.matterCode(), request.answers(), request.materials()),
				idempotencyKey, kiosks.isKiosk(http) ? CaseChannel.KIOSK : CaseChannel.API);
		ReceiptResponse body = new ReceiptResponse(receipt.receiptNumber(), receipt.caseId());
		if (receipt.repeated()) {
			return ResponseEntity.ok(body);
		}
		return ResponseEntity.created(URI.create("/api/v1/applications/" + receipt.receiptNumber())).body(body);
	}

	@GetMapping("/applications")
	@Operation(summary = "My applications, newest first")
	List<CaseResponse> mine() {
		EstationUser user = CurrentUser.require();
		return reading.mine(user).stream().map(c -> response(c, user)).toList();
	}

	@GetMapping("/applications/{receiptNumber}")
	@Operation(summary = "A case by its receipt number (the applicant's own; the window: any; an officer: their department's tasks)")
	CaseResponse byReceipt(@PathVariable String receiptNumber) {
		EstationUser user = CurrentUser.require();
		return response(reading.viewByReceipt(user, receiptNumber), user);
	}

	record CorrectionRequest(Map<String, String> answers, Map<String, Long> materials) {
	}

	@PostMapping("/applications/{receiptNumber}/resubmit")
	@Operation(summary = "Answer the correction notices in one go and resubmit; the clocks resume")
	CaseResponse resubmit(@PathVariable String receiptNumber, @RequestBody(required = false) CorrectionRequest request) {
		EstationUser user = CurrentUser.require();
		CaseView c = ownCase(user, receiptNumber);
		return response(applicantActions.resubmit(user, c.id(), request == null ? Map.of() : request.answers(),
				request == null ? Map.of() : request.materials(), CaseChannel.API), user);
	}

	record WithdrawRequest(String reason) {
	}

	@PostMapping("/applications/{receiptNumber}/withdraw")
	@Operation(summary = "Withdraw every task not yet decided")
	CaseResponse withdraw(@PathVariable String receiptNumber, @RequestBody(required = false) WithdrawRequest request) {
		EstationUser user = CurrentUser.require();
		CaseView c = ownCase(user, receiptNumber);
		return response(applicantActions.withdraw(user, c.id(), request == null ? null : request.reason(), CaseChannel.API),
				user);
	}

	/**
	 * An action on a task.
	 *
	 * @param version the task version the caller saw; a stale one answers 409
	 */
	/**
	 * @param reason why (not accepted, refused, extended, or — a later correction notice — why it asks again)
	 * @param missingMaterials a correction notice's materials; {@code fields} its answers (the item's field keys)
	 * @param workingDays for {@code extend}: how many working days to add to the time limit
	 */
	record TaskAction(Integer version, String reason, List<String> missingMaterials, String note,
			Map<String, String> outputs, DeliveryMethod method, List<String> fields, Integer workingDays) {

		/** No body: nothing sent (and no outputs). */
		static final TaskAction NONE = new TaskAction(null, null, null, null, Map.of(), null, null, null);

	}

	@PostMapping("/tasks/{id}/accept")
	@Operation(summary = "Window: accept a submitted task (受理); its deadline starts")
	TaskResponse accept(@PathVariable long id, @RequestBody(required = false) TaskAction body) {
		return act(id, body, (user, a) -> handling.accept(user, id, a.version(), CaseChannel.API));
	}

	@PostMapping("/tasks/{id}/reject")
	@Operation(summary = "Window: do not accept a submitted task (不予受理), with the reason")
	TaskResponse reject(@PathVariable long id, @RequestBody(required = false) TaskAction body) {
		return act(id, body, (user, a) -> handling.reject(user, id, a.version(), a.reason(), CaseChannel.API));
	}

	@PostMapping("/tasks/{id}/request-correction")
	@Operation(summary = "Window or reviewing officer: one complete correction notice (一次性告知); the clock pauses")
	TaskResponse requestCorrection(@PathVariable long id, @RequestBody(required = false) TaskAction body) {
		return act(id, body, (user, a) -> handling.requestCorrection(user, id, a.version(),
				WindowController.deficiencies(a.missingMaterials(), a.fields(), a.note()), a.reason(), CaseChannel.API));
	}

	@PostMapping("/tasks/{id}/start-review")
	@Operation(summary = "Officer: take an accepted task of one's own department")
	TaskResponse startReview(@PathVariable long id, @RequestBody(required = false) TaskAction body) {
		return act(id, body, (user, a) -> handling.startReview(user, id, a.version(), CaseChannel.API));
	}

	@PostMapping("/tasks/{id}/approve")
	@Operation(summary = "Officer: approve with the item's outputs (e.g. creditCode); waiting tasks start with them")
	TaskResponse approve(@PathVariable long id, @RequestBody(required = false) TaskAction body) {
		return act(id, body, (user, a) -> handling.approve(user, id, a.version(), a.outputs(), CaseChannel.API));
	}

	@PostMapping("/tasks/{id}/extend")
	@Operation(summary = "Officer: extend the time limit by some working days, with the reason, within the item's legal limit",
			description = "The deadline, supervision's figures and the matter's promise move later by those working days.")
	TaskResponse extend(@PathVariable long id, @RequestBody(required = false) TaskAction body) {
		return act(id, body,
				(user, a) -> handling.extend(user, id, a.version(), a.workingDays(), a.reason(), CaseChannel.API));
	}

	@PostMapping("/tasks/{id}/refuse")
	@Operation(summary = "Officer: refuse with the reason")
	TaskResponse refuse(@PathVariable long id, @RequestBody(required = false) TaskAction body) {
		return act(id, body, (user, a) -> handling.refuse(user, id, a.version(), a.reason(), CaseChannel.API));
	}

	@PostMapping("/tasks/{id}/deliver")
	@Operation(summary = "Window: hand over the result (COUNTER_PICKUP, POST or ELECTRONIC)")
	TaskResponse deliver(@PathVariable long id, @RequestBody(required = false) TaskAction body) {
		return act(id, body, (user, a) -> handling.deliver(user, id, a.version(), a.method(), CaseChannel.API));
	}

	/** What one action does to the case, given who acts and what they sent. */
	private interface Step {

		CaseView take(EstationUser user, TaskAction action);

	}

	/** One action on a task by the signed-in user (no body: nothing sent), answered with the task after it. */
	private TaskResponse act(long id, TaskAction body, Step step) {
		EstationUser user = CurrentUser.require();
		return task(step.take(user, body == null ? TaskAction.NONE : body), id, user);
	}

	record QueueResponse(long caseId, String receiptNumber, String applicantName, TaskResponse task) {
	}

	@GetMapping("/work-queue")
	@Operation(summary = "Officer: one's own department's tasks (default accepted and under review), most urgent first")
	List<QueueResponse> workQueue(@RequestParam(required = false) List<TaskStatus> status,
			@RequestParam(required = false) DeadlineStatus deadline) {
		EstationUser user = CurrentUser.require();
		return reading.workQueue(user, status == null ? null : EnumSet.copyOf(status), deadline)
			.stream()
			.map(e -> new QueueResponse(e.caseId(), e.receiptNumber(), e.applicantName(),
					task(e.task(), e.deadlineStatus(), false)))
			.toList();
	}

	// ------------------------------------------------------------------ mapping

	private CaseView ownCase(EstationUser user, String receiptNumber) {
		CaseView c = reading.viewByReceipt(user, receiptNumber);
		if (c.applicant().accountId() == null || c.applicant().accountId() != user.id()) {
			throw Problem.notFound("casework.error.caseNotFound");
		}
		return c;
	}

	private TaskResponse task(CaseView c, long taskId, EstationUser user) {
		TaskView t = c.task(taskId);
		return task(t, deadlineStatus(t), own(c, user));
	}

	/** On time, due soon or overdue while the task's clock runs (or is paused for a correction). */
	private DeadlineStatus deadlineStatus(TaskView t) {
		boolean running = t.status() == TaskStatus.ACCEPTED || t.status() == TaskStatus.UNDER_REVIEW
				|| t.status() == TaskStatus.CORRECTION_REQUESTED;
		return running ? t.clock().status(support.today(), support.calendars()) : null;
	}

	/**
	 * A task as the API shows it. Personal form fields (identity numbers, phones, addresses) only to the
	 * case's own applicant; staff get them masked here and reveal them on the case page, where each reveal
	 * is audited.
	 */
	private static TaskResponse task(TaskView t, DeadlineStatus status, boolean ownCase) {
		Map<String, String> form = new java.util.LinkedHashMap<>();
		t.formData().forEach((k, v) -> form.put(k, ownCase || !org.hetao.estation.shared.PersonalData.isPersonalKey(k)
				? v : org.hetao.estation.shared.Masking.mask(v)));
		return new TaskResponse(t.id(), t.itemCode(), t.departmentCode(), t.status(), t.deadline(),
				t.deadlineProvisional(), status, t.dependsOn(), form, t.materials(),
				t.checkedMaterials().stream().sorted().toList(), t.deficiencies(), t.outputs(), t.reason(), t.delivery(),
				t.version(), t.completeAt());
	}

	private static boolean own(CaseView c, EstationUser user) {
		return c.applicant().accountId() != null && c.applicant().accountId() == user.id();
	}

	private CaseResponse response(CaseView c, EstationUser user) {
		List<? extends TaskView> visible = c.tasks().stream().filter(t -> reading.maySeeTask(user, c, t)).toList();
		List<String> items = visible.stream().map(TaskView::itemCode).toList();
		List<TimelineResponse> timeline = c.timeline()
			.stream()
			.filter(e -> e.itemCode() == null || items.contains(e.itemCode()))
			.map(CaseworkApiController::timeline)
			.toList();
		MatterPromise promise = c.promise(support.calendars()).orElse(null);
		return new CaseResponse(c.id(), c.receiptNumber(), c.matterCode(), c.applicant().name(), c.status().name(),
				c.latestDeadline().orElse(null), c.submittedAt(), c.channel(),
				visible.stream().map(t -> task(t, deadlineStatus(t), own(c, user))).toList(), timeline,
				promise == null ? null : promise.date(), promise == null ? null : promise.provisional(),
				promise == null ? null : promise.standing(c.tasks(), support.today(), support.calendars()));
	}

	private static TimelineResponse timeline(TimelineEntry e) {
		return new TimelineResponse(e.at(), e.itemCode(), e.from(), e.to(), e.action(), e.actor().name(),
				e.actor().role(), e.channel(), e.reason());
	}

}
