package org.hetao.estation.identity.web;

import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.identity.SecondFactor;
import org.hetao.estation.shared.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An administrator removes a staff member's second factor (a lost phone); audited. ADMIN only. */
@Controller
class AdminSecondFactorController {

	private final SecondFactor secondFactor;

	AdminSecondFactorController(SecondFactor secondFactor) {
		this.secondFactor = secondFactor;
	}

	@GetMapping("/admin/second-factor")
	String initResetForm(Model model) {
		requireAdmin();
		model.addAttribute("username", "");
		return "identity/admin-second-factor";
	}

	@PostMapping("/admin/second-factor/reset")
	String processResetForm(@RequestParam(defaultValue = "") String username, Model model,
			RedirectAttributes redirect) {
		EstationUser admin = requireAdmin();
		EstationUser account;
		try {
			account = secondFactor.reset(username, admin);
		}
		catch (Problem problem) {
			if (problem.kind() != Problem.Kind.UNPROCESSABLE) {
				throw problem;
			}
			model.addAttribute("username", username);
			model.addAttribute("usernameError", problem.messageKey());
			return "identity/admin-second-factor";
		}
		redirect.addFlashAttribute("resetFor", account.getUsername());
		return "redirect:/admin/second-factor";
	}

	private static EstationUser requireAdmin() {
		EstationUser user = CurrentUser.require();
		if (!user.hasRole(Role.ADMIN)) {
			throw Problem.forbidden("error.forbidden");
		}
		return user;
	}

}
