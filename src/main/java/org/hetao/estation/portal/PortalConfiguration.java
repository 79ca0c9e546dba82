package org.hetao.estation.portal;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

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

}
