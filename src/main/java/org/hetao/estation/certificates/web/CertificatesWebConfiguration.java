package org.hetao.estation.certificates.web;

import org.hetao.estation.shared.HttpAccessRules;
import org.hetao.estation.shared.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Verification is public (no sign-in, rate-limited); downloads and revocation need a signed-in user, and
 * the services check whose certificate or case it is.
 */
@Configuration
class CertificatesWebConfiguration {

	@Bean
	HttpAccessRules certificatesRules() {
		return rules -> {
			rules.requestMatchers("/verify").permitAll();
			rules.requestMatchers(HttpMethod.POST, "/api/v1/certificates/verify").permitAll();
			rules.requestMatchers(HttpMethod.POST, "/api/v1/certificates/*/revocation").hasRole("OFFICER");
			rules.requestMatchers(HttpMethod.GET, "/api/v1/certificates/*").permitAll();
			rules.requestMatchers("/certificates", "/certificates/**").authenticated();
		};
	}

	@Bean
	NavigationLink verifyCertificateLink() {
		return new NavigationLink("certificates.nav.verify", "/verify", 90, NavigationLink.Audience.EVERYONE);
	}

}
