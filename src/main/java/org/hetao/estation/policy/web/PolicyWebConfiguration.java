package org.hetao.estation.policy.web;

import org.hetao.estation.shared.HttpAccessRules;
import org.hetao.estation.shared.NavigationLink;
import org.hetao.estation.shared.NavigationLink.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may use which policy and consultation address; object-level checks live in the services. */
@Configuration(proxyBeanMethods = false)
class PolicyWebConfiguration {

	@Bean
	HttpAccessRules policyAccessRules() {
		return rules -> {
			rules.requestMatchers("/policies/matching", "/policies/matching/**", "/api/v1/policies/*/matches",
					"/api/v1/policies/matches/**").hasRole("OFFICER");
			// before "/policies/*": an enterprise's own grants (免申即享)
			rules.requestMatchers("/policies/grants", "/api/v1/policies/grants").hasRole("APPLICANT");
			rules.requestMatchers(HttpMethod.GET, "/policies", "/policies/finder", "/policies/*").permitAll();
			rules.requestMatchers(HttpMethod.POST, "/policies/finder", "/api/v1/policies/eligibility").permitAll();
			// before "/api/v1/policies/*", which would otherwise let anyone (any staff) through to the profile
			rules.requestMatchers("/api/v1/policies/profile").hasRole("APPLICANT");
			rules.requestMatchers(HttpMethod.GET, "/api/v1/policies", "/api/v1/policies/*").permitAll();
			rules.requestMatchers("/consultations", "/consultations/**", "/api/v1/consultations",
					"/api/v1/consultations/**").hasAnyRole("APPLICANT", "OFFICER");
		};
	}

	@Bean
	NavigationLink applicantGrantsLink() {
		return new NavigationLink("policy.nav.grants", "/policies/grants", 64, Audience.APPLICANT);
	}

	@Bean
	NavigationLink policyFinderLink() {
		return new NavigationLink("policy.nav.finder", "/policies/finder", 60, Audience.EVERYONE);
	}

	@Bean
	NavigationLink policyLibraryLink() {
		return new NavigationLink("policy.nav.library", "/policies", 61, Audience.EVERYONE);
	}

	@Bean
	NavigationLink applicantConsultationsLink() {
		return new NavigationLink("policy.nav.consultations", "/consultations", 62, Audience.APPLICANT);
	}

	@Bean
	NavigationLink officerConsultationsLink() {
		return new NavigationLink("policy.nav.consultationQueue", "/consultations", 62, Audience.OFFICER);
	}

	@Bean
	NavigationLink officerMatchingLink() {
		return new NavigationLink("policy.nav.matching", "/policies/matching", 63, Audience.OFFICER);
	}

}
