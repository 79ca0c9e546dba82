package org.hetao.estation.leisure.web;

import org.hetao.estation.identity.ModuleWeb;
import org.hetao.estation.shared.NavigationLink.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Leisure information is public: no one signs in to see when the next bus leaves. */
@Configuration(proxyBeanMethods = false)
class LeisureWebConfiguration {

	@Bean
	ModuleWeb leisureWeb() {
		return ModuleWeb.rules()
			.get("/leisure", "/leisure/**", "/api/v1/leisure/**").permitAll()
			.link("leisure.nav", "/leisure", 42, Audience.EVERYONE);
	}

}
