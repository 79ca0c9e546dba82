package org.hetao.estation.feedback.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hetao.estation.feedback.Rectification;
import org.hetao.estation.feedback.RectificationStatus;
import org.hetao.estation.feedback.Rectifications;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Rectifications (整改): the department's officers record what they did, the supervisor reviews. */
@Controller
class RectificationController {

	private final Rectifications rectifications;

	private final java.time.Clock clock;

	RectificationController(Rectifications rectifications, java.time.Clock clock) {
		this.rectifications = rectifications;
		this.clock = clock;
	}

	@GetMapping("/rectifications")
	String list(@RequestParam(required = false) RectificationStatus status, Model model) {
		model.addAttribute("rectifications", rectifications.visibleTo(CurrentUser.require(), status));
		model.addAttribute("statuses", RectificationStatus.values());
		model.addAttribute("status", status);
		model.addAttribute("today", java.time.LocalDate.now(clock));
		return "feedback/rectifications";
	}

	@GetMapping("/rectifications/{id}")
	String show(@PathVariable long id, Model model) {
		return page(model, rectifications.get(CurrentUser.require(), id));
	}

	@PostMapping("/rectifications/{id}/record")
	String record(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String actionTaken,
			@RequestParam(required = false) String followUp, Model model, RedirectAttributes redirect) {
		EstationUser user = CurrentUser.require();
		try {
			rectifications.record(user, id, version, actionTaken, followUp);
		}
		catch (Problem problem) {
			if (problem.kind() != Problem.Kind.UNPROCESSABLE) {
				throw problem;
			}
			model.addAttribute("errors", errors(problem));
			model.addAttribute("actionTaken", actionTaken);
			model.addAttribute("followUp", followUp);
			return page(model, rectifications.get(user, id));
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/rectifications/" + id;
	}

	@PostMapping("/rectifications/{id}/review")
	String review(@PathVariable long id, @RequestParam int version, @RequestParam String decision,
			@RequestParam(required = false) String reviewNote, Model model, RedirectAttributes redirect) {
		EstationUser user = CurrentUser.require();
		try {
			rectifications.review(user, id, version, "close".equals(decision), reviewNote);
		}
		catch (Problem problem) {
			if (problem.kind() != Problem.Kind.UNPROCESSABLE) {
				throw problem;
			}
			model.addAttribute("errors", errors(problem));
			return page(model, rectifications.get(user, id));
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/rectifications/" + id;
	}

	private static Map<String, String> errors(Problem problem) {
		Map<String, String> errors = new LinkedHashMap<>();
		problem.fieldErrors().forEach(e -> errors.putIfAbsent(e.field(), e.messageKey()));
		return errors;
	}

	private String page(Model model, Rectification r) {
		EstationUser user = CurrentUser.require();
		model.addAttribute("r", r);
		model.addAttribute("canRecord", r.status() == RectificationStatus.OPEN && Rectifications.worksOn(user, r));
		model.addAttribute("canReview", r.status() == RectificationStatus.SUBMITTED
				&& (user.hasRole(Role.SUPERVISOR) || user.hasRole(Role.ADMIN)));
		model.addAttribute("today", java.time.LocalDate.now(clock));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "feedback/rectification";
	}

}
