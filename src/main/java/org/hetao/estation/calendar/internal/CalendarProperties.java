package org.hetao.estation.calendar.internal;

import java.util.List;

import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.calendar.WorkingDayClock;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Where the calendars are read from at start-up.
 *
 * @param location one or more locations (Spring resource prefixes, e.g. {@code classpath:calendar/},
 * {@code file:/srv/estation/calendar/}), each with {@code cn/<year>.json} (holiday-cn format) and/or
 * {@code hk/1823-en.json}, {@code hk/1823-tc.json}, {@code hk/1823-sc.json} (1823 feed). A later location
 * replaces an earlier one's years; years uploaded by an administrator replace them all.
 * @param dueSoonWorkingDays a running task is due soon when this many working days of its promise or fewer
 * remain (default {@value org.hetao.estation.calendar.WorkingDayClock#DEFAULT_DUE_SOON_WORKING_DAYS}); a
 * catalogue item may set its own ({@code dueSoonWorkingDays})
 * @param warningDays staff are warned this many days before the last loaded year runs out (default
 * {@value org.hetao.estation.calendar.WorkingCalendars#WARNING_DAYS})
 */
@ConfigurationProperties("estation.calendar")
public record CalendarProperties(List<String> location, Integer dueSoonWorkingDays, Integer warningDays) {

	public static final String BUNDLED = "classpath:calendar/";

	@ConstructorBinding
	public CalendarProperties {
		location = location == null || location.isEmpty() ? List.of(BUNDLED)
				: location.stream().map(l -> l.endsWith("/") ? l : l + "/").toList();
		dueSoonWorkingDays = dueSoonWorkingDays == null ? WorkingDayClock.DEFAULT_DUE_SOON_WORKING_DAYS : dueSoonWorkingDays;
		warningDays = warningDays == null ? WorkingCalendars.WARNING_DAYS : warningDays;
		if (dueSoonWorkingDays < 0 || warningDays < 0) {
			throw new IllegalArgumentException("estation.calendar.due-soon-working-days and warning-days must not be negative");
		}
	}

	public CalendarProperties(List<String> location) {
		this(location, null, null);
	}

}
