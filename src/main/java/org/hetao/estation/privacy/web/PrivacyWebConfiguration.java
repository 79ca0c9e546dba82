package org.hetao.estation.privacy.web;

import org.hetao.estation.identity.ModuleWeb;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.NavigationLink.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An applicant's own data is theirs; re-encryption is the administrator's. */
@Configuration(proxyBeanMethods = false)
class PrivacyWebConfiguration {

	@Bean
	ModuleWeb privacyWeb() {
		return ModuleWeb.rules()
			.paths("/account/data", "/account/data/**", "/api/v1/me/data", "/api/v1/me/data/**").hasRole(Role.APPLICANT)
			.paths("/api/v1/admin/crypto/**").hasRole(Role.ADMIN)
			.link("privacy.nav", "/account/data", 985, Audience.APPLICANT);
	}

}
