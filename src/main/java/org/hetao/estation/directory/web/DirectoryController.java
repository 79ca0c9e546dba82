package org.hetao.estation.directory.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.hetao.estation.directory.Background;
import org.hetao.estation.directory.Organisation;
import org.hetao.estation.directory.OrganisationFilter;
import org.hetao.estation.directory.OrganisationKind;
import org.hetao.estation.directory.ResearchField;
import org.hetao.estation.directory.ScienceBase;
import org.hetao.estation.directory.internal.DirectoryService;
import org.hetao.estation.directory.internal.MapPicture;
import org.hetao.estation.directory.internal.ZoneMaps;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public directory, the organisation profiles (展示交流) and the zone map. */
@Controller
class DirectoryController {

	private final DirectoryService directory;

	private final ZoneMaps zoneMaps;

	DirectoryController(DirectoryService directory, ZoneMaps zoneMaps) {
		this.directory = directory;
		this.zoneMaps = zoneMaps;
	}

	@GetMapping("/directory")
	String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String field,
			@RequestParam(required = false) String background, @RequestParam(required = false) String base,
			Model model, Locale locale) {
		OrganisationFilter filter = Filters.parse(kind, field, background, base);
		model.addAttribute("organisations", sorted(directory.find(filter), locale));
		filterModel(model, filter);
		model.addAttribute("mayEdit", mayEdit());
		return "directory/list";
	}

	@GetMapping("/directory/{code}")
	String profile(@PathVariable String code, Model model, Locale locale) {
		Organisation organisation = directory.byCode(code)
			.orElseThrow(() -> Problem.notFound("directory.error.notFound"));
		model.addAttribute("organisation", organisation);
		model.addAttribute("places", places(locale));
		model.addAttribute("mayEdit", mayEdit());
		return "directory/profile";
	}

	@GetMapping("/map")
	String map(@RequestParam(required = false) String kind, @RequestParam(required = false) String field,
			@RequestParam(required = false) String background, @RequestParam(required = false) String base,
			Model model, Locale locale) {
		OrganisationFilter filter = Filters.parse(kind, field, background, base);
		List<Organisation> organisations = sorted(directory.find(filter), locale);
		model.addAttribute("organisations", organisations);
		model.addAttribute("picture", MapPicture.draw(zoneMaps.map(), organisations, locale));
		model.addAttribute("organisationKinds", org.hetao.estation.directory.OrganisationKind.values());
		model.addAttribute("places", places(locale));
		filterModel(model, filter);
		return "directory/map";
	}

	/** Names of the map's places (buildings) by feature id, in the reader's language. */
	private java.util.Map<String, String> places(Locale locale) {
		return zoneMaps.map()
			.features()
			.stream()
			.collect(java.util.stream.Collectors.toMap(f -> f.id(), f -> f.name().get(locale)));
	}

	static void filterModel(Model model, OrganisationFilter filter) {
		model.addAttribute("filter", filter);
		model.addAttribute("kinds", OrganisationKind.values());
		model.addAttribute("researchFields", ResearchField.values());
		model.addAttribute("backgrounds", Background.values());
		model.addAttribute("bases", ScienceBase.values());
	}

	private static List<Organisation> sorted(List<Organisation> organisations, Locale locale) {
		return organisations.stream()
			.sorted(Comparator.comparing(Organisation::kind).thenComparing(o -> o.name().get(locale)))
			.toList();
	}

	static boolean mayEdit() {
		return CurrentUser.get().map(u -> u.hasRole(Role.PARK_OPERATOR)).orElse(false);
	}

}
