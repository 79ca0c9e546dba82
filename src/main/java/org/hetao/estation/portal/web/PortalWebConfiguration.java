package org.hetao.estation.portal.web;

import org.hetao.estation.identity.ModuleWeb;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service information pages are everyone's; the design system page ({@code /design}) is for staff, and for
 * everyone in demo mode.
 */
@Configuration(proxyBeanMethods = false)
class PortalWebConfiguration {

	@Bean
	ModuleWeb portalWeb(@Value("${estation.demo.enabled:false}") boolean demo) {
		ModuleWeb web = ModuleWeb.rules().get("/contact", "/privacy", "/accessibility", "/terms").permitAll();
		return demo ? web.get("/design").permitAll() : web.get("/design").staff();
	}

}
