package org.hetao.estation.park.web;

import org.hetao.estation.identity.Role;
import org.hetao.estation.identity.ModuleWeb;
import org.hetao.estation.shared.NavigationLink.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** URL rules and header links of the park: notices are public, settlement needs a sign-in, operations are staff-only. */
@Configuration(proxyBeanMethods = false)
class ParkWebConfiguration {

	@Bean
	ModuleWeb parkWeb() {
		return ModuleWeb.rules()
			.get("/notices", "/notices/latest", "/api/v1/notices").permitAll()
			.paths("/park/operations/**", "/park/occupancy", "/api/v1/park/occupancy", "/api/v1/park/units")
			.hasRole(Role.PARK_OPERATOR, Role.ADMIN)
			.paths("/park/notices/**").hasRole(Role.PARK_OPERATOR)
			.paths("/park/settlement/**", "/api/v1/park/settlement-applications/**").authenticated()
			.link("park.nav.notices", "/notices", 62, Audience.EVERYONE)
			.link("park.nav.settlement", "/park/settlement", 43, Audience.APPLICANT)
			.link("park.nav.operations", "/park/operations", 44, Audience.PARK_OPERATOR);
	}

}
