package org.hetao.estation.audit;

import org.hetao.estation.shared.HttpAccessRules;
import org.hetao.estation.shared.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AuditAccessRules {

	@Bean
	HttpAccessRules auditRules() {
		return rules -> rules.requestMatchers("/admin/audit", "/admin/audit/**", "/api/v1/admin/audit/**")
			.hasAnyRole("ADMIN", "SUPERVISOR");
	}

	@Bean
	NavigationLink auditLink() {
		return new NavigationLink("audit.nav", "/admin/audit", 900, NavigationLink.Audience.SUPERVISOR);
	}

}
