package org.hetao.estation.calendar.web;

import org.hetao.estation.identity.ModuleWeb;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.NavigationLink.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may use the calendar's pages and API, and the links to them. */
@Configuration(proxyBeanMethods = false)
class CalendarWebConfiguration {

	@Bean
	ModuleWeb calendarWeb() {
		return ModuleWeb.rules()
			.get("/api/v1/calendars", "/api/v1/calendars/**").permitAll()
			.paths("/api/v1/calendars/**").hasRole(Role.ADMIN)
			.get("/calendars", "/calendars/**").permitAll()
			.get("/admin/calendars", "/admin/calendars/**")
			.hasRole(Role.ADMIN, Role.SUPERVISOR, Role.PARK_OPERATOR, Role.HALL_MANAGER)
			.paths("/admin/calendars", "/admin/calendars/**").hasRole(Role.ADMIN)
			.link("calendar.nav.public", "/calendars", 900, Audience.EVERYONE)
			.link("calendar.nav.admin", "/admin/calendars", 910, Audience.ADMIN)
			.link("calendar.nav.admin", "/admin/calendars", 911, Audience.SUPERVISOR);
	}

}
