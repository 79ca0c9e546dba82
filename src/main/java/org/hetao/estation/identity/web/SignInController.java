package org.hetao.estation.identity.web;

import java.util.Arrays;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hetao.estation.identity.Registration;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.PhoneNumber;
import org.hetao.estation.shared.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-in and applicant self-registration pages. */
@Controller
class SignInController {

	private final Registration registration;

	private final String externalProvider;

	SignInController(Registration registration,
			@org.springframework.beans.factory.annotation.Value("${estation.oidc.issuer-uri:}") String issuer,
			@org.springframework.beans.factory.annotation.Value("${estation.oidc.display-name:iAM Smart}") String name) {
		this.registration = registration;
		this.externalProvider = issuer.isBlank() ? null : name;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("externalProvider", externalProvider);
		return "identity/login";
	}

	/** What the registration form sends. */
	record RegistrationForm(@NotBlank(message = "{register.name.required}") @Size(max = 200) String name,
			@NotBlank(message = "{register.email.required}") @Email(message = "{register.email.invalid}") @Size(
					max = 254) String email,
			@NotBlank(message = "{register.phone.required}") @PhoneNumber String phone,
			@NotBlank(message = "{register.password.required}") @Size(min = 12, max = 128,
					message = "{register.password.length}") String password,
			@NotNull(message = "{register.language.required}") Language preferredLanguage,
			@NotNull(message = "{register.applicantType.required}") ApplicantType applicantType) {
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("applicantTypes", Arrays.asList(ApplicantType.values()));
		model.addAttribute("languages", Arrays.asList(Language.values()));
	}

	@GetMapping("/register")
	String initRegistrationForm(Model model) {
		model.addAttribute("form", new RegistrationForm("", "", "", "", Language.DEFAULT, null));
		return "identity/register";
	}

	@PostMapping("/register")
	String processRegistrationForm(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult result,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return "identity/register";
		}
		try {
			registration.register(new Registration.Applicant(form.name(), form.email(), form.phone(), form.password(),
					form.preferredLanguage(), form.applicantType()));
		}
		catch (Problem problem) {
			problem.fieldErrors().forEach(e -> result.rejectValue(e.field(), e.messageKey()));
			return "identity/register";
		}
		redirect.addFlashAttribute("registered", true);
		return "redirect:/login?registered";
	}

}
