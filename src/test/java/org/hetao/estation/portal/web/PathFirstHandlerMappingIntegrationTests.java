package org.hetao.estation.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The path-first lookup maps every request exactly as Spring MVC's own lookup does: for every route of the
 * application, with every HTTP method, both find the same handler method or fail the same way (405, 406, 415...),
 * and a path no route has finds nothing in both.
 */
@SpringBootTest
class PathFirstHandlerMappingIntegrationTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	ApplicationContext context;

	@Test
	void theApplicationLooksUpHandlersPathFirst() {
		assertThat(mapping).isInstanceOf(PathFirstHandlerMapping.class);
	}

	@Test
	void everyRouteAndMethodMapsAsSpringItselfWould() throws Exception {
		RequestMappingHandlerMapping spring = new RequestMappingHandlerMapping();
		spring.setApplicationContext(context);
		spring.setContentNegotiationManager(mapping.getContentNegotiationManager());
		spring.setPatternParser(mapping.getPatternParser());
		spring.setPathPrefixes(mapping.getPathPrefixes());
		spring.setEmbeddedValueResolver(new EmbeddedValueResolver(((ConfigurableApplicationContext) context).getBeanFactory()));
		spring.afterPropertiesSet();

		Set<String> paths = new LinkedHashSet<>();
		for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				paths.add(concrete(pattern.getPatternString()));
			}
		}
		paths.add("/no/such/page");
		paths.add("/catalog/items/GOV-004/no-such-part");
		assertThat(paths).hasSizeGreaterThan(100);

		List<String> differences = new ArrayList<>();
		int compared = 0;
		for (String path : paths) {
			for (RequestMethod method : RequestMethod.values()) {
				for (String accept : List.of("text/html", "application/json")) {
					String ours = lookup(mapping, path, method, accept);
					String theirs = lookup(spring, path, method, accept);
					compared++;
					if (!ours.equals(theirs)) {
						differences.add(method + " " + path + " (" + accept + "): " + ours + " but Spring: " + theirs);
					}
				}
			}
		}
		assertThat(differences).as("of %d lookups", compared).isEmpty();
		assertThat(lookup(mapping, "/catalog/items/GOV-004", RequestMethod.GET, "text/html")).contains("CatalogPageController");
		assertThat(lookup(mapping, "/no/such/page", RequestMethod.GET, "text/html")).isEqualTo("none");
	}

	/** A path the pattern matches: each variable given a plain value. */
	private static String concrete(String pattern) {
		return pattern.replaceAll("\\{\\*[^}]+}", "a/b").replaceAll("\\{[^}]+}", "1").replace("/**", "/a/b").replace("*", "x");
	}

	private static String lookup(RequestMappingHandlerMapping mapping, String path, RequestMethod method, String accept) {
		MockHttpServletRequest request = new MockHttpServletRequest(method.name(), path);
		request.addHeader("Accept", accept);
		if (method == RequestMethod.POST || method == RequestMethod.PUT || method == RequestMethod.PATCH) {
			request.setContentType("application/json");
		}
		ServletRequestPathUtils.parseAndCache(request);
		try {
			HandlerExecutionChain chain = mapping.getHandler(request);
			return chain == null ? "none" : String.valueOf(chain.getHandler());
		}
		catch (Exception e) {
			return e.getClass().getSimpleName();
		}
	}

}
