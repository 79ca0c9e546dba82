package org.hetao.estation.hall.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The appointment slots of a hall day: the opening periods cut into slots of a fixed length; a slot
 * that would run past the end of its period is not offered.
 */
public final class SlotPlan {

	public record Period(LocalTime opens, LocalTime closes) {
		public Period {
			if (!closes.isAfter(opens)) {
				throw new IllegalArgumentException("A period closes after it opens: " + opens + "–" + closes);
			}
		}
	}

	public record Slot(ZonedDateTime start, ZonedDateTime end) {
	}

	private SlotPlan() {
	}

	public static List<Slot> slots(LocalDate date, List<Period> periods, int slotMinutes, ZoneId zone) {
		if (slotMinutes < 5) {
			throw new IllegalArgumentException("Slots last at least 5 minutes");
		}
		List<Slot> slots = new ArrayList<>();
		for (Period period : periods) {
			LocalTime start = period.opens();
			while (!start.plusMinutes(slotMinutes).isAfter(period.closes())
					&& start.plusMinutes(slotMinutes).isAfter(start)) {
				slots.add(new Slot(date.atTime(start).atZone(zone), date.atTime(start.plusMinutes(slotMinutes)).atZone(zone)));
				start = start.plusMinutes(slotMinutes);
			}
		}
		return slots;
	}

}
