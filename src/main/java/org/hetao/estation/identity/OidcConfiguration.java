package org.hetao.estation.identity;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Sign-in with an external OpenID Connect provider, the way HK residents use iAM Smart and Mainland
 * users their provincial account. On when {@code estation.oidc.issuer-uri} is set (environment
 * {@code ESTATION_OIDC_ISSUER_URI}, {@code ESTATION_OIDC_CLIENT_ID}, {@code ESTATION_OIDC_CLIENT_SECRET}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "estation.oidc.issuer-uri")
class OidcConfiguration {

	static final String REGISTRATION_ID = "external";

	@Bean
	ClientRegistrationRepository clientRegistrations(@Value("${estation.oidc.issuer-uri}") String issuer,
			@Value("${estation.oidc.client-id}") String clientId,
			@Value("${estation.oidc.client-secret}") String clientSecret) {
		ClientRegistration registration = ClientRegistrations.fromIssuerLocation(issuer)
			.registrationId(REGISTRATION_ID)
			.clientId(clientId)
			.clientSecret(clientSecret)
			.scope("openid", "profile", "email")
			.build();
		return new InMemoryClientRegistrationRepository(registration);
	}

	/**
	 * After the provider vouches for the person, they continue as their e-Station account: the same
	 * principal as after a password sign-in, so every module sees one kind of user.
	 */
	@Bean
	OidcSignInSuccess oidcSignInSuccess(ExternalSignIn externalSignIn, LanguageOnSignIn languageOnSignIn) {
		return new OidcSignInSuccess(externalSignIn, languageOnSignIn);
	}

	static final class OidcSignInSuccess implements AuthenticationSuccessHandler {

		private final ExternalSignIn externalSignIn;

		private final LanguageOnSignIn languageOnSignIn;

		OidcSignInSuccess(ExternalSignIn externalSignIn, LanguageOnSignIn languageOnSignIn) {
			this.externalSignIn = externalSignIn;
			this.languageOnSignIn = languageOnSignIn;
		}

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws IOException, ServletException {
			OidcUser oidc = (OidcUser) authentication.getPrincipal();
			EstationUser user = externalSignIn.signIn(new ExternalSignIn.ExternalIdentity(oidc.getIssuer().toString(),
					oidc.getSubject(), oidc.getEmail(), Boolean.TRUE.equals(oidc.getEmailVerified()),
					oidc.getFullName(), oidc.getLocale()));
			// the provider's sign-in is the first factor (staff still give their second one)
			Authentication local = CurrentUser.signIn(user,
					java.util.List.of(org.springframework.security.core.authority.FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY),
					request, response);
			languageOnSignIn.onAuthenticationSuccess(request, response, local);
		}

	}

}
