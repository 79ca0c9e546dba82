package org.hetao.estation.identity.web;

import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Passkeys;
import org.hetao.estation.shared.Problem;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A staff member's passkeys ({@code /account/passkeys}): the list (name, made, last used), a new one (the page's
 * script talks to Spring Security's WebAuthn endpoints, then comes back here), and revoking one.
 */
@Controller
@ConditionalOnProperty(name = "estation.webauthn.enabled", havingValue = "true", matchIfMissing = true)
class PasskeyController {

	private final Passkeys passkeys;

	PasskeyController(Passkeys passkeys) {
		this.passkeys = passkeys;
	}

	@GetMapping("/account/passkeys")
	String initPasskeysForm(Model model) {
		return page(model, requireStaff(), null);
	}

	/** Reached only without the page's script (which registers the passkey itself): passkeys need it. */
	@PostMapping("/account/passkeys")
	String processPasskeysForm(Model model) {
		return page(model, requireStaff(), "identity.passkeys.needsScript");
	}

	@PostMapping("/account/passkeys/revoke")
	String revoke(@RequestParam String id) {
		passkeys.revoke(requireStaff(), id);
		return "redirect:/account/passkeys?revoked";
	}

	private String page(Model model, EstationUser user, String error) {
		model.addAttribute("passkeys", passkeys.of(user.id()));
		model.addAttribute("labelError", error);
		return "identity/passkeys";
	}

	private static EstationUser requireStaff() {
		EstationUser user = CurrentUser.require();
		if (!user.isStaff()) {
			throw Problem.forbidden("error.forbidden");
		}
		return user;
	}

}
