package org.hetao.estation.notification.web;

import org.hetao.estation.identity.ModuleWeb;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.NavigationLink.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inbox is anyone's own; every message's delivery is for administrators and supervisors. */
@Configuration(proxyBeanMethods = false)
class NotificationWebConfiguration {

	@Bean
	ModuleWeb notificationWeb() {
		return ModuleWeb.rules()
			.paths("/admin/notifications", "/admin/notifications/**").hasRole(Role.ADMIN, Role.SUPERVISOR)
			.paths("/inbox", "/inbox/**", "/account/notifications").authenticated()
			.link("notification.nav.inbox", "/inbox", 150, Audience.APPLICANT)
			// officers and supervisors read the deadline reminders (#19) in their inbox too
			.link("notification.nav.inbox", "/inbox", 150, Audience.OFFICER)
			.link("notification.nav.inbox", "/inbox", 150, Audience.SUPERVISOR)
			.link("notification.nav.admin", "/admin/notifications", 910, Audience.SUPERVISOR);
	}

}
