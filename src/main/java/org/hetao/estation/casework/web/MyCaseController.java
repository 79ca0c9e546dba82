package org.hetao.estation.casework.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hetao.estation.casework.ApplicantActions;
import org.hetao.estation.casework.ApplicationPlan;
import org.hetao.estation.casework.CaseChannel;
import org.hetao.estation.casework.CaseReading;
import org.hetao.estation.casework.CaseView;
import org.hetao.estation.casework.Corrections;
import org.hetao.estation.casework.TaskStatus;
import org.hetao.estation.casework.TaskView;
import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.Problem;
import org.hetao.estation.shared.ReceiptNumberFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** An applicant's own case: its page with the timeline, withdrawing it, completing an item here, answering a correction notice. */
@Controller
class MyCaseController {

	private final CaseReading reading;

	private final ApplicantActions applicantActions;

	private final Documents documents;

	private final CaseViews views;

	private final org.hetao.estation.hall.SelfServiceKiosks kiosks;

	MyCaseController(CaseReading reading, ApplicantActions applicantActions, Documents documents, CaseViews views,
			org.hetao.estation.hall.SelfServiceKiosks kiosks) {
		this.reading = reading;
		this.applicantActions = applicantActions;
		this.documents = documents;
		this.views = views;
		this.kiosks = kiosks;
	}

	// ------------------------------------------------------------------ the case

	@GetMapping("/applications/" + ReceiptNumberFormat.ROUTE_VARIABLE)
	String caseDetail(@PathVariable String receipt, Model model, jakarta.servlet.http.HttpServletRequest request) {
		EstationUser user = CurrentUser.require();
		CaseView c = reading.viewByReceipt(user, receipt);
		if (c.applicant().accountId() == null || c.applicant().accountId() != user.id()) {
			// staff see cases on their own pages
			throw Problem.notFound("casework.error.caseNotFound");
		}
		model.addAttribute("view", views.of(c, user));
		model.addAttribute("notices", views.notices(reading.notices(user, c)));
		// where this request comes from: items still to be completed in person that are offered here can be completed here
		org.hetao.estation.catalog.Channel here = ApplicationsController.channelOf(kiosks, request).catalogChannel();
		model.addAttribute("completableHere", c.tasks().stream()
			.filter(t -> t.completeAt() != null && reading.item(t.itemCode()).channels().contains(here))
			.map(TaskView::id)
			.collect(java.util.stream.Collectors.toSet()));
		return "casework/case";
	}

	@PostMapping("/applications/" + ReceiptNumberFormat.ROUTE_VARIABLE + "/withdraw")
	String withdraw(@PathVariable String receipt, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		EstationUser user = CurrentUser.require();
		CaseView c = ownCase(user, receipt);
		applicantActions.withdraw(user, c.id(), reason, CaseChannel.ONLINE);
		redirect.addFlashAttribute("withdrawn", true);
		return "redirect:/applications/" + receipt;
	}

	record CorrectionTask(CaseViews.TaskModel task, List<ApplicationsController.Question> questions) {
	}

	/** The applicant completes here (a kiosk, or online) an item of their matter still to be completed in person and offered here. */
	@PostMapping("/applications/" + ReceiptNumberFormat.ROUTE_VARIABLE + "/tasks/{taskId}/complete-here")
	String completeHere(@PathVariable String receipt, @PathVariable long taskId,
			jakarta.servlet.http.HttpServletRequest request, RedirectAttributes redirect) {
		EstationUser user = CurrentUser.require();
		CaseView c = ownCase(user, receipt);
		if (c.tasks().stream().noneMatch(t -> t.id() == taskId)) {
			throw Problem.notFound("casework.error.taskNotFound");
		}
		applicantActions.completeInPerson(user, taskId, ApplicationsController.channelOf(kiosks, request));
		redirect.addFlashAttribute("completedHere", true);
		return "redirect:/applications/" + receipt;
	}

	@GetMapping("/applications/" + ReceiptNumberFormat.ROUTE_VARIABLE + "/correct")
	String correct(@PathVariable String receipt, Model model) {
		EstationUser user = CurrentUser.require();
		return correctionPage(user, ownCase(user, receipt), Map.of(), Map.of(), model);
	}

	@PostMapping("/applications/" + ReceiptNumberFormat.ROUTE_VARIABLE + "/correct")
	String processCorrection(@PathVariable String receipt, jakarta.servlet.http.HttpServletRequest request, Model model,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		EstationUser user = CurrentUser.require();
		CaseView c = ownCase(user, receipt);
		Map<String, String> answers = new LinkedHashMap<>();
		request.getParameterMap().forEach((k, v) -> {
			if (k.startsWith("item.") && v.length > 0) {
				answers.put(k, v[0]);
			}
		});
		Map<String, Long> materials = new LinkedHashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		for (String code : Corrections.materialsAsked(c.tasks())) {
			String key = ApplicationPlan.materialKey(code);
			MultipartFile file = ApplicationsController.file(request, "file." + code);
			String reuse = request.getParameter("reuse." + code);
			try {
				if (file != null && !file.isEmpty()) {
					materials.put(code, documents.upload(user.id(), file.getOriginalFilename(), file.getBytes(), key).id());
				}
				else if (reuse != null && !reuse.isBlank()) {
					materials.put(code, Long.parseLong(reuse));
				}
			}
			catch (Problem problem) {
				errors.put(key, problem.messageKey());
			}
			catch (NumberFormatException e) {
				errors.put(key, "casework.material.notYours");
			}
		}
		if (errors.isEmpty()) {
			try {
				applicantActions.resubmit(user, c.id(), answers, materials, CaseChannel.ONLINE);
				redirect.addFlashAttribute("resubmitted", true);
				return "redirect:/applications/" + receipt;
			}
			catch (Problem problem) {
				if (problem.fieldErrors().isEmpty()) {
					throw problem;
				}
				errors.putAll(ApplicationsController.errors(problem.fieldErrors()));
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return correctionPage(user, c, answers, errors, model);
	}

	private String correctionPage(EstationUser user, CaseView c, Map<String, String> given, Map<String, String> errors,
			Model model) {
		CaseViews.CaseModel view = views.of(c, user);
		List<CorrectionTask> tasks = view.tasks()
			.stream()
			.filter(t -> t.status() == TaskStatus.CORRECTION_REQUESTED)
			.map(t -> new CorrectionTask(t, reading.item(t.itemCode()).fields().stream().map(f -> {
				String name = ApplicationPlan.itemKey(t.itemCode(), f.key());
				String value = given.containsKey(name) ? given.get(name) : t.task().formData().get(f.key());
				return new ApplicationsController.Question(name, ApplicationsController.idOf(name), f.label(), f.type(),
						f.required(), f.options(), value, errors.get(name));
			}).toList()))
			.toList();
		model.addAttribute("view", view);
		model.addAttribute("tasks", tasks);
		model.addAttribute("errors", errors);
		model.addAttribute("myDocuments", documents.ownedBy(user.id()));
		model.addAttribute("maxMegabytes", documents.maxBytes() / (1024 * 1024));
		return "casework/correct";
	}

	private CaseView ownCase(EstationUser user, String receipt) {
		CaseView c = reading.viewByReceipt(user, receipt);
		if (c.applicant().accountId() == null || c.applicant().accountId() != user.id()) {
			throw Problem.notFound("casework.error.caseNotFound");
		}
		return c;
	}

}
