package org.hetao.estation.identity;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hetao.estation.shared.Language;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * On sign-in, the pages switch to the language the person chose for their account — unless they chose a
 * language with the switcher (a choice made on this browser wins: someone who reads only English and signs in
 * from an English page stays in English); staff go on to the second factor, everyone else to the page they
 * wanted.
 */
@Component
class LanguageOnSignIn extends SavedRequestAwareAuthenticationSuccessHandler {

	private final LocaleResolver localeResolver;

	private final SecondFactor secondFactor;

	private final RequestCache savedRequests;

	LanguageOnSignIn(LocaleResolver localeResolver, SecondFactor secondFactor,
			RequestCache savedRequests) {
		this.localeResolver = localeResolver;
		this.secondFactor = secondFactor;
		this.savedRequests = savedRequests;
		setRequestCache(savedRequests);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		if (authentication.getPrincipal() instanceof EstationUser user) {
			if (WebUtils.getCookie(request, Language.CHOICE_COOKIE) == null) {
				localeResolver.setLocale(request, response, user.preferredLanguage().locale());
			}
			if (StaffSecondFactor.awaitingSecondFactor(authentication)) {
				// staff have signed in with the password only: the second factor comes next (StaffSecondFactor)
				boolean enrolled = secondFactor.enrolled(user.id());
				response.sendRedirect(request.getContextPath() + (enrolled ? "/account/mfa" : "/account/mfa/enrol"));
				return;
			}
		}
		SavedRequest saved = savedRequests.getRequest(request, response);
		if (saved != null) {
			// forgotten before the redirect commits the response (the saved page lives in a cookie)
			savedRequests.removeRequest(request, response);
			clearAuthenticationAttributes(request);
			getRedirectStrategy().sendRedirect(request, response, saved.getRedirectUrl());
			return;
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
