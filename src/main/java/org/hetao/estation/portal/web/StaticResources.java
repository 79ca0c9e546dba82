package org.hetao.estation.portal.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.CssLinkResourceTransformer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The static files, served from four known places only ({@code spring.web.resources.add-mappings=false}
 * turns Spring Boot's catch-all {@code /**} mapping off).
 * <p>
 * Why: every {@code @{...}} link of every page goes through {@code ResourceUrlEncodingFilter}, which asks the
 * resource handlers whether the link is a static file. With the catch-all mapping every link of a page
 * (/catalog/items/GOV-004, /login, ...) was looked up as a file on the class path, a miss each time, and
 * misses are not cached: in the jar that was 83% of the item guide page's time (JFR, 2026-12-06). With
 * these mappings a page link matches no pattern and is left alone at once, and a static link is resolved
 * once and remembered ({@code resourceChain(true)}).
 * <p>
 * Our own CSS, scripts and images get a content hash in their URL ({@code /css/estation-<md5>.css}), so a
 * browser may keep them for a year and still sees a change at once; the web jars carry their version in
 * the path. Unversioned URLs still answer (without the long cache).
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	/** Where static files are served; only links under these are worth resolving as files. */
	static final String[] FOLDERS = { "/css/", "/js/", "/img/", "/webjars/" };

	/**
	 * Thymeleaf hands every finished link to {@code HttpServletResponse.encodeURL}, through every response wrapper
	 * and {@code ResourceUrlEncodingFilter}'s pattern matching: 8% of a signed-in page of 27 links (JFR). Only a link
	 * to a static file can change there (it gets its version); sessions are tracked by cookie only, so nothing else
	 * would. Other links are returned as built.
	 */
	static final class StaticAwareLinkBuilder extends StandardLinkBuilder {

		/**
		 * Static links as resolved, each resolved once: a file's versioned URL does not change while the application
		 * runs (its content hash was taken from the file in the jar, a web jar's version from its jar), and the link
		 * includes the context path. Still 2% of an item guide page when each went through the resolver chain's
		 * cache lookup (JFR, session 16).
		 */
		private final Map<String, String> resolved = new ConcurrentHashMap<>();

		static final int MAX_RESOLVED = 1024;

		@Override
		protected String processLink(IExpressionContext context, String link) {
			if (context instanceof IWebContext web) {
				String contextPath = web.getExchange().getRequest().getApplicationPath();
				for (String folder : FOLDERS) {
					if (link.startsWith(folder, contextPath.length()) && link.startsWith(contextPath)) {
						String known = resolved.get(link);
						if (known != null) {
							return known;
						}
						String url = super.processLink(context, link);
						// one left as it was is not kept: outside a request through ResourceUrlEncodingFilter (an
						// error dispatch) a link is not resolved, and must not stay so
						if (!url.equals(link) && resolved.size() < MAX_RESOLVED) {
							resolved.put(link, url);
						}
						return url;
					}
				}
				return link;
			}
			return super.processLink(context, link);
		}

	}

	@Bean
	static BeanPostProcessor staticAwareLinks() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof SpringTemplateEngine engine) {
					engine.setLinkBuilder(new StaticAwareLinkBuilder());
				}
				return bean;
			}
		};
	}

	private static final Duration YEAR = Duration.ofDays(365);

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : new String[] { "css", "js", "img" }) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(CacheControl.maxAge(YEAR).cachePublic())
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
				.addTransformer(new CssLinkResourceTransformer());
		}
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(CacheControl.maxAge(YEAR).cachePublic())
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}

}
