package org.hetao.estation.identity;

import org.hetao.estation.shared.HttpAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** The identity module's public endpoints and its navigation. */
@Component
class IdentityAccessRules implements HttpAccessRules {

	@org.springframework.context.annotation.Bean
	static org.hetao.estation.shared.NavigationLink accountLink() {
		return new org.hetao.estation.shared.NavigationLink("account.nav", "/account", 990,
				org.hetao.estation.shared.NavigationLink.Audience.SIGNED_IN);
	}

	@org.springframework.context.annotation.Bean
	static org.hetao.estation.shared.NavigationLink secondFactorAdminLink() {
		return new org.hetao.estation.shared.NavigationLink("identity.mfa.admin.nav", "/admin/second-factor", 960,
				org.hetao.estation.shared.NavigationLink.Audience.ADMIN);
	}

	@Override
	public void configure(
			org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer<org.springframework.security.config.annotation.web.builders.HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.POST, "/api/v1/identity-documents/validate").permitAll();
		rules.requestMatchers("/password-reset", "/password-reset/**", "/login/unlock/*").permitAll();
		rules.requestMatchers("/admin/second-factor", "/admin/second-factor/**").hasRole(Role.ADMIN.name());
		// passkeys are a staff second factor: registered, listed and revoked by staff signed in with both factors
		String[] staff = java.util.Arrays.stream(Role.values()).filter(Role::isStaff).map(Role::name)
			.toArray(String[]::new);
		rules.requestMatchers("/account/passkeys", "/account/passkeys/**", "/webauthn/register", "/webauthn/register/**")
			.hasAnyRole(staff);
	}

}
