package org.hetao.estation.catalog.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.hetao.estation.catalog.ItemKind;
import org.hetao.estation.catalog.ItemOutput;
import org.hetao.estation.catalog.Matter;
import org.hetao.estation.catalog.ServiceDomain;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.catalog.Theme;
import org.hetao.estation.catalog.internal.CatalogDocument.Category;
import org.hetao.estation.catalog.internal.CatalogSnapshot;
import org.hetao.estation.catalog.internal.ItemQuery;
import org.hetao.estation.catalog.internal.MatterPlan;
import org.hetao.estation.catalog.internal.StoredCatalog;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.LateBeans;
import org.hetao.estation.shared.LiveInformation;
import org.hetao.estation.shared.LocalizedText;
import org.hetao.estation.shared.Problem;
import org.hetao.estation.shared.PublishedFaqs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public catalogue pages: the home page, the item list, the item guide and the matter page. */
@Controller
class CatalogPageController {

	static final int PAGE_SIZE = 20;

	private final StoredCatalog catalog;

	private final Supplier<List<PublishedFaqs>> faqs;

	private final Supplier<List<LiveInformation>> live;

	/**
	 * @param faqs the answers published to the items' FAQ (by the consultation desk)
	 * @param live pages of current information about items and themes (leisure information)
	 */
	CatalogPageController(StoredCatalog catalog, ObjectProvider<PublishedFaqs> faqs,
			ObjectProvider<LiveInformation> live) {
		this.catalog = catalog;
		this.faqs = LateBeans.all(faqs);
		this.live = LateBeans.all(live);
	}

	/**
	 * A theme or domain with its item count, for the home page's tiles, and where its tile leads: the catalogue of
	 * its items, or a theme's page of its own; pictured for the themes.
	 */
	record Tile(String code, Category category, long count, String path, boolean pictured) {
	}

	/** An output of one item that fills a field of a later one. */
	record Flow(LocalizedText output, LocalizedText from, LocalizedText to) {
	}

	@GetMapping("/")
	String home(Model model) {
		CatalogSnapshot s = catalog.snapshot();
		model.addAttribute("themes", Arrays.stream(Theme.values())
			.flatMap(t -> s.theme(t).stream().map(c -> new Tile(t.name(), c, s.itemCount(t), themePage(t.name()), true)))
			.toList());
		model.addAttribute("domains", Arrays.stream(ServiceDomain.values())
			.flatMap(d -> s.domain(d).stream().map(c -> new Tile(d.name(), c, s.itemCount(d), "/catalog?domain=" + d.name(), false)))
			.toList());
		model.addAttribute("matters", s.matters());
		model.addAttribute("itemCount", s.items().size());
		model.addAttribute("notice", s.notice());
		return "catalog/home";
	}

	@GetMapping("/catalog")
	String list(@RequestParam(required = false) String domain, @RequestParam(required = false) String theme,
			@RequestParam(required = false) String department, @RequestParam(required = false) String applicantType,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String page, Model model) {
		ItemQuery query = ItemFilters.parse(domain, theme, department, applicantType, kind, page, null, PAGE_SIZE);
		CatalogSnapshot s = catalog.snapshot();
		if (query.department() != null && s.department(query.department()).isEmpty()) {
			throw new Problem(Problem.Kind.INVALID, "catalog.filter.invalid",
					List.of(new Problem.FieldError("department", "catalog.filter.unknownValue", query.department(), "")));
		}
		ItemQuery.Page<ServiceItem> result = query.apply(s.items());
		model.addAttribute("query", query);
		model.addAttribute("result", result);
		model.addAttribute("snapshot", s);
		model.addAttribute("domains", ServiceDomain.values());
		model.addAttribute("themeValues", Theme.values());
		model.addAttribute("kinds", ItemKind.values());
		model.addAttribute("applicantTypes", ApplicantType.values());
		model.addAttribute("departments", s.departments());
		model.addAttribute("filtered", query.domain() != null || query.theme() != null || query.department() != null
				|| query.applicantType() != null || query.kind() != null);
		model.addAttribute("themeLive", query.theme() == null ? List.of()
				: live.get().stream().flatMap(l -> l.forTheme(query.theme().name()).stream()).toList());
		// a theme's page shows its picture and what the theme covers
		model.addAttribute("theme", query.theme() != null ? s.theme(query.theme()).orElse(null) : null);
		model.addAttribute("heading", query.theme() != null ? s.theme(query.theme()).map(Category::name).orElse(null)
				: query.domain() != null ? s.domain(query.domain()).map(Category::name).orElse(null) : null);
		return "catalog/list";
	}

	@GetMapping("/catalog/items/{code}")
	String item(@PathVariable String code, @RequestParam(name = "for", required = false) String forType, Model model) {
		CatalogSnapshot s = catalog.snapshot();
		ServiceItem item = s.item(code).orElseThrow(() -> Problem.notFound("catalog.item.notFound", code));
		Optional<ApplicantType> mine = CurrentUser.get().map(EstationUser::applicantType);
		ApplicantType type = null;
		if (forType != null && !forType.isBlank()) {
			type = Arrays.stream(ApplicantType.values())
				.filter(t -> t.name().equals(forType))
				.findFirst()
				.orElseThrow(() -> new Problem(Problem.Kind.INVALID, "catalog.filter.invalid",
						List.of(new Problem.FieldError("for", "catalog.filter.unknownValue", forType, ""))));
		}
		else if (mine.isPresent() && item.serves(mine.get())) {
			type = mine.get();
		}
		model.addAttribute("item", item);
		model.addAttribute("department", s.department(item.departmentCode()).orElse(null));
		model.addAttribute("domainCategory", s.domain(item.domain()).orElse(null));
		model.addAttribute("themeCategory", s.theme(item.theme()).orElse(null));
		model.addAttribute("applicantType", type);
		model.addAttribute("myType", mine.orElse(null));
		model.addAttribute("served", type == null || item.serves(type));
		model.addAttribute("materials", type == null ? item.materials() : item.materialsFor(type));
		model.addAttribute("servedTypes", Arrays.stream(ApplicantType.values()).filter(item::serves).toList());
		model.addAttribute("channels", item.channels().stream().sorted().toList());
		model.addAttribute("online", item.channels().contains(org.hetao.estation.catalog.Channel.ONLINE));
		model.addAttribute("atWindow", item.channels().contains(org.hetao.estation.catalog.Channel.WINDOW));
		model.addAttribute("atKiosk", item.channels().contains(org.hetao.estation.catalog.Channel.CROSS_BORDER_SELF_SERVICE));
		model.addAttribute("inMatters",
				s.matters().stream().filter(m -> m.item(item.code()).isPresent()).toList());
		model.addAttribute("live", live.get().stream().flatMap(l -> l.forItem(item.code()).stream()).toList());
		model.addAttribute("faqs", faqs.get().stream().flatMap(f -> f.of("ITEM", item.code()).stream()).toList());
		return "catalog/item";
	}

	private String themePage(String theme) {
		return live.get().stream().flatMap(l -> l.forTheme(theme).stream()).map(LiveInformation.Link::path).findFirst()
			.orElse("/catalog?theme=" + theme);
	}

	@GetMapping("/catalog/matters/{code}")
	String matter(@PathVariable String code, Model model) {
		CatalogSnapshot s = catalog.snapshot();
		Matter matter = s.matter(code).orElseThrow(() -> Problem.notFound("catalog.matter.notFound", code));
		MatterPlan plan = MatterPlan.of(matter, c -> s.item(c).orElse(null));
		model.addAttribute("matter", matter);
		model.addAttribute("plan", plan);
		model.addAttribute("snapshot", s);
		model.addAttribute("departments", plan.steps()
			.stream()
			.map(st -> st.item().departmentCode())
			.distinct()
			.map(d -> s.department(d).orElse(null))
			.filter(java.util.Objects::nonNull)
			.toList());
		model.addAttribute("flows", matter.outputMappings().stream().map(o -> {
			ServiceItem from = s.item(o.fromItem()).orElseThrow();
			LocalizedText output = from.outputs()
				.stream()
				.filter(out -> out.key().equals(o.outputKey()))
				.map(ItemOutput::label)
				.findFirst()
				.orElse(LocalizedText.of(o.outputKey(), o.outputKey(), o.outputKey()));
			return new Flow(output, from.name(), s.item(o.toItem()).orElseThrow().name());
		}).toList());
		return "catalog/matter";
	}

}
