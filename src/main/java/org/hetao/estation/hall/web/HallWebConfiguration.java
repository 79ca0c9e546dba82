package org.hetao.estation.hall.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.hetao.estation.identity.Role;
import org.hetao.estation.identity.ModuleWeb;
import org.hetao.estation.shared.NavigationLink.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The hall's URL rules, its navigation links and the formatting its pages share. */
@Configuration(proxyBeanMethods = false)
class HallWebConfiguration {

	@Bean
	ModuleWeb hallWeb() {
		return ModuleWeb.rules()
			.paths("/hall/kiosk", "/hall/kiosk/**", "/hall/board", "/hall/board/**").permitAll()
			.get("/hall/tickets/*", "/hall/events", "/hall/events/*", "/hall/rooms", "/hall/rooms/*").permitAll()
			.post("/api/v1/hall/tickets", "/api/v1/hall/tickets/check-in").permitAll()
			.get("/api/v1/hall/tickets/*", "/api/v1/hall/board", "/api/v1/hall/categories", "/api/v1/hall/windows",
					"/api/v1/hall/slots", "/api/v1/hall/rooms", "/api/v1/hall/rooms/*/bookings", "/api/v1/hall/events")
			.permitAll()
			.paths("/hall/counter", "/hall/counter/**", "/api/v1/hall/counter/**").hasRole(Role.CLERK, Role.HALL_MANAGER)
			.paths("/hall/manager", "/hall/manager/**", "/api/v1/hall/manager/**").hasRole(Role.HALL_MANAGER)
			.link("hall.nav.kiosk", "/hall/kiosk", 50, Audience.EVERYONE)
			.link("hall.nav.board", "/hall/board", 51, Audience.EVERYONE)
			.link("hall.nav.events", "/hall/events", 52, Audience.EVERYONE)
			.link("hall.nav.appointments", "/hall/appointments", 53, Audience.APPLICANT)
			.link("hall.nav.rooms", "/hall/rooms", 54, Audience.APPLICANT)
			.link("hall.nav.counter", "/hall/counter", 55, Audience.CLERK)
			.link("hall.nav.manager", "/hall/manager", 56, Audience.HALL_MANAGER);
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
