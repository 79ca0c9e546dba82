package org.hetao.estation.identity.web;

import org.hetao.estation.identity.SignInThrottle;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The link e-mailed to an account's owner when repeated failed sign-ins paused it (#21): the page asks for one
 * press (a mail scanner that opens links must not use it up), which lifts the pause. The token is the credential.
 */
@Controller
class UnlockController {

	private final SignInThrottle throttle;

	UnlockController(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@GetMapping("/login/unlock/{token}")
	String initUnlockForm(@PathVariable String token) {
		return throttle.unlockLinkUsable(token) ? "identity/unlock" : "identity/unlock-invalid";
	}

	@PostMapping("/login/unlock/{token}")
	String processUnlockForm(@PathVariable String token) {
		return throttle.useUnlockLink(token) ? "redirect:/login?unlocked" : "identity/unlock-invalid";
	}

}
