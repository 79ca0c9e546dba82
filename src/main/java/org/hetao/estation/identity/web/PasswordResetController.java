package org.hetao.estation.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.hetao.estation.identity.PasswordResets;
import org.hetao.estation.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Forgot your password?": ask for a link by e-mail ({@code /password-reset}, the same answer whether the
 * account exists or not), then choose a new password with it ({@code /password-reset/{token}}).
 */
@Controller
class PasswordResetController {

	private final PasswordResets resets;

	PasswordResetController(PasswordResets resets) {
		this.resets = resets;
	}

	record RequestForm(@NotBlank(message = "{identity.reset.account.required}") @Size(max = 254,
			message = "{identity.reset.account.tooLong}") String account) {
	}

	record NewPasswordForm(@NotBlank(message = "{register.password.required}") @Size(min = 12, max = 128,
			message = "{register.password.length}") String password, String confirmation) {
	}

	@GetMapping("/password-reset")
	String initRequestForm(Model model) {
		model.addAttribute("form", new RequestForm(""));
		return "identity/password-reset";
	}

	@PostMapping("/password-reset")
	String processRequestForm(@Valid @ModelAttribute("form") RequestForm form, BindingResult result) {
		if (result.hasErrors()) {
			return "identity/password-reset";
		}
		resets.request(form.account());
		return "redirect:/password-reset?sent";
	}

	@GetMapping("/password-reset/{token}")
	String initNewPasswordForm(@PathVariable String token, Model model,
			jakarta.servlet.http.HttpServletResponse response) {
		if (!resets.usable(token)) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "identity/password-reset-invalid";
		}
		model.addAttribute("token", token);
		model.addAttribute("form", new NewPasswordForm("", ""));
		return "identity/password-reset-form";
	}

	@PostMapping("/password-reset/{token}")
	String processNewPasswordForm(@PathVariable String token, @Valid @ModelAttribute("form") NewPasswordForm form,
			BindingResult result, Model model, jakarta.servlet.http.HttpServletResponse response) {
		model.addAttribute("token", token);
		if (!resets.usable(token)) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "identity/password-reset-invalid";
		}
		if (!result.hasFieldErrors("password") && !form.password().equals(form.confirmation())) {
			result.rejectValue("confirmation", "identity.reset.confirmation.mismatch");
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "identity/password-reset-form";
		}
		try {
			resets.reset(token, form.password());
		}
		catch (Problem problem) {
			if (problem.fieldErrors().isEmpty()) {
				response.setStatus(HttpStatus.NOT_FOUND.value());
				return "identity/password-reset-invalid";
			}
			problem.fieldErrors().forEach(e -> result.rejectValue(e.field(), e.messageKey()));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "identity/password-reset-form";
		}
		return "redirect:/login?passwordReset";
	}

}
