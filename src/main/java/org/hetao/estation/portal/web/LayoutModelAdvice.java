package org.hetao.estation.portal.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.ModuleWeb;
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

	LayoutModelAdvice(List<NavigationLink> links, List<ModuleWeb> modules,
			org.hetao.estation.portal.ServiceCentre serviceCentre) {
		this.links = java.util.stream.Stream
			.concat(links.stream(), modules.stream().flatMap(module -> module.links().stream()))
			.sorted(Comparator.comparingInt(NavigationLink::order))
			.toList();
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
		model.addAttribute("zone", org.hetao.estation.shared.Zone.ID);
		// the inbox is an applicant's (staff have none, and a staff member still to give the second factor would
		// get a 401 from the badge's background request on the code page)
		model.addAttribute("hasInbox", user != null && user.hasRole(Role.APPLICANT));
		List<NavigationLink> visible = visibleTo(user);
		model.addAttribute("navLinks", visible);
		model.addAttribute("primaryLinks", visible.stream().filter(l -> l.order() <= PRIMARY_ORDER).limit(PRIMARY_LINKS).toList());
		String query = request.getQueryString();
		String back = request.getRequestURI() + (query == null ? "" : "?" + query);
		model.addAttribute("backPath", TRAILING_SEPARATOR.matcher(LANG_PARAMETER.matcher(back).replaceAll("$1")).replaceAll(""));
	}

	/** The page's {@code lang} parameter, taken out of the path the language links come back to. */
	private static final Pattern LANG_PARAMETER = Pattern.compile("([?&])lang=[^&]*&?");

	private static final Pattern TRAILING_SEPARATOR = Pattern.compile("[?&]$");

	/** The primary menu: what most people come to do, at most five links; everything else is one level down. */
	static final int PRIMARY_LINKS = 5;

	static final int PRIMARY_ORDER = 50;

	/** The links this user may use, in order, each path once (a link several audiences share is listed once). */
	List<NavigationLink> visibleTo(EstationUser user) {
		java.util.Set<String> paths = new java.util.HashSet<>();
		return links.stream().filter(l -> visible(l, user)).filter(l -> paths.add(l.path())).toList();
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
