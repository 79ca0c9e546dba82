package org.hetao.estation.casework.web;

import org.hetao.estation.identity.ModuleWeb;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.NavigationLink.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may reach casework's pages and API (object-level checks are in the services), and its navigation. */
@Configuration(proxyBeanMethods = false)
class CaseworkWebConfiguration {

	@Bean
	ModuleWeb caseworkWeb() {
		return ModuleWeb.rules()
			.paths("/window", "/window/**").hasRole(Role.CLERK)
			.paths("/work-queue", "/work-queue/**", "/api/v1/work-queue").hasRole(Role.OFFICER)
			.paths("/applications", "/applications/**").hasRole(Role.APPLICANT, Role.CLERK)
			.paths("/api/v1/tasks/**").hasRole(Role.CLERK, Role.OFFICER)
			.paths("/api/v1/applications", "/api/v1/applications/**").hasRole(Role.APPLICANT, Role.CLERK, Role.OFFICER)
			.link("casework.nav.myApplications", "/applications", 20, Audience.APPLICANT)
			.link("casework.nav.window", "/window", 30, Audience.CLERK)
			.link("casework.nav.workQueue", "/work-queue", 30, Audience.OFFICER);
	}

}
