package org.hetao.estation.casework;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.shared.Jurisdiction;

/** A test calendar: Monday to Friday are working days, plus the given holidays are not. */
class WeekendCalendars implements WorkingCalendars {

	private final Set<LocalDate> holidays;

	WeekendCalendars(LocalDate... holidays) {
		this.holidays = Set.of(holidays);
	}

	@Override
	public boolean isWorkingDay(Jurisdiction jurisdiction, LocalDate date) {
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
				&& !holidays.contains(date);
	}

	@Override
	public Deadline addWorkingDays(Jurisdiction jurisdiction, LocalDate start, int workingDays) {
		LocalDate d = start;
		int left = workingDays;
		while (left > 0) {
			d = d.plusDays(1);
			if (isWorkingDay(jurisdiction, d)) {
				left--;
			}
		}
		return new Deadline(d, false);
	}

	@Override
	public int workingDaysBetween(Jurisdiction jurisdiction, LocalDate from, LocalDate to) {
		int n = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (isWorkingDay(jurisdiction, d)) {
				n++;
			}
		}
		return n;
	}

	@Override
	public boolean covers(Jurisdiction jurisdiction, LocalDate date) {
		return true;
	}

}
