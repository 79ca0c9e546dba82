package org.hetao.estation.supervision.web;

import org.hetao.estation.shared.HttpAccessRules;
import org.hetao.estation.shared.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SupervisionWebConfiguration {

	@Bean
	HttpAccessRules supervisionRules() {
		return rules -> rules.requestMatchers("/supervision", "/supervision/**", "/api/v1/supervision/**")
			.hasAnyRole("SUPERVISOR", "ADMIN");
	}

	@Bean
	NavigationLink supervisionLink() {
		return new NavigationLink("supervision.nav", "/supervision", 850, NavigationLink.Audience.SUPERVISOR);
	}

}
