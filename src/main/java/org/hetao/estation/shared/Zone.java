package org.hetao.estation.shared;

import java.time.ZoneId;

/**
 * The platform's time zone, written once: Shenzhen and Hong Kong share UTC+8 and no daylight saving, so
 * every "day" (a deadline, an appointment, a report period) is a day in {@code Asia/Shanghai}.
 * Templates read it as the model attribute {@code zone}; scheduled jobs as {@link #NAME}.
 */
public final class Zone {

	/** The zone's name, for annotations ({@code @Scheduled(zone = Zone.NAME)}). */
	public static final String NAME = "Asia/Shanghai";

	/** The zone. */
	public static final ZoneId ID = ZoneId.of(NAME);

	private Zone() {
	}

}
