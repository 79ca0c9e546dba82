package org.hetao.estation.calendar.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.hetao.estation.calendar.CalendarDay;
import org.hetao.estation.calendar.CalendarYear.SpecialDay;
import org.hetao.estation.calendar.HolidayCalendar;
import org.hetao.estation.shared.Jurisdiction;

/**
 * One month of one jurisdiction's calendar for the page: weeks Monday to Sunday (empty cells outside the
 * month), and the month's holidays and make-up days with their names.
 */
public record MonthView(Jurisdiction jurisdiction, YearMonth month, List<List<Cell>> weeks, List<SpecialDay> specialDays,
		boolean provisional, int workingDays) {

	/** A day of the month; {@code day == null} for a cell before the 1st or after the last day. */
	public record Cell(CalendarDay day, boolean today) {

		public boolean empty() {
			return day == null;
		}
	}

	static MonthView of(HolidayCalendar calendar, YearMonth month, LocalDate today) {
		List<List<Cell>> weeks = new ArrayList<>();
		List<Cell> week = new ArrayList<>();
		LocalDate first = month.atDay(1);
		for (int i = 1; i < first.getDayOfWeek().getValue(); i++) {
			week.add(new Cell(null, false));
		}
		int working = 0;
		for (LocalDate date = first; !date.isAfter(month.atEndOfMonth()); date = date.plusDays(1)) {
			CalendarDay day = calendar.day(date);
			working += day.workingDay() ? 1 : 0;
			week.add(new Cell(day, date.equals(today)));
			if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
				weeks.add(week);
				week = new ArrayList<>();
			}
		}
		if (!week.isEmpty()) {
			while (week.size() < 7) {
				week.add(new Cell(null, false));
			}
			weeks.add(week);
		}
		return new MonthView(calendar.jurisdiction(), month, weeks,
				calendar.specialDays(first, month.atEndOfMonth()).stream().filter(d -> d.date().getYear() == month.getYear()
						|| calendar.covers(d.date())).toList(),
				!calendar.covers(first), working);
	}

}
