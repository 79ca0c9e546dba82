package org.hetao.estation.portal.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.hetao.estation.portal.ServiceCentre;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The parts of every page's layout that are the same for every request in one locale: the footer (the service
 * centre's name, address, hours and help lines, the links about the service) and the menu's four themes. Each is
 * rendered from {@code templates/fragments/layout-parts.html} the first time a page in that locale needs it, and
 * kept; the layout inserts the kept markup as it is ({@code th:with="part=${@layoutParts.html('footer', #ctx)}"}
 * then {@code th:utext="${part}"}: Thymeleaf does not let {@code th:utext} call a bean). Rendering them anew on every
 * page was 7-15% of an item guide page's CPU (two instances of the application side by side, alternating load,
 * session 16).
 *
 * <p>What they show comes from the message bundles and the service centre's data file, both read once at start-up,
 * and from the locale: nothing of the request, the user or the session may go into layout-parts.html. Their links
 * are built against the first request's context path, which is the application's. At most {@value #MAX_LOCALES}
 * locales are kept (the locale can come from a cookie anyone can write); beyond them a part is rendered each time.
 */
@Component("layoutParts")
public class LayoutParts {

	static final String TEMPLATE = "fragments/layout-parts";

	static final Set<String> PARTS = Set.of("footer", "themes");

	static final int MAX_LOCALES = 16;

	private final ITemplateEngine engine;

	private final ServiceCentre serviceCentre;

	private final ConcurrentMap<Locale, Map<String, String>> rendered = new ConcurrentHashMap<>();

	LayoutParts(ITemplateEngine engine, ServiceCentre serviceCentre) {
		this.engine = engine;
		this.serviceCentre = serviceCentre;
	}

	/** The markup of a part ({@code footer} or {@code themes}) in the page's locale. */
	public String html(String part, ITemplateContext page) {
		if (!PARTS.contains(part)) {
			throw new IllegalArgumentException("no such layout part: " + part);
		}
		Locale locale = page.getLocale();
		Map<String, String> parts = rendered.get(locale);
		if (parts == null) {
			if (rendered.size() >= MAX_LOCALES) {
				return render(part, page);
			}
			parts = rendered.computeIfAbsent(locale, l -> new ConcurrentHashMap<>());
		}
		String html = parts.get(part);
		if (html == null) {
			html = render(part, page);
			parts.putIfAbsent(part, html);
		}
		return html;
	}

	/** How many locales have parts kept (for the tests of the bound). */
	int localesKept() {
		return rendered.size();
	}

	private String render(String part, ITemplateContext page) {
		if (!(page instanceof IWebContext web)) {
			throw new IllegalStateException("layout parts are rendered within a web request");
		}
		WebContext context = new WebContext(web.getExchange(), page.getLocale(), Map.of("serviceCentre", serviceCentre));
		return engine.process(new TemplateSpec(TEMPLATE, Set.of(part), TemplateMode.HTML, null), context).strip();
	}

}
