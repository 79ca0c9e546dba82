package org.hetao.estation.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages a public service owes its users, linked from every page's footer: how to reach us, how personal data
 * is handled, how accessible the platform is, and the terms of use.
 */
@Controller
class ServiceInformationController {

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

}
