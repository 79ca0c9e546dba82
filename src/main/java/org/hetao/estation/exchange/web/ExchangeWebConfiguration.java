package org.hetao.estation.exchange.web;

import org.hetao.estation.exchange.ExchangeSignature;
import org.hetao.estation.identity.ModuleWeb;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.NavigationLink.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The exchange's URL rules: the inbound API and the material links authenticate by signature (no session, so
 * no CSRF token); the staff page and health API are for administrators, supervisors and officers (their own
 * department's only, checked in {@code ExchangeHealth}).
 */
@Configuration(proxyBeanMethods = false)
@io.swagger.v3.oas.annotations.security.SecurityScheme(name = ExchangeWebConfiguration.DEPARTMENT_SIGNATURE,
		type = io.swagger.v3.oas.annotations.enums.SecuritySchemeType.APIKEY,
		in = io.swagger.v3.oas.annotations.enums.SecuritySchemeIn.HEADER, paramName = ExchangeSignature.SIGNATURE_HEADER,
		description = "A department's system: HMAC-SHA256 over the body and the " + ExchangeSignature.TIMESTAMP_HEADER
				+ " header with the department's shared key; a stale timestamp or a wrong signature is 401")
class ExchangeWebConfiguration {

	/** The OpenAPI security scheme of a department system's signed requests. */
	static final String DEPARTMENT_SIGNATURE = "departmentSignature";

	@Bean
	ModuleWeb exchangeWeb() {
		return ModuleWeb.rules()
			.post("/api/v1/exchange/*/tasks/*/events").permitAll()
			.get("/api/v1/exchange/documents/*").permitAll()
			.paths("/exchange", "/exchange/**", "/api/v1/exchange/**").hasRole(Role.ADMIN, Role.SUPERVISOR, Role.OFFICER)
			.link("exchange.nav", "/exchange", 920, Audience.SUPERVISOR)
			.link("exchange.nav", "/exchange", 921, Audience.ADMIN);
	}

}
