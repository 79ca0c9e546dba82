package org.hetao.estation.park.web;

import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.HttpAccessRules;
import org.hetao.estation.shared.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** URL rules and header links of the park: notices are public, settlement needs a sign-in, operations are staff-only. */
@Configuration
class ParkWebConfiguration {

	@Bean
	HttpAccessRules parkAccessRules() {
		return rules -> {
			rules.requestMatchers(HttpMethod.GET, "/notices", "/notices/latest", "/api/v1/notices").permitAll();
			rules.requestMatchers("/park/operations/**", "/park/occupancy", "/api/v1/park/occupancy", "/api/v1/park/units")
				.hasAnyRole(Role.PARK_OPERATOR.name(), Role.ADMIN.name());
			rules.requestMatchers("/park/notices/**").hasRole(Role.PARK_OPERATOR.name());
			rules.requestMatchers("/park/settlement/**", "/api/v1/park/settlement-applications/**").authenticated();
		};
	}

	@Bean
	NavigationLink noticesLink() {
		return new NavigationLink("park.nav.notices", "/notices", 62, NavigationLink.Audience.EVERYONE);
	}

	@Bean
	NavigationLink settlementLink() {
		return new NavigationLink("park.nav.settlement", "/park/settlement", 43, NavigationLink.Audience.APPLICANT);
	}

	@Bean
	NavigationLink parkOperationsLink() {
		return new NavigationLink("park.nav.operations", "/park/operations", 44, NavigationLink.Audience.PARK_OPERATOR);
	}

}
