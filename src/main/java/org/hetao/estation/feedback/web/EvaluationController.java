package org.hetao.estation.feedback.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hetao.estation.feedback.EvaluationChannel;
import org.hetao.estation.feedback.Evaluations;
import org.hetao.estation.feedback.Rating;
import org.hetao.estation.feedback.Reason;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.shared.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The applicant's finished services and the rating form (好差評). */
@Controller
class EvaluationController {

	private final Evaluations evaluations;

	EvaluationController(Evaluations evaluations) {
		this.evaluations = evaluations;
	}

	@GetMapping("/evaluations")
	String list(Model model) {
		model.addAttribute("services", evaluations.servicesOf(CurrentUser.require().id()));
		return "feedback/evaluations";
	}

	@GetMapping("/evaluations/{id}")
	String initRateForm(@PathVariable long id, Model model) {
		var service = evaluations.serviceOf(CurrentUser.require().id(), id);
		var existing = service.in(EvaluationChannel.WEB);
		model.addAttribute("form", new Evaluations.Rate(existing.map(e -> e.rating()).orElse(null),
				existing.map(e -> e.reasons()).orElse(List.of()), existing.map(e -> e.comment()).orElse(null)));
		return form(model, service);
	}

	@PostMapping("/evaluations/{id}")
	String processRateForm(@PathVariable long id, @RequestParam(required = false) String rating,
			@RequestParam(required = false) List<String> reasons, @RequestParam(required = false) String comment,
			Model model, RedirectAttributes redirect) {
		long account = CurrentUser.require().id();
		var service = evaluations.serviceOf(account, id);
		Rating parsed = parse(Rating.class, rating);
		List<Reason> parsedReasons = new ArrayList<>();
		boolean badReason = false;
		for (String r : reasons == null ? List.<String>of() : reasons) {
			Reason reason = parse(Reason.class, r);
			if (reason == null) {
				badReason = true;
			}
			else {
				parsedReasons.add(reason);
			}
		}
		Evaluations.Rate rate = new Evaluations.Rate(parsed, parsedReasons, comment);
		try {
			if (badReason) {
				throw new Problem(Problem.Kind.UNPROCESSABLE, "feedback.rate.invalid",
						List.of(new Problem.FieldError("reasons", "feedback.reasons.mismatch")));
			}
			evaluations.rate(account, id, EvaluationChannel.WEB, rate);
		}
		catch (Problem problem) {
			if (problem.kind() != Problem.Kind.UNPROCESSABLE && problem.kind() != Problem.Kind.CONFLICT) {
				throw problem;
			}
			Map<String, String> errors = new LinkedHashMap<>();
			problem.fieldErrors().forEach(e -> errors.putIfAbsent(e.field(), e.messageKey()));
			model.addAttribute("errors", errors);
			model.addAttribute("problem", problem.kind() == Problem.Kind.CONFLICT ? problem.messageKey() : null);
			model.addAttribute("form", rate);
			return form(model, evaluations.serviceOf(account, id));
		}
		redirect.addFlashAttribute("thanks", true);
		return "redirect:/evaluations/" + service.service().id();
	}

	private String form(Model model, Evaluations.ServiceWithEvaluations service) {
		model.addAttribute("service", service.service());
		model.addAttribute("evaluation", service.in(EvaluationChannel.WEB).orElse(null));
		model.addAttribute("ratings", Rating.values());
		model.addAttribute("praise", Reason.praise(true));
		model.addAttribute("complaints", Reason.praise(false));
		model.addAttribute("changeDays", evaluations.changeWindow().toDays());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "feedback/rate";
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

}
