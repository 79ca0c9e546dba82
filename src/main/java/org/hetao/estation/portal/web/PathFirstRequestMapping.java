package org.hetao.estation.portal.web;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Spring Boot builds the application's request mapping as a {@link PathFirstHandlerMapping}. */
@Configuration(proxyBeanMethods = false)
class PathFirstRequestMapping {

	@Bean
	static WebMvcRegistrations pathFirstRegistrations() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new PathFirstHandlerMapping();
			}
		};
	}

}
