package org.hetao.estation.leisure.web;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;

import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.catalog.Theme;
import org.hetao.estation.leisure.internal.LeisureData;
import org.hetao.estation.leisure.internal.LeisureGuide;
import org.hetao.estation.leisure.internal.PlacesFile;
import org.hetao.estation.leisure.internal.ServiceDay;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The theme 休閒資訊's pages: the overview with a card per subject and the theme's catalogue items, the ports
 * with their queues now, the shuttle's next departures and timetables, car parks, dining and facilities.
 */
@Controller
class LeisurePageController {

	/** Departures shown per direction on the shuttle page (the overview shows one). */
	static final int NEXT = 3;

	/** Ports on the overview's card: the nearest. */
	static final int NEAR_PORTS = 3;

	private final LeisureGuide guide;

	private final Catalog catalog;

	LeisurePageController(LeisureGuide guide, Catalog catalog) {
		this.guide = guide;
		this.catalog = catalog;
	}

	/** A catalogue item of the theme, with the page of its live information when it has one. */
	record ThemeItem(ServiceItem item, String livePath) {
	}

	@GetMapping("/leisure")
	String overview(Model model) {
		common(model);
		LeisureData data = guide.data();
		LeisureGuide.PortsNow portsNow = guide.portsNow();
		model.addAttribute("portsNow", portsNow);
		model.addAttribute("nearPorts", portsNow.ports()
			.stream()
			.sorted(Comparator.comparing(p -> p.port().distanceKm()))
			.limit(NEAR_PORTS)
			.toList());
		model.addAttribute("routes", guide.shuttleNext(1));
		model.addAttribute("carParks", data.places().carParks());
		model.addAttribute("evChargers", data.places().carParks().stream().mapToInt(PlacesFile.CarPark::evChargers).sum());
		model.addAttribute("spaces", data.places().carParks().stream().mapToInt(PlacesFile.CarPark::spaces).sum());
		model.addAttribute("dining", data.places().dining());
		model.addAttribute("hongKongPayment",
				data.places().dining().stream().filter(PlacesFile.Eatery::acceptsHongKongPayment).count());
		model.addAttribute("facilities", data.places().facilities());
		List<ThemeItem> items = catalog.items()
			.stream()
			.filter(i -> i.theme() == Theme.LEISURE_INFORMATION)
			.map(i -> new ThemeItem(i, data.pageForItem(i.code()).orElse(null)))
			.toList();
		model.addAttribute("items", items);
		return "leisure/overview";
	}

	@GetMapping("/leisure/ports")
	String ports(Model model) {
		common(model);
		model.addAttribute("portsNow", guide.portsNow());
		model.addAttribute("file", guide.data().ports());
		return "leisure/ports";
	}

	@GetMapping("/leisure/shuttle")
	String shuttle(Model model) {
		common(model);
		model.addAttribute("routes", guide.shuttleNext(NEXT));
		model.addAttribute("file", guide.data().shuttle());
		return "leisure/shuttle";
	}

	/** The pages listing the zone's places, one kind each: the view is named as its path. */
	@GetMapping({ "/leisure/parking", "/leisure/dining", "/leisure/facilities" })
	String places(jakarta.servlet.http.HttpServletRequest request, Model model) {
		common(model);
		model.addAttribute("file", guide.data().places());
		String path = (String) request.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return "leisure/" + path.substring("/leisure/".length());
	}

	private void common(Model model) {
		ZonedDateTime now = guide.now();
		LocalDate today = now.toLocalDate();
		model.addAttribute("now", now);
		model.addAttribute("today", today);
		model.addAttribute("serviceDay", guide.serviceDay(today));
		model.addAttribute("serviceDays", List.of(ServiceDay.values()));
		model.addAttribute("fmt", LeisureFormat.INSTANCE);
	}

}
