package org.hetao.estation.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.hetao.estation.calendar.CalendarYear.SpecialDay;
import org.hetao.estation.calendar.WorkingCalendars.Deadline;
import org.hetao.estation.shared.Jurisdiction;

/**
 * The working days of one jurisdiction, built from its loaded {@link CalendarYear}s. Immutable.
 *
 * <ul>
 * <li>Mainland ({@code CN}): a weekday is a working day unless it is a public holiday; a Saturday or
 * Sunday is a working day only when it is a make-up day (調休).</li>
 * <li>Hong Kong ({@code HK}): Monday to Friday unless a general holiday; Saturdays are not working days
 * for the centre's Hong Kong-side steps; there are no make-up days.</li>
 * <li>A date whose year is not loaded is judged by the weekend alone; results that used such a date
 * are flagged provisional.</li>
 * </ul>
 */
public final class HolidayCalendar {

	/** Safety limit for day-by-day walks (about 40 years). */
	static final int MAX_WORKING_DAYS = 10_000;

	private final Jurisdiction jurisdiction;

	private final NavigableMap<LocalDate, SpecialDay> days;

	private final NavigableMap<Integer, CalendarYear> years;

	private HolidayCalendar(Jurisdiction jurisdiction, NavigableMap<Integer, CalendarYear> years) {
		this.jurisdiction = jurisdiction;
		this.years = Collections.unmodifiableNavigableMap(years);
		NavigableMap<LocalDate, SpecialDay> index = new TreeMap<>();
		// Year order: a later notice decides a date it shares with an earlier one.
		years.values().forEach(y -> y.days().forEach(d -> index.put(d.date(), d)));
		this.days = Collections.unmodifiableNavigableMap(index);
	}

	/**
	 * A calendar of these years. When two of them are for the same year, the later one in the collection
	 * wins (an uploaded year replaces the bundled file).
	 */
	public static HolidayCalendar of(Jurisdiction jurisdiction, Collection<CalendarYear> years) {
		NavigableMap<Integer, CalendarYear> byYear = new TreeMap<>();
		for (CalendarYear year : years) {
			if (year.jurisdiction() != jurisdiction) {
				throw new IllegalArgumentException(year.jurisdiction() + " year in a " + jurisdiction + " calendar");
			}
			byYear.put(year.year(), year);
		}
		return new HolidayCalendar(jurisdiction, byYear);
	}

	public Jurisdiction jurisdiction() {
		return jurisdiction;
	}

	/** The loaded years, oldest first. */
	public List<CalendarYear> years() {
		return List.copyOf(years.values());
	}

	/** The loaded year numbers. */
	public NavigableSet<Integer> yearNumbers() {
		return Collections.unmodifiableNavigableSet(new TreeSet<>(years.keySet()));
	}

	public Optional<CalendarYear> year(int year) {
		return Optional.ofNullable(years.get(year));
	}

	/** Whether the official calendar of this date's year is loaded. */
	public boolean covers(LocalDate date) {
		return years.containsKey(date.getYear());
	}

	/** Whether every day in (from, to] is in a loaded year. */
	public boolean coversAll(LocalDate from, LocalDate to) {
		if (!to.isAfter(from)) {
			return true;
		}
		for (int year = from.plusDays(1).getYear(); year <= to.getYear(); year++) {
			if (!years.containsKey(year)) {
				return false;
			}
		}
		return true;
	}

	public boolean isWorkingDay(LocalDate date) {
		SpecialDay special = days.get(date);
		if (special != null) {
			// Listed by a notice: even a December date listed by the next year's notice counts.
			return !special.offDay();
		}
		return !isWeekend(date);
	}

	/** The day with its holiday or make-up day name. */
	public CalendarDay day(LocalDate date) {
		SpecialDay special = days.get(date);
		boolean weekend = isWeekend(date);
		boolean working = isWorkingDay(date);
		CalendarDay.Kind kind;
		if (working) {
			kind = weekend ? CalendarDay.Kind.MAKE_UP_WORKING_DAY : CalendarDay.Kind.WORKING_DAY;
		}
		else {
			kind = special != null && special.offDay() ? CalendarDay.Kind.HOLIDAY : CalendarDay.Kind.WEEKEND;
		}
		return new CalendarDay(jurisdiction, date, kind, special == null ? null : special.name(), !covers(date));
	}

	/** The listed special days (holidays and make-up days) from {@code from} to {@code to}, both included. */
	public List<SpecialDay> specialDays(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return List.of();
		}
		return days.subMap(from, true, to, true).values().stream().sorted(Comparator.comparing(SpecialDay::date)).toList();
	}

	/**
	 * The n-th working day after {@code start}; the start day itself does not count, so 0 gives
	 * {@code start}. Provisional when a day in (start, result] lies outside the loaded years.
	 *
	 * @throws IllegalArgumentException when n is negative or absurdly large
	 */
	public Deadline addWorkingDays(LocalDate start, int workingDays) {
		Objects.requireNonNull(start, "start");
		if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
			throw new IllegalArgumentException("working days must be 0.." + MAX_WORKING_DAYS + ": " + workingDays);
		}
		LocalDate date = start;
		int counted = 0;
		while (counted < workingDays) {
			date = date.plusDays(1);
			if (isWorkingDay(date)) {
				counted++;
			}
		}
		return new Deadline(date, !coversAll(start, date));
	}

	/** Working days in (from, to]; 0 when to ≤ from. */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		int count = 0;
		for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
			if (isWorkingDay(date)) {
				count++;
			}
		}
		return count;
	}

	static boolean isWeekend(LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
	}

}
