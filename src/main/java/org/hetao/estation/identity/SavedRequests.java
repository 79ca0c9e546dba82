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
 * or a form post is nowhere to come back to. Whoever sends the person on to the saved page forgets it
 * ({@link LanguageOnSignIn}, the second-factor page).
 */
@Configuration(proxyBeanMethods = false)
class SavedRequests {

	@Bean
	RequestCache savedRequestCache() {
		CookieRequestCache cache = new CookieRequestCache() {
			/**
			 * Never replays a saved request in place of the current one (which would also forget it): the page is
			 * only where to go after signing in, and after the second factor for staff, whose sign-in visits the
			 * saved page's address again on the way (and is sent back to the code page).
			 */
			@Override
			public HttpServletRequest getMatchingRequest(HttpServletRequest request,
					jakarta.servlet.http.HttpServletResponse response) {
				return null;
			}
		};
		cache.setRequestMatcher(SavedRequests::isPageView);
		return cache;
	}

	static boolean isPageView(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) || PageSignInEntryPoint.isBackgroundRequest(request)) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.startsWith("/api/") && !path.startsWith("/actuator/");
	}

}
