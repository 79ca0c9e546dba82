package org.hetao.estation.privacy;

import org.hetao.estation.shared.HttpAccessRules;
import org.hetao.estation.shared.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PrivacyAccessRules {

	@Bean
	HttpAccessRules privacyRules() {
		return rules -> {
			rules.requestMatchers("/account/data", "/account/data/**", "/api/v1/me/data", "/api/v1/me/data/**")
				.hasRole("APPLICANT");
			rules.requestMatchers("/api/v1/admin/crypto/**").hasRole("ADMIN");
		};
	}

	@Bean
	NavigationLink myDataLink() {
		return new NavigationLink("privacy.nav", "/account/data", 985, NavigationLink.Audience.APPLICANT);
	}

}
