package org.hetao.estation.casework.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.hetao.estation.casework.Applying;
import org.hetao.estation.casework.CaseChannel;
import org.hetao.estation.casework.CaseReading;
import org.hetao.estation.casework.CaseView;
import org.hetao.estation.casework.Deficiency;
import org.hetao.estation.casework.DeliveryMethod;
import org.hetao.estation.casework.Draft;
import org.hetao.estation.casework.TaskHandling;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.IdentityDocumentKind;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The comprehensive window (一窗): find a case, accept or not accept any item of any department, issue a
 * one-time complete correction notice, record the materials checked at the counter, hand over results,
 * and apply on behalf of a walk-in applicant.
 */
@Controller
class WindowController {

	private final CaseReading reading;

	private final TaskHandling handling;

	private final Applying applying;

	private final CaseViews views;

	WindowController(CaseReading reading, TaskHandling handling, Applying applying, CaseViews views) {
		this.reading = reading;
		this.handling = handling;
		this.applying = applying;
		this.views = views;
	}

	@GetMapping("/window")
	String window(@RequestParam(required = false) String q, Model model) {
		EstationUser user = CurrentUser.require();
		model.addAttribute("q", q);
		model.addAttribute("results", q == null ? null : reading.search(user, q).stream().map(c -> views.of(c, user)).toList());
		model.addAttribute("inTray", reading.windowInTray(user).stream().map(c -> views.of(c, user)).toList());
		model.addAttribute("walkInDrafts", applying.openDrafts(user)
			.stream()
			.filter(d -> d.walkIn() != null)
			.map(d -> new ApplicationsController.DraftLine(d, views.titleOf(d.itemCode(), d.matterCode())))
			.toList());
		walkInChoices(model);
		return "casework/window";
	}

	@GetMapping("/window/cases/{id}")
	String caseAtTheWindow(@PathVariable long id, Model model) {
		EstationUser user = CurrentUser.require();
		CaseView c = reading.view(user, id);
		model.addAttribute("view", views.of(c, user));
		model.addAttribute("notices", views.notices(reading.notices(user, c)));
		model.addAttribute("deliveryMethods", Arrays.asList(DeliveryMethod.values()));
		return "casework/window-case";
	}

	@PostMapping("/window/tasks/{taskId}/accept")
	String accept(@PathVariable long taskId, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		return act(taskId, "ACCEPT", redirect,
				() -> handling.accept(CurrentUser.require(), taskId, version, CaseChannel.WINDOW));
	}

	@PostMapping("/window/tasks/{taskId}/reject")
	String reject(@PathVariable long taskId, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(taskId, "REJECT", redirect,
				() -> handling.reject(CurrentUser.require(), taskId, version, reason, CaseChannel.WINDOW));
	}

	@PostMapping("/window/tasks/{taskId}/request-correction")
	String requestCorrection(@PathVariable long taskId, CorrectionForm form, RedirectAttributes redirect) {
		return act(taskId, "REQUEST_CORRECTION", redirect, () -> form.send(handling, taskId));
	}

	@PostMapping("/window/tasks/{taskId}/check-materials")
	String checkMaterials(@PathVariable long taskId, @RequestParam(required = false) Integer version,
			@RequestParam(name = "checked", required = false) List<String> checked, RedirectAttributes redirect) {
		return act(taskId, "CHECK_MATERIALS", redirect, () -> handling.recordCheckedMaterials(CurrentUser.require(), taskId,
				version, checked == null ? java.util.Set.of() : new LinkedHashSet<>(checked), CaseChannel.WINDOW));
	}

	@PostMapping("/window/tasks/{taskId}/deliver")
	String deliver(@PathVariable long taskId, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) DeliveryMethod method, RedirectAttributes redirect) {
		return act(taskId, "DELIVER", redirect,
				() -> handling.deliver(CurrentUser.require(), taskId, version, method, CaseChannel.WINDOW));
	}

	static List<Deficiency> deficiencies(List<String> missing, String note) {
		return deficiencies(missing, null, note);
	}

	/** A notice's points: the materials it names, the answers it names (the item's field keys), a free-text note. */
	static List<Deficiency> deficiencies(List<String> missing, List<String> fields, String note) {
		List<Deficiency> list = new ArrayList<>();
		if (missing != null) {
			missing.stream().filter(m -> m != null && !m.isBlank()).distinct().forEach(m -> list.add(Deficiency.material(m)));
		}
		if (fields != null) {
			fields.stream().filter(f -> f != null && !f.isBlank()).distinct().forEach(f -> list.add(Deficiency.field(f)));
		}
		if (note != null && !note.isBlank()) {
			list.add(Deficiency.note(note.length() > 2000 ? note.substring(0, 2000) : note));
		}
		return list;
	}

	/**
	 * Runs an action; a rule it breaks (a missing reason, an empty notice) is shown on the case page
	 * next to the forms, an illegal transition or a stale version as an error page (409).
	 */
	private String act(long taskId, String action, RedirectAttributes redirect, java.util.function.Supplier<CaseView> run) {
		CaseView done = TaskActions.run(action, redirect, run);
		if (done != null) {
			return "redirect:/window/cases/" + done.id();
		}
		CaseView c = reading.viewTask(CurrentUser.require(), taskId);
		return "redirect:/window/cases/" + c.id() + "#task-" + c.task(taskId).itemCode();
	}

	// ------------------------------------------------------------------ walk-in applicants

	@PostMapping("/window/walk-in")
	String walkIn(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
		EstationUser user = CurrentUser.require();
		String code = params.getOrDefault("code", "").strip();
		boolean matter = "MATTER".equals(params.get("kind"));
		ApplicantType type = null;
		try {
			type = ApplicantType.valueOf(params.getOrDefault("applicantType", ""));
		}
		catch (IllegalArgumentException e) {
			// reported below
		}
		Draft.WalkIn walkIn = new Draft.WalkIn(params.get("walkInName"), params.get("walkInIdType"),
				params.get("walkInIdNumber"), params.get("walkInPhone"));
		try {
			if (type == null) {
				throw new Problem(Problem.Kind.INVALID, "casework.error.invalidApplication",
						List.of(new Problem.FieldError("applicantType", "casework.field.required")));
			}
			Draft draft = applying.start(user, matter ? null : code, matter ? code : null, type, walkIn);
			return "redirect:/applications/drafts/" + draft.id();
		}
		catch (Problem problem) {
			response.setStatus(problem.fieldErrors().isEmpty() ? problem.kind().status() : HttpStatus.BAD_REQUEST.value());
			Map<String, String> errors = ApplicationsController.errors(problem.fieldErrors());
			if (problem.fieldErrors().isEmpty()) {
				errors = Map.of("code", problem.messageKey());
			}
			model.addAttribute("walkInErrors", errors);
			model.addAttribute("walkIn", params);
			model.addAttribute("inTray", reading.windowInTray(user).stream().map(c -> views.of(c, user)).toList());
			model.addAttribute("walkInDrafts", List.of());
			walkInChoices(model);
			return "casework/window";
		}
	}

	private static void walkInChoices(Model model) {
		model.addAttribute("applicantTypes", Arrays.asList(ApplicantType.values()));
		model.addAttribute("idTypes", List.of(IdentityDocumentKind.HKID, IdentityDocumentKind.MTP,
				IdentityDocumentKind.CN_RESIDENT_ID));
		if (!model.containsAttribute("walkIn")) {
			model.addAttribute("walkIn", Map.of());
		}
		if (!model.containsAttribute("walkInErrors")) {
			model.addAttribute("walkInErrors", Map.of());
		}
	}

}
