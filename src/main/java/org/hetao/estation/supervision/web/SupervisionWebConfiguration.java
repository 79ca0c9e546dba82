package org.hetao.estation.supervision.web;

import org.hetao.estation.identity.ModuleWeb;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.NavigationLink.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SupervisionWebConfiguration {

	@Bean
	ModuleWeb supervisionWeb() {
		return ModuleWeb.rules()
			.paths("/supervision", "/supervision/**", "/api/v1/supervision/**").hasRole(Role.SUPERVISOR, Role.ADMIN)
			.link("supervision.nav", "/supervision", 850, Audience.SUPERVISOR);
	}

}
