package org.hetao.estation.identity;

import org.hetao.estation.shared.HttpAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** The identity module's public endpoints. */
@Component
class IdentityAccessRules implements HttpAccessRules {

	@Override
	public void configure(
			org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer<org.springframework.security.config.annotation.web.builders.HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.POST, "/api/v1/identity-documents/validate").permitAll();
	}

}
