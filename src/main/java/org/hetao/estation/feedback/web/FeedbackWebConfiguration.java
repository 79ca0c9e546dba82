package org.hetao.estation.feedback.web;

import org.hetao.estation.shared.HttpAccessRules;
import org.hetao.estation.shared.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class FeedbackWebConfiguration {

	@Bean
	HttpAccessRules feedbackRules() {
		return rules -> {
			rules.requestMatchers("/evaluations", "/evaluations/**", "/api/v1/evaluations", "/api/v1/evaluations/**")
				.hasRole("APPLICANT");
			rules.requestMatchers("/rectifications", "/rectifications/**")
				.hasAnyRole("OFFICER", "HALL_MANAGER", "SUPERVISOR", "ADMIN");
		};
	}

	@Bean
	NavigationLink evaluationsLink() {
		return new NavigationLink("feedback.nav.evaluations", "/evaluations", 160, NavigationLink.Audience.APPLICANT);
	}

	@Bean
	NavigationLink rectificationsOfficerLink() {
		return new NavigationLink("feedback.nav.rectifications", "/rectifications", 520, NavigationLink.Audience.OFFICER);
	}

	@Bean
	NavigationLink rectificationsHallManagerLink() {
		return new NavigationLink("feedback.nav.rectifications", "/rectifications", 530, NavigationLink.Audience.HALL_MANAGER);
	}

	@Bean
	NavigationLink rectificationsSupervisorLink() {
		return new NavigationLink("feedback.nav.rectifications", "/rectifications", 860, NavigationLink.Audience.SUPERVISOR);
	}

}
