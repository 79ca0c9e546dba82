package org.hetao.estation.calendar;

import java.time.LocalDate;

import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.shared.LocalizedText;

/**
 * What a calendar says about one day.
 *
 * @param jurisdiction whose calendar
 * @param date the day
 * @param kind why it is (not) a working day
 * @param holidayName the holiday's (or make-up day's) name, {@code null} for an ordinary day
 * @param provisional the day's year is not loaded: judged by the weekend only
 */
public record CalendarDay(Jurisdiction jurisdiction, LocalDate date, Kind kind, LocalizedText holidayName,
		boolean provisional) {

	public enum Kind {
		/** Monday to Friday, not a holiday. */
		WORKING_DAY(true),
		/** Saturday or Sunday. */
		WEEKEND(false),
		/** A public (Mainland) or general (Hong Kong) holiday. */
		HOLIDAY(false),
		/** A Saturday or Sunday that is a Mainland working day (調休 make-up day). */
		MAKE_UP_WORKING_DAY(true);

		private final boolean working;

		Kind(boolean working) {
			this.working = working;
		}

		public boolean working() {
			return working;
		}
	}

	public boolean workingDay() {
		return kind.working();
	}

}
