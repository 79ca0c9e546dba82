package org.hetao.estation.calendar.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the calendars are read from at start-up.
 *
 * @param location one or more locations (Spring resource prefixes, e.g. {@code classpath:calendar/},
 * {@code file:/srv/estation/calendar/}), each with {@code cn/<year>.json} (holiday-cn format) and/or
 * {@code hk/1823-en.json}, {@code hk/1823-tc.json}, {@code hk/1823-sc.json} (1823 feed). A later location
 * replaces an earlier one's years; years uploaded by an administrator replace them all.
 */
@ConfigurationProperties("estation.calendar")
public record CalendarProperties(List<String> location) {

	public static final String BUNDLED = "classpath:calendar/";

	public CalendarProperties {
		location = location == null || location.isEmpty() ? List.of(BUNDLED)
				: location.stream().map(l -> l.endsWith("/") ? l : l + "/").toList();
	}

}
