package org.hetao.estation.search.web;

import org.hetao.estation.shared.HttpAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Search is public; rebuilding the index is an administrator's action. */
@Configuration(proxyBeanMethods = false)
class SearchWebConfiguration {

	@Bean
	HttpAccessRules searchAccessRules() {
		return rules -> {
			rules.requestMatchers(HttpMethod.GET, "/search", "/api/v1/search", "/api/v1/search/suggest").permitAll();
			rules.requestMatchers(HttpMethod.POST, "/api/v1/search/index", "/search/index").hasRole("ADMIN");
		};
	}

}
