package org.hetao.estation.exchange.web;

import org.hetao.estation.shared.HttpAccessRules;
import org.hetao.estation.shared.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The exchange's URL rules: the inbound API and the material links authenticate by signature (no session, so
 * no CSRF token); the staff page and health API are for administrators, supervisors and officers (their own
 * department's only, checked in {@code ExchangeHealth}).
 */
@Configuration
class ExchangeWebConfiguration {

	@Bean
	HttpAccessRules exchangeHttpAccessRules() {
		return rules -> {
			rules.requestMatchers(HttpMethod.POST, "/api/v1/exchange/*/tasks/*/events").permitAll();
			rules.requestMatchers(HttpMethod.GET, "/api/v1/exchange/documents/*").permitAll();
			rules.requestMatchers("/exchange", "/exchange/**", "/api/v1/exchange/**")
				.hasAnyRole("ADMIN", "SUPERVISOR", "OFFICER");
		};
	}

	@Bean
	NavigationLink exchangeNavigationLink() {
		return new NavigationLink("exchange.nav", "/exchange", 920, NavigationLink.Audience.SUPERVISOR);
	}

	@Bean
	NavigationLink exchangeAdministrationNavigationLink() {
		return new NavigationLink("exchange.nav", "/exchange", 921, NavigationLink.Audience.ADMIN);
	}

}
