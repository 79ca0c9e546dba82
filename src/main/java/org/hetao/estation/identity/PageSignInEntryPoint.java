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

	PageSignInEntryPoint(HandlerMappingIntrospector pages) {
		this.pages = pages;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException, jakarta.servlet.ServletException {
		if (!exists(request)) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		signIn.commence(request, response, e);
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
