package org.hetao.estation.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The header's 繁 · 简 · EN links: the locale interceptor has already remembered {@code ?lang=}; this
 * sends the user back to the page they were on (a local path only, never another site).
 */
@Controller
class LanguageController {

	@GetMapping("/language")
	String switchLanguage(@RequestParam(name = "back", defaultValue = "/") String back) {
		boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
				&& back.chars().noneMatch(Character::isISOControl);
		return "redirect:" + (local ? back : "/");
	}

}
