package org.hetao.estation.feedback.web;

import org.hetao.estation.identity.ModuleWeb;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.NavigationLink.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FeedbackWebConfiguration {

	@Bean
	ModuleWeb feedbackWeb() {
		return ModuleWeb.rules()
			.paths("/evaluations", "/evaluations/**", "/api/v1/evaluations", "/api/v1/evaluations/**").hasRole(Role.APPLICANT)
			.paths("/rectifications", "/rectifications/**")
			.hasRole(Role.OFFICER, Role.HALL_MANAGER, Role.SUPERVISOR, Role.ADMIN)
			.link("feedback.nav.evaluations", "/evaluations", 160, Audience.APPLICANT)
			.link("feedback.nav.rectifications", "/rectifications", 520, Audience.OFFICER)
			.link("feedback.nav.rectifications", "/rectifications", 530, Audience.HALL_MANAGER)
			.link("feedback.nav.rectifications", "/rectifications", 860, Audience.SUPERVISOR);
	}

}
