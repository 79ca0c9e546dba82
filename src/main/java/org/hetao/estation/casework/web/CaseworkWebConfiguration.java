package org.hetao.estation.casework.web;

import org.hetao.estation.shared.HttpAccessRules;
import org.hetao.estation.shared.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may reach casework's pages and API (object-level checks are in the services), and its navigation. */
@Configuration
class CaseworkWebConfiguration {

	@Bean
	HttpAccessRules caseworkRules() {
		return rules -> {
			rules.requestMatchers("/window", "/window/**").hasRole("CLERK");
			rules.requestMatchers("/work-queue", "/work-queue/**", "/api/v1/work-queue").hasRole("OFFICER");
			rules.requestMatchers("/applications", "/applications/**").hasAnyRole("APPLICANT", "CLERK");
			rules.requestMatchers("/api/v1/tasks/**").hasAnyRole("CLERK", "OFFICER");
			rules.requestMatchers("/api/v1/applications", "/api/v1/applications/**")
				.hasAnyRole("APPLICANT", "CLERK", "OFFICER");
		};
	}

	@Bean
	NavigationLink myApplicationsLink() {
		return new NavigationLink("casework.nav.myApplications", "/applications", 20, NavigationLink.Audience.APPLICANT);
	}

	@Bean
	NavigationLink windowLink() {
		return new NavigationLink("casework.nav.window", "/window", 30, NavigationLink.Audience.CLERK);
	}

	@Bean
	NavigationLink workQueueLink() {
		return new NavigationLink("casework.nav.workQueue", "/work-queue", 30, NavigationLink.Audience.OFFICER);
	}

}
