package org.hetao.estation.directory.web;

import org.hetao.estation.identity.Role;
import org.hetao.estation.identity.ModuleWeb;
import org.hetao.estation.shared.NavigationLink.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The directory's URL rules and header links: the map and directory are public, editing is the park operator's. */
@Configuration(proxyBeanMethods = false)
class DirectoryWebConfiguration {

	@Bean
	ModuleWeb directoryWeb() {
		return ModuleWeb.rules()
			.paths("/directory/manage/**", "/directory/*/edit").hasRole(Role.PARK_OPERATOR)
			.get("/directory", "/directory/*", "/map", "/api/v1/directory/**").permitAll()
			.link("directory.nav.map", "/map", 40, Audience.EVERYONE)
			.link("directory.nav.directory", "/directory", 41, Audience.EVERYONE);
	}

}
