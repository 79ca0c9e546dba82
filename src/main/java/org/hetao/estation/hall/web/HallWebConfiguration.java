package org.hetao.estation.hall.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.HttpAccessRules;
import org.hetao.estation.shared.NavigationLink;
import org.hetao.estation.shared.NavigationLink.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The hall's URL rules, its navigation links and the formatting its pages share. */
@Configuration
class HallWebConfiguration {

	@Bean
	HttpAccessRules hallAccessRules() {
		return rules -> {
			rules.requestMatchers("/hall/kiosk", "/hall/kiosk/**", "/hall/board", "/hall/board/**").permitAll();
			rules.requestMatchers(HttpMethod.GET, "/hall/tickets/*", "/hall/events", "/hall/events/*", "/hall/rooms",
					"/hall/rooms/*").permitAll();
			rules.requestMatchers(HttpMethod.POST, "/api/v1/hall/tickets", "/api/v1/hall/tickets/check-in").permitAll();
			rules.requestMatchers(HttpMethod.GET, "/api/v1/hall/tickets/*", "/api/v1/hall/board", "/api/v1/hall/categories",
					"/api/v1/hall/windows", "/api/v1/hall/slots", "/api/v1/hall/rooms", "/api/v1/hall/rooms/*/bookings",
					"/api/v1/hall/events").permitAll();
			rules.requestMatchers("/hall/counter", "/hall/counter/**", "/api/v1/hall/counter/**")
				.hasAnyRole(Role.CLERK.name(), Role.HALL_MANAGER.name());
			rules.requestMatchers("/hall/manager", "/hall/manager/**", "/api/v1/hall/manager/**")
				.hasRole(Role.HALL_MANAGER.name());
		};
	}

	@Bean
	NavigationLink hallKioskLink() {
		return new NavigationLink("hall.nav.kiosk", "/hall/kiosk", 50, Audience.EVERYONE);
	}

	@Bean
	NavigationLink hallBoardLink() {
		return new NavigationLink("hall.nav.board", "/hall/board", 51, Audience.EVERYONE);
	}

	@Bean
	NavigationLink hallEventsLink() {
		return new NavigationLink("hall.nav.events", "/hall/events", 52, Audience.EVERYONE);
	}

	@Bean
	NavigationLink hallAppointmentsLink() {
		return new NavigationLink("hall.nav.appointments", "/hall/appointments", 53, Audience.APPLICANT);
	}

	@Bean
	NavigationLink hallRoomsLink() {
		return new NavigationLink("hall.nav.rooms", "/hall/rooms", 54, Audience.APPLICANT);
	}

	@Bean
	NavigationLink hallCounterLink() {
		return new NavigationLink("hall.nav.counter", "/hall/counter", 55, Audience.CLERK);
	}

	@Bean
	NavigationLink hallManagerLink() {
		// ADMIN audience includes the hall manager; the page itself is for HALL_MANAGER only.
		return new NavigationLink("hall.nav.manager", "/hall/manager", 56, Audience.ADMIN);
	}

	/** Dates and times in the zone's time, in the reader's conventions. */
	public record HallFormat(Clock clock, Locale locale) {

		public String time(Instant instant) {
			return instant == null ? "" : DateTimeFormatter.ofPattern("HH:mm").withZone(clock.getZone()).format(instant);
		}

		public String dateTime(Instant instant) {
			return instant == null ? ""
					: DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
						.withLocale(locale)
						.withZone(clock.getZone())
						.format(instant);
		}

		public String date(LocalDate date) {
			return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(date);
		}

		public String shortDate(Instant instant) {
			return instant == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.withZone(clock.getZone()).format(instant);
		}

	}

	@ControllerAdvice(basePackageClasses = HallWebConfiguration.class)
	static class HallPageModel {

		private final Clock clock;

		HallPageModel(Clock clock) {
			this.clock = clock;
		}

		@ModelAttribute("fmt")
		HallFormat fmt(Locale locale) {
			return new HallFormat(clock, locale);
		}

	}

}
