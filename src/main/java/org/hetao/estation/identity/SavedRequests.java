package org.hetao.estation.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Where a signed-out person was going when the sign-in page stopped them, kept in a cookie (Spring
 * Security's {@link CookieRequestCache}) rather than in a session made for the purpose: a signed-out visit
 * never makes a session. Only page views are remembered: an API call, an htmx fragment, an event stream
 * or a form post is nowhere to come back to.
 */
@Configuration
class SavedRequests {

	@Bean
	RequestCache savedRequestCache() {
		CookieRequestCache cache = new CookieRequestCache();
		cache.setRequestMatcher(SavedRequests::isPageView);
		return cache;
	}

	static boolean isPageView(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) || request.getHeader("HX-Request") != null) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
			return false;
		}
		String accept = request.getHeader("Accept");
		return accept == null || !accept.contains("text/event-stream");
	}

}
