package org.hetao.estation.audit.web;

import org.hetao.estation.identity.ModuleWeb;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.NavigationLink.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit log is for administrators and supervisors. */
@Configuration(proxyBeanMethods = false)
class AuditWebConfiguration {

	@Bean
	ModuleWeb auditWeb() {
		return ModuleWeb.rules()
			.paths("/admin/audit", "/admin/audit/**", "/api/v1/admin/audit/**").hasRole(Role.ADMIN, Role.SUPERVISOR)
			.link("audit.nav", "/admin/audit", 900, Audience.SUPERVISOR);
	}

}
