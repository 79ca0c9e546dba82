package org.hetao.estation.catalog.web;

import org.hetao.estation.identity.ModuleWeb;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.NavigationLink.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may reach the catalogue's pages and API: reading is public, administration is for administrators. */
@Configuration(proxyBeanMethods = false)
class CatalogWebConfiguration {

	@Bean
	ModuleWeb catalogWeb() {
		return ModuleWeb.rules()
			.paths("/admin/catalog", "/admin/catalog/**", "/api/v1/admin/catalog/**").hasRole(Role.ADMIN)
			.get("/", "/catalog", "/catalog/**", "/api/v1/catalog/**").permitAll()
			.link("catalog.nav.catalog", "/catalog", 10, Audience.EVERYONE)
			.link("catalog.nav.admin", "/admin/catalog", 900, Audience.ADMIN);
	}

}
