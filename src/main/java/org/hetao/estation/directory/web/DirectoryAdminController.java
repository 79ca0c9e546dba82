package org.hetao.estation.directory.web;

import jakarta.validation.Valid;

import org.hetao.estation.directory.Background;
import org.hetao.estation.directory.Organisation;
import org.hetao.estation.directory.OrganisationKind;
import org.hetao.estation.directory.ResearchField;
import org.hetao.estation.directory.ScienceBase;
import org.hetao.estation.directory.internal.DirectoryService;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.shared.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The park operator adds and edits organisations (URL rules restrict these pages to PARK_OPERATOR). */
@Controller
class DirectoryAdminController {

	private final DirectoryService directory;

	DirectoryAdminController(DirectoryService directory) {
		this.directory = directory;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("kinds", OrganisationKind.values());
		model.addAttribute("researchFields", ResearchField.values());
		model.addAttribute("backgrounds", Background.values());
		model.addAttribute("bases", ScienceBase.values());
	}

	@GetMapping("/directory/manage/new")
	String initCreationForm(Model model) {
		OrganisationForm form = new OrganisationForm();
		form.setIllustrative(false);
		model.addAttribute("form", form);
		model.addAttribute("creating", true);
		return "directory/form";
	}

	@PostMapping("/directory/manage/new")
	String processCreationForm(@Valid @ModelAttribute("form") OrganisationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("creating", true);
		if (result.hasErrors()) {
			return "directory/form";
		}
		try {
			directory.create(form.toOrganisation(), CurrentUser.require().username());
		}
		catch (Problem problem) {
			if (problem.fieldErrors().isEmpty()) {
				throw problem;
			}
			problem.fieldErrors().forEach(e -> result.rejectValue(e.field(), e.messageKey()));
			return "directory/form";
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/directory/" + form.getCode();
	}

	@GetMapping("/directory/{code}/edit")
	String initUpdateForm(@PathVariable String code, Model model) {
		Organisation organisation = directory.byCode(code)
			.orElseThrow(() -> Problem.notFound("directory.error.notFound"));
		model.addAttribute("form", OrganisationForm.of(organisation));
		model.addAttribute("creating", false);
		return "directory/form";
	}

	@PostMapping("/directory/{code}/edit")
	String processUpdateForm(@PathVariable String code, @Valid @ModelAttribute("form") OrganisationForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		model.addAttribute("creating", false);
		form.setCode(code);
		if (result.hasErrors()) {
			return "directory/form";
		}
		directory.update(form.toOrganisation(), CurrentUser.require().username());
		redirect.addFlashAttribute("saved", true);
		return "redirect:/directory/" + code;
	}

}
