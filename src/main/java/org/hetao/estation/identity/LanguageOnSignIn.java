package org.hetao.estation.identity;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/** On sign-in, the pages switch to the language the person chose for their account. */
@Component
class LanguageOnSignIn extends SavedRequestAwareAuthenticationSuccessHandler {

	private final LocaleResolver localeResolver;

	LanguageOnSignIn(LocaleResolver localeResolver) {
		this.localeResolver = localeResolver;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		if (authentication.getPrincipal() instanceof EstationUser user) {
			localeResolver.setLocale(request, response, user.preferredLanguage().locale());
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
