package org.hetao.estation.policy.web;

import org.hetao.estation.identity.ModuleWeb;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.NavigationLink.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may use which policy and consultation address; object-level checks live in the services. */
@Configuration(proxyBeanMethods = false)
class PolicyWebConfiguration {

	@Bean
	ModuleWeb policyWeb() {
		return ModuleWeb.rules()
			.paths("/policies/matching", "/policies/matching/**", "/api/v1/policies/*/matches", "/api/v1/policies/matches/**")
			.hasRole(Role.OFFICER)
			// before "/policies/*": an enterprise's own grants (免申即享)
			.paths("/policies/grants", "/api/v1/policies/grants").hasRole(Role.APPLICANT)
			.get("/policies", "/policies/finder", "/policies/*").permitAll()
			.post("/policies/finder", "/api/v1/policies/eligibility").permitAll()
			// before "/api/v1/policies/*", which would otherwise let anyone (any staff) through to the profile
			.paths("/api/v1/policies/profile").hasRole(Role.APPLICANT)
			.get("/api/v1/policies", "/api/v1/policies/*").permitAll()
			.paths("/consultations", "/consultations/**", "/api/v1/consultations", "/api/v1/consultations/**")
			.hasRole(Role.APPLICANT, Role.OFFICER)
			.link("policy.nav.grants", "/policies/grants", 64, Audience.APPLICANT)
			.link("policy.nav.finder", "/policies/finder", 60, Audience.EVERYONE)
			.link("policy.nav.library", "/policies", 61, Audience.EVERYONE)
			.link("policy.nav.consultations", "/consultations", 62, Audience.APPLICANT)
			.link("policy.nav.consultationQueue", "/consultations", 62, Audience.OFFICER)
			.link("policy.nav.matching", "/policies/matching", 63, Audience.OFFICER);
	}

}
