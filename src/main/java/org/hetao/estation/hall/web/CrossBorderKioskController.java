package org.hetao.estation.hall.web;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.catalog.Channel;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.hall.SelfServiceKiosks;
import org.hetao.estation.hall.internal.KioskDevices;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.Problem;
import org.springframework.http.ResponseCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The cross-border self-service kiosk mode of the hall (跨境通辦): on a device the hall manager registered, the
 * items that offer the {@code CROSS_BORDER_SELF_SERVICE} channel, and only those, each applied for from here
 * (the applicant signs in with their own account; the application pages know the device). Elsewhere the page
 * says it is not a kiosk and lists where the kiosks are.
 */
@Controller
class CrossBorderKioskController {

	private final Catalog catalog;

	private final KioskDevices kiosks;

	private final boolean secureCookie;

	CrossBorderKioskController(Catalog catalog, KioskDevices kiosks,
			@org.springframework.beans.factory.annotation.Value("${server.servlet.session.cookie.secure:true}") boolean secureCookie) {
		this.catalog = catalog;
		this.kiosks = kiosks;
		this.secureCookie = secureCookie;
	}

	/** The items this kiosk serves: active ones offering the cross-border self-service channel. */
	List<ServiceItem> offered(String query, Locale locale) {
		String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
		return catalog.items()
			.stream()
			.filter(ServiceItem::active)
			.filter(i -> i.channels().contains(Channel.CROSS_BORDER_SELF_SERVICE))
			.filter(i -> q.isEmpty() || i.code().toLowerCase(Locale.ROOT).contains(q)
					|| i.name().in(locale).toLowerCase(Locale.ROOT).contains(q))
			.sorted(Comparator.comparing(ServiceItem::code))
			.toList();
	}

	@GetMapping("/hall/kiosk/cross-border")
	String kiosk(@RequestParam(required = false) String q, HttpServletRequest request, Model model) {
		boolean here = kiosks.isKiosk(request);
		model.addAttribute("bareLayout", here);
		model.addAttribute("isKiosk", here);
		model.addAttribute("q", q);
		model.addAttribute("items", here ? offered(q, RequestContextUtils.getLocale(request)) : List.of());
		model.addAttribute("locations", kiosks.locations());
		model.addAttribute("mayRegister", CurrentUser.get().map(u -> u.hasRole(Role.HALL_MANAGER)).orElse(false));
		return "hall/kiosk-cross-border";
	}

	/** The hall manager makes this browser a cross-border self-service kiosk. */
	@PostMapping("/hall/manager/kiosks")
	String register(@RequestParam(required = false) String name, HttpServletResponse response,
			RedirectAttributes flash) {
		var manager = CurrentUser.require();
		if (!manager.hasRole(Role.HALL_MANAGER)) {
			throw Problem.forbidden("error.forbidden");
		}
		String token = kiosks.register(name, manager.id());
		ResponseCookie cookie = ResponseCookie.from(SelfServiceKiosks.COOKIE, token)
			.httpOnly(true)
			.secure(secureCookie)
			.sameSite("Lax")
			.path("/")
			.maxAge(Duration.ofDays(3650))
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		flash.addFlashAttribute("registered", true);
		return "redirect:/hall/kiosk/cross-border";
	}

	@PostMapping("/hall/manager/kiosks/{id}/revoke")
	String revoke(@PathVariable long id, RedirectAttributes flash) {
		var manager = CurrentUser.require();
		if (!manager.hasRole(Role.HALL_MANAGER)) {
			throw Problem.forbidden("error.forbidden");
		}
		kiosks.revoke(id, manager.id());
		return "redirect:/hall/manager";
	}

}
