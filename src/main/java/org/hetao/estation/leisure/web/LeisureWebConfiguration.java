package org.hetao.estation.leisure.web;

import org.hetao.estation.shared.HttpAccessRules;
import org.hetao.estation.shared.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Leisure information is public: no one signs in to see when the next bus leaves. */
@Configuration
class LeisureWebConfiguration {

	@Bean
	HttpAccessRules leisureAccessRules() {
		return rules -> rules.requestMatchers(HttpMethod.GET, "/leisure", "/leisure/**", "/api/v1/leisure/**")
			.permitAll();
	}

	@Bean
	NavigationLink leisureNavigationLink() {
		return new NavigationLink("leisure.nav", "/leisure", 42, NavigationLink.Audience.EVERYONE);
	}

}
