package org.hetao.estation.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages a public service owes its users, linked from every page's footer: how to reach us, how personal data
 * is handled, how accessible the platform is, and the terms of use.
 */
@Controller
class ServiceInformationController {

	private final org.hetao.estation.portal.DesignTokens tokens;

	ServiceInformationController(org.hetao.estation.portal.DesignTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/contact")
	String contact() {
		return "portal/contact";
	}

	@GetMapping("/privacy")
	String privacy() {
		return "portal/privacy";
	}

	@GetMapping("/accessibility")
	String accessibility() {
		return "portal/accessibility";
	}

	@GetMapping("/terms")
	String terms() {
		return "portal/terms";
	}

	/** The design system: the components every template uses, and the colour tokens with their contrast. */
	@GetMapping("/design")
	String design(org.springframework.ui.Model model) {
		model.addAttribute("tokens", tokens);
		return "portal/design";
	}

}
