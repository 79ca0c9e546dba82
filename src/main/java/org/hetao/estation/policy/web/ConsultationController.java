package org.hetao.estation.policy.web;

import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.policy.internal.ConsultationDesk;
import org.hetao.estation.policy.internal.Consultations;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Consultations: applicants ask and read answers; officers answer their department's queue. */
@Controller
class ConsultationController {

	private final ConsultationDesk desk;

	ConsultationController(ConsultationDesk desk) {
		this.desk = desk;
	}

	public static class QuestionForm {

		@NotBlank(message = "{policy.consultation.subject.required}")
		@Pattern(regexp = "ITEM|POLICY", message = "{policy.consultation.subject.required}")
		private String subjectType;

		@NotBlank(message = "{policy.consultation.subject.required}")
		@Size(max = 40, message = "{policy.consultation.subject.required}")
		private String subjectCode;

		@NotBlank(message = "{policy.consultation.question.required}")
		@Size(max = ConsultationDesk.MAX_QUESTION, message = "{policy.consultation.question.length}")
		private String question;

		public String getSubjectType() { return subjectType; }
		public void setSubjectType(String v) { subjectType = v; }
		public String getSubjectCode() { return subjectCode; }
		public void setSubjectCode(String v) { subjectCode = v; }
		public String getQuestion() { return question; }
		public void setQuestion(String v) { question = v; }

	}

	public static class AnswerForm {

		@NotBlank(message = "{policy.consultation.answer.required}")
		@Size(max = ConsultationDesk.MAX_ANSWER, message = "{policy.consultation.answer.length}")
		private String answer;

		private int version;

		public String getAnswer() { return answer; }
		public void setAnswer(String v) { answer = v; }
		public int getVersion() { return version; }
		public void setVersion(int v) { version = v; }

	}

	@GetMapping("/consultations")
	String list(Model model) {
		EstationUser user = CurrentUser.require();
		model.addAttribute("consultations", desk.list(user));
		model.addAttribute("officerView", user.hasRole(Role.OFFICER));
		return "policy/consultations";
	}

	@GetMapping("/consultations/new")
	String initQuestionForm(@RequestParam(required = false) String item, @RequestParam(required = false) String policy,
			Model model) {
		QuestionForm form = new QuestionForm();
		if (item != null && !item.isBlank()) {
			form.setSubjectType("ITEM");
			form.setSubjectCode(item);
		}
		else if (policy != null && !policy.isBlank()) {
			form.setSubjectType("POLICY");
			form.setSubjectCode(policy);
		}
		if (form.getSubjectType() != null) {
			model.addAttribute("subject", desk.subject(form.getSubjectType(), form.getSubjectCode()));
		}
		model.addAttribute("form", form);
		return "policy/consultation-new";
	}

	@PostMapping("/consultations")
	String processQuestionForm(@Valid @ModelAttribute("form") QuestionForm form, BindingResult result, Locale locale,
			Model model) {
		if (!result.hasFieldErrors("subjectType") && !result.hasFieldErrors("subjectCode")) {
			model.addAttribute("subject", desk.subject(form.getSubjectType(), form.getSubjectCode()));
		}
		if (result.hasErrors()) {
			return "policy/consultation-new";
		}
		long id = desk.ask(CurrentUser.require(), form.getSubjectType(), form.getSubjectCode(), form.getQuestion(),
				Language.of(locale));
		return "redirect:/consultations/" + id + "?asked";
	}

	@GetMapping("/consultations/{id}")
	String show(@PathVariable long id, Model model) {
		EstationUser user = CurrentUser.require();
		Consultations.Consultation c = desk.view(id, user);
		model.addAttribute("consultation", c);
		model.addAttribute("subject", subjectOrNull(c));
		model.addAttribute("officerView", user.hasRole(Role.OFFICER));
		if (!model.containsAttribute("answerForm")) {
			AnswerForm form = new AnswerForm();
			form.setVersion(c.version());
			model.addAttribute("answerForm", form);
		}
		return "policy/consultation";
	}

	@PostMapping("/consultations/{id}/answer")
	String answer(@PathVariable long id, @Valid @ModelAttribute("answerForm") AnswerForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return show(id, model);
		}
		desk.answer(id, form.getVersion(), form.getAnswer(), CurrentUser.require());
		redirect.addFlashAttribute("answered", true);
		return "redirect:/consultations/" + id;
	}

	@PostMapping("/consultations/{id}/publish")
	String publish(@PathVariable long id, RedirectAttributes redirect) {
		desk.publish(id, CurrentUser.require());
		redirect.addFlashAttribute("published", true);
		return "redirect:/consultations/" + id;
	}

	private ConsultationDesk.Subject subjectOrNull(Consultations.Consultation c) {
		try {
			return desk.subject(c.subjectType(), c.subjectCode());
		}
		catch (Problem ex) {
			return null;
		}
	}

}
