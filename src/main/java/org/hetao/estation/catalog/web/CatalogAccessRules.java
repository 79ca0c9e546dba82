package org.hetao.estation.catalog.web;

import org.hetao.estation.shared.HttpAccessRules;
import org.hetao.estation.shared.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may reach the catalogue's pages and API: reading is public, administration is for administrators. */
@Configuration
class CatalogAccessRules {

	@Bean
	HttpAccessRules catalogHttpAccessRules() {
		return rules -> {
			rules.requestMatchers("/admin/catalog", "/admin/catalog/**", "/api/v1/admin/catalog/**").hasRole("ADMIN");
			rules.requestMatchers(HttpMethod.GET, "/", "/catalog", "/catalog/**", "/api/v1/catalog/**").permitAll();
		};
	}

	@Bean
	NavigationLink catalogNavigationLink() {
		return new NavigationLink("catalog.nav.catalog", "/catalog", 10, NavigationLink.Audience.EVERYONE);
	}

	@Bean
	NavigationLink catalogAdministrationNavigationLink() {
		return new NavigationLink("catalog.nav.admin", "/admin/catalog", 900, NavigationLink.Audience.ADMIN);
	}

}
