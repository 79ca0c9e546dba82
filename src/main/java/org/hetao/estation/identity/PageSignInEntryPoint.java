package org.hetao.estation.identity;

import java.io.IOException;

import org.hetao.estation.shared.Language;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A signed-out person asking for a page: a page that exists sends them to sign in, in the language they asked
 * for ({@code ?lang=} survives the redirect); an address that is no page at all is answered 404, whoever asks —
 * not with a sign-in form for something that is not there.
 */
class PageSignInEntryPoint implements AuthenticationEntryPoint {

	private final HandlerMappingIntrospector pages;

	private final LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login") {
		@Override
		protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) {
			String lang = request.getParameter("lang");
			return Language.fromTag(lang).map(l -> "/login?lang=" + l.tag()).orElse("/login");
		}
	};

	/** A client that does not ask for HTML (a script, a download) is asked for credentials, as before. */
	private final org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint credentials =
			new org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint();

	PageSignInEntryPoint(HandlerMappingIntrospector pages) {
		this.pages = pages;
		// a relative Location: never built from the request's Host (#21)
		this.signIn.setFavorRelativeUris(true);
		this.credentials.setRealmName("Realm");
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException, jakarta.servlet.ServletException {
		if (!exists(request)) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		if (wantsPage(request)) {
			signIn.commence(request, response, e);
		}
		else {
			credentials.commence(request, response, e);
		}
	}

	/** A browser asking for a page (not a background request of one). */
	private static boolean wantsPage(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return accept != null && (accept.contains("text/html") || accept.contains("application/xhtml+xml"))
				&& !PageSignInEntryPoint.isBackgroundRequest(request)
				&& !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
	}

	/** An htmx fragment or an event stream: part of a page, not a page of its own. */
	static boolean isBackgroundRequest(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return request.getHeader("HX-Request") != null || (accept != null && accept.contains("text/event-stream"));
	}

	private boolean exists(HttpServletRequest request) {
		try {
			return pages.getMatchableHandlerMapping(request) != null;
		}
		catch (Exception cannotTell) {
			return true;
		}
	}

}
