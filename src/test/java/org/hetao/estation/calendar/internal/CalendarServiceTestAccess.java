package org.hetao.estation.calendar.internal;

import java.util.List;

import org.hetao.estation.calendar.CalendarYear;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Lets tests read locations as the service does at start-up. */
public final class CalendarServiceTestAccess {

	private CalendarServiceTestAccess() {
	}

	public static List<CalendarYear> readLocations(CalendarProperties properties) {
		return CalendarService.readLocations(properties.location(),
				new PathMatchingResourcePatternResolver(new DefaultResourceLoader()));
	}

}
