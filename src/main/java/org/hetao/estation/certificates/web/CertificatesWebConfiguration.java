package org.hetao.estation.certificates.web;

import org.hetao.estation.identity.ModuleWeb;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.NavigationLink.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Verification is public (no sign-in, rate-limited); downloads and revocation need a signed-in user, and
 * the services check whose certificate or case it is.
 */
@Configuration(proxyBeanMethods = false)
class CertificatesWebConfiguration {

	@Bean
	ModuleWeb certificatesWeb() {
		return ModuleWeb.rules()
			.paths("/verify").permitAll()
			.post("/api/v1/certificates/verify").permitAll()
			.post("/api/v1/certificates/*/revocation").hasRole(Role.OFFICER)
			.get("/api/v1/certificates/*").permitAll()
			.paths("/certificates", "/certificates/**").authenticated()
			.link("certificates.nav.verify", "/verify", 90, Audience.EVERYONE);
	}

}
