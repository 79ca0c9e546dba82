package org.hetao.estation.exchange.web;

import org.hetao.estation.exchange.ExchangeSignature;
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
@io.swagger.v3.oas.annotations.security.SecurityScheme(name = ExchangeWebConfiguration.DEPARTMENT_SIGNATURE,
		type = io.swagger.v3.oas.annotations.enums.SecuritySchemeType.APIKEY,
		in = io.swagger.v3.oas.annotations.enums.SecuritySchemeIn.HEADER, paramName = ExchangeSignature.SIGNATURE_HEADER,
		description = "A department's system: HMAC-SHA256 over the body and the " + ExchangeSignature.TIMESTAMP_HEADER
				+ " header with the department's shared key; a stale timestamp or a wrong signature is 401")
class ExchangeWebConfiguration {

	/** The OpenAPI security scheme of a department system's signed requests. */
	static final String DEPARTMENT_SIGNATURE = "departmentSignature";

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
