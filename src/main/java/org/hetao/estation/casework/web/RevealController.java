package org.hetao.estation.casework.web;

import org.hetao.estation.casework.PersonalDataReveal;
import org.hetao.estation.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The "show" button next to a masked value (htmx): answers the value unmasked, audited; 404 for anyone not entitled. */
@Controller
class RevealController {

	private final PersonalDataReveal reveal;

	RevealController(PersonalDataReveal reveal) {
		this.reveal = reveal;
	}

	@PostMapping("/cases/{caseId}/reveal")
	String reveal(@PathVariable long caseId, @RequestParam String field, Model model) {
		model.addAttribute("value", reveal.reveal(CurrentUser.require(), caseId, field));
		return "casework/reveal :: value";
	}

}
