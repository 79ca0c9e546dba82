package org.hetao.estation.directory.web;

import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.HttpAccessRules;
import org.hetao.estation.shared.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The directory's URL rules and header links: the map and directory are public, editing is the park operator's. */
@Configuration
class DirectoryWebConfiguration {

	@Bean
	HttpAccessRules directoryAccessRules() {
		return rules -> {
			rules.requestMatchers("/directory/manage/**", "/directory/*/edit").hasRole(Role.PARK_OPERATOR.name());
			rules.requestMatchers(HttpMethod.GET, "/directory", "/directory/*", "/map", "/api/v1/directory/**")
				.permitAll();
		};
	}

	@Bean
	NavigationLink directoryMapLink() {
		return new NavigationLink("directory.nav.map", "/map", 40, NavigationLink.Audience.EVERYONE);
	}

	@Bean
	NavigationLink directoryLink() {
		return new NavigationLink("directory.nav.directory", "/directory", 41, NavigationLink.Audience.EVERYONE);
	}

}
