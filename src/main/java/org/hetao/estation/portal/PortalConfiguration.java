package org.hetao.estation.portal;

import java.io.IOException;

import org.hetao.estation.shared.HttpAccessRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;

import tools.jackson.databind.ObjectMapper;

/** The service centre's details (data) and who may read the service information pages (everyone). */
@Configuration(proxyBeanMethods = false)
class PortalConfiguration {

	@Bean
	ServiceCentre serviceCentre(
			@Value("${estation.portal.service-centre:classpath:portal/service-centre.json}") Resource file,
			ObjectMapper json) throws IOException {
		return ServiceCentre.read(file, json);
	}

	@Bean
	DesignTokens designTokens(@Value("classpath:static/css/estation.css") Resource css) throws IOException {
		return DesignTokens.read(css);
	}

	/**
	 * The service information pages are everyone's; the design system page ({@code /design}) is for staff, and for
	 * everyone in demo mode.
	 */
	@Bean
	HttpAccessRules portalHttpAccessRules(@Value("${estation.demo.enabled:false}") boolean demo) {
		return rules -> {
			rules.requestMatchers(HttpMethod.GET, "/contact", "/privacy", "/accessibility", "/terms").permitAll();
			if (demo) {
				rules.requestMatchers(HttpMethod.GET, "/design").permitAll();
			}
			else {
				rules.requestMatchers(HttpMethod.GET, "/design")
					.hasAnyRole("ADMIN", "SUPERVISOR", "CLERK", "OFFICER", "HALL_MANAGER", "PARK_OPERATOR");
			}
		};
	}

}
