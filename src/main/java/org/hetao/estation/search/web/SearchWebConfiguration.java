package org.hetao.estation.search.web;

import org.hetao.estation.identity.ModuleWeb;
import org.hetao.estation.identity.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Search is public; rebuilding the index is an administrator's action. */
@Configuration(proxyBeanMethods = false)
class SearchWebConfiguration {

	@Bean
	ModuleWeb searchWeb() {
		return ModuleWeb.rules()
			.get("/search", "/api/v1/search", "/api/v1/search/suggest").permitAll()
			.post("/api/v1/search/index", "/search/index").hasRole(Role.ADMIN);
	}

}
