package org.hetao.estation.portal.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.NavigationLink;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/** What every page's layout needs: the language, the signed-in user and the navigation they may use. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

	private final List<NavigationLink> links;

	private final org.hetao.estation.portal.ServiceCentre serviceCentre;

	LayoutModelAdvice(List<NavigationLink> links, org.hetao.estation.portal.ServiceCentre serviceCentre) {
		this.links = links.stream().sorted(Comparator.comparingInt(NavigationLink::order)).toList();
		this.serviceCentre = serviceCentre;
	}

	@ModelAttribute
	void layout(HttpServletRequest request, org.springframework.ui.Model model) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			// a @RestController is a @Controller too, but an API answer has no layout
			return;
		}
		Locale locale = RequestContextUtils.getLocale(request);
		Language language = Language.of(locale);
		EstationUser user = CurrentUser.get().orElse(null);
		model.addAttribute("language", language);
		model.addAttribute("htmlLang", language.tag());
		model.addAttribute("currentUser", user);
		model.addAttribute("serviceCentre", serviceCentre);
		model.addAttribute("navLinks", links.stream().filter(l -> visible(l, user)).toList());
		String query = request.getQueryString();
		String back = request.getRequestURI() + (query == null ? "" : "?" + query);
		model.addAttribute("backPath", back.replaceAll("([?&])lang=[^&]*&?", "$1").replaceAll("[?&]$", ""));
	}

	private static boolean visible(NavigationLink link, EstationUser user) {
		return switch (link.audience()) {
			case EVERYONE -> true;
			case APPLICANT -> user != null && user.hasRole(Role.APPLICANT);
			case CLERK -> user != null && user.hasRole(Role.CLERK);
			case OFFICER -> user != null && user.hasRole(Role.OFFICER);
			case SUPERVISOR -> user != null && user.hasRole(Role.SUPERVISOR);
			case ADMIN -> user != null && user.hasRole(Role.ADMIN);
			case HALL_MANAGER -> user != null && user.hasRole(Role.HALL_MANAGER);
			case PARK_OPERATOR -> user != null && user.hasRole(Role.PARK_OPERATOR);
			case STAFF -> user != null && user.isStaff();
			case SIGNED_IN -> user != null;
		};
	}

}
