package org.hetao.estation.identity.web;

import org.hetao.estation.identity.ModuleWeb;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.NavigationLink.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The identity module's public endpoints and its navigation (the sign-in's own rules are in SecurityConfiguration). */
@Configuration(proxyBeanMethods = false)
class IdentityWebConfiguration {

	@Bean
	ModuleWeb identityWeb() {
		return ModuleWeb.rules()
			.post("/api/v1/identity-documents/validate").permitAll()
			.paths("/password-reset", "/password-reset/**", "/login/unlock/*").permitAll()
			.paths("/admin/second-factor", "/admin/second-factor/**").hasRole(Role.ADMIN)
			// passkeys are a staff second factor: registered, listed and revoked by staff signed in with both factors
			.paths("/account/passkeys", "/account/passkeys/**", "/webauthn/register", "/webauthn/register/**").staff()
			.link("account.nav", "/account", 990, Audience.SIGNED_IN)
			.link("identity.mfa.admin.nav", "/admin/second-factor", 960, Audience.ADMIN);
	}

}
