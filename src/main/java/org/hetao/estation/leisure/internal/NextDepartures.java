package org.hetao.estation.leisure.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The next departures of a shuttle from a moment: today's remaining departures of the timetable today runs
 * (working day or rest day), then the following days' from their first bus. A bus leaving at this very
 * minute still counts.
 */
public final class NextDepartures {

	/** How far ahead to look (a direction with no departures at all on either kind of day finds none). */
	static final int MAX_DAYS = 14;

	private NextDepartures() {
	}

	/** A departure from the first stop, and which timetable its day runs. */
	public record Departure(LocalDateTime at, ServiceDay serviceDay) {

		public LocalDate date() {
			return at.toLocalDate();
		}

		public LocalTime time() {
			return at.toLocalTime();
		}

	}

	/**
	 * @param now the moment, in the zone's time
	 * @param serviceDay which timetable a date runs
	 * @param count how many departures at most
	 */
	public static List<Departure> after(ShuttleFile.Direction direction, LocalDateTime now,
			Function<LocalDate, ServiceDay> serviceDay, int count) {
		List<Departure> next = new ArrayList<>(count);
		LocalDate date = now.toLocalDate();
		for (int day = 0; day < MAX_DAYS && next.size() < count; day++, date = date.plusDays(1)) {
			ServiceDay kind = serviceDay.apply(date);
			for (LocalTime time : direction.times(kind)) {
				LocalDateTime at = date.atTime(time);
				if (!at.isBefore(now.withSecond(0).withNano(0))) {
					next.add(new Departure(at, kind));
					if (next.size() == count) {
						break;
					}
				}
			}
		}
		return next;
	}

}
