package org.hetao.estation.calendar;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.shared.LocalizedText;

/**
 * One year of an official calendar: the days that differ from the ordinary week. For the Mainland a
 * year is one State Council notice (holiday-cn's {@code <year>.json}); it may hold a date of the
 * previous December. For Hong Kong it is the year's general holidays.
 *
 * @param jurisdiction whose calendar
 * @param year the year the calendar is for (all of that year is then "loaded")
 * @param days public holidays ({@code offDay}) and make-up working days ({@code !offDay}), by date
 * @param source where it came from, for administrators (file name, "uploaded by …")
 */
public record CalendarYear(Jurisdiction jurisdiction, int year, List<SpecialDay> days, String source) {

	/**
	 * A day that differs from the ordinary week.
	 *
	 * @param date the day
	 * @param offDay {@code true}: a holiday, no work; {@code false}: a weekend day that is a working day (make-up day)
	 * @param name the holiday's name in the three languages
	 */
	public record SpecialDay(LocalDate date, boolean offDay, LocalizedText name) {

		public SpecialDay {
			Objects.requireNonNull(date, "date");
			Objects.requireNonNull(name, "name");
		}

		public boolean makeUpWorkingDay() {
			return !offDay;
		}

	}

	public CalendarYear {
		Objects.requireNonNull(jurisdiction, "jurisdiction");
		Objects.requireNonNull(days, "days");
		days = days.stream().sorted(Comparator.comparing(SpecialDay::date)).toList();
		Set<LocalDate> seen = new HashSet<>();
		for (SpecialDay day : days) {
			if (!seen.add(day.date())) {
				throw new IllegalArgumentException("Duplicate date " + day.date() + " in " + jurisdiction + " " + year);
			}
			if (!allowedIn(jurisdiction, year, day.date())) {
				throw new IllegalArgumentException("Date " + day.date() + " is not in " + jurisdiction + " " + year);
			}
			if (jurisdiction == Jurisdiction.HK && !day.offDay()) {
				throw new IllegalArgumentException("Hong Kong has no make-up working days: " + day.date());
			}
		}
		source = source == null ? "" : source;
	}

	/**
	 * Whether a date may appear in a year file: a date of that year; for the Mainland also a date of the
	 * previous December (a notice may move a December weekend, as 2023's did for 2022-12-31).
	 */
	public static boolean allowedIn(Jurisdiction jurisdiction, int year, LocalDate date) {
		if (date.getYear() == year) {
			return true;
		}
		return jurisdiction == Jurisdiction.CN && date.getYear() == year - 1 && date.getMonthValue() == 12;
	}

}
