package org.hetao.estation.policy.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.policy.EligibilityProfile;
import org.hetao.estation.policy.Policy;
import org.hetao.estation.policy.internal.ConsultationDesk;
import org.hetao.estation.policy.internal.Eligibility;
import org.hetao.estation.policy.internal.PolicyLibrary;
import org.hetao.estation.policy.internal.Profiles;
import org.hetao.estation.policy.internal.ProfileField;
import org.hetao.estation.shared.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The policy library pages and the policy finder. */
@Controller
class PolicyController {

	private final PolicyLibrary library;

	private final Profiles profiles;

	private final EligibilityViews views;

	private final ConsultationDesk desk;

	private final Clock clock;

	PolicyController(PolicyLibrary library, Profiles profiles, EligibilityViews views, ConsultationDesk desk,
			Clock clock) {
		this.library = library;
		this.profiles = profiles;
		this.views = views;
		this.desk = desk;
		this.clock = clock;
	}

	@ModelAttribute("profileFields")
	List<ProfileField> profileFields() {
		return List.of(ProfileField.values()).stream().filter(f -> f.input() != ProfileField.Input.DERIVED).toList();
	}

	@GetMapping("/policies")
	String list(Model model) {
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("policies", library.all().stream().filter(p -> p.inForce(today)).toList());
		return "policy/list";
	}

	@GetMapping("/policies/{code:[A-Z]{2,10}-[0-9]{3,5}}")
	String show(@PathVariable String code, Model model) {
		Policy policy = library.find(code).orElseThrow(() -> Problem.notFound("policy.notFound"));
		model.addAttribute("policy", policy);
		model.addAttribute("faqs", desk.of("POLICY", code));
		return "policy/detail";
	}

	@GetMapping("/policies/finder")
	String initFinderForm(Model model) {
		EligibilityProfile saved = CurrentUser.get().filter(u -> u.hasRole(Role.APPLICANT))
			.flatMap(u -> profiles.find(u.id())).orElse(null);
		ProfileForm form;
		if (saved != null) {
			form = ProfileForm.of(saved);
			model.addAttribute("savedProfile", true);
		}
		else {
			form = new ProfileForm();
			CurrentUser.get().filter(u -> u.applicantType() != null)
				.ifPresent(u -> form.setApplicantType(u.applicantType().name()));
		}
		model.addAttribute("form", form);
		return "policy/finder";
	}

	@PostMapping("/policies/finder")
	String processFinderForm(@Valid @ModelAttribute("form") ProfileForm form, BindingResult result, Locale locale,
			Model model) {
		LocalDate today = LocalDate.now(clock);
		form.validateChoices(result, today);
		if (result.hasErrors()) {
			return "policy/finder";
		}
		EligibilityProfile profile = form.toProfile();
		EstationUser user = CurrentUser.get().orElse(null);
		if (form.isSave() && user != null && user.hasRole(Role.APPLICANT)) {
			profiles.save(user.id(), profile);
			model.addAttribute("profileSaved", true);
		}
		List<Eligibility> results = library.evaluateAll(profile, today);
		model.addAttribute("qualifying", results.stream().filter(r -> r.verdict() == Eligibility.Verdict.QUALIFIES)
			.map(r -> views.view(r, profile, today, locale)).toList());
		model.addAttribute("nearly", results.stream().filter(r -> r.verdict() == Eligibility.Verdict.NEARLY)
			.map(r -> views.view(r, profile, today, locale)).toList());
		model.addAttribute("evaluated", true);
		return "policy/finder";
	}

}
