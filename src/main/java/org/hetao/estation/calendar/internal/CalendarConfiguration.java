package org.hetao.estation.calendar.internal;

import org.hetao.estation.shared.HttpAccessRules;
import org.hetao.estation.shared.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may use the calendar's pages and API, and the links to them. */
@Configuration
class CalendarConfiguration {

	@Bean
	HttpAccessRules calendarAccessRules() {
		return rules -> {
			rules.requestMatchers(HttpMethod.GET, "/api/v1/calendars", "/api/v1/calendars/**").permitAll();
			rules.requestMatchers("/api/v1/calendars/**").hasRole("ADMIN");
			rules.requestMatchers(HttpMethod.GET, "/calendars", "/calendars/**").permitAll();
			rules.requestMatchers(HttpMethod.GET, "/admin/calendars", "/admin/calendars/**")
				.hasAnyRole("ADMIN", "SUPERVISOR", "PARK_OPERATOR", "HALL_MANAGER");
			rules.requestMatchers("/admin/calendars", "/admin/calendars/**").hasRole("ADMIN");
		};
	}

	@Bean
	NavigationLink calendarPublicLink() {
		return new NavigationLink("calendar.nav.public", "/calendars", 900, NavigationLink.Audience.EVERYONE);
	}

	@Bean
	NavigationLink calendarAdminLink() {
		return new NavigationLink("calendar.nav.admin", "/admin/calendars", 910, NavigationLink.Audience.ADMIN);
	}

	@Bean
	NavigationLink calendarSupervisorLink() {
		return new NavigationLink("calendar.nav.admin", "/admin/calendars", 911, NavigationLink.Audience.SUPERVISOR);
	}

}
