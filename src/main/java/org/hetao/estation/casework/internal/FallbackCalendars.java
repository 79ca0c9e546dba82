package org.hetao.estation.casework.internal;



import java.time.DayOfWeek;
import java.time.LocalDate;

import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.shared.Jurisdiction;

/**
 * Weekends only, every deadline provisional: used only when no calendar module is present, so that a
 * case can still be handled; the deadline is then shown as provisional.
 */
public final class FallbackCalendars implements WorkingCalendars {

	@Override
	public boolean isWorkingDay(Jurisdiction jurisdiction, LocalDate date) {
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	@Override
	public Deadline addWorkingDays(Jurisdiction jurisdiction, LocalDate start, int workingDays) {
		LocalDate d = start;
		for (int left = workingDays; left > 0;) {
			d = d.plusDays(1);
			if (isWorkingDay(jurisdiction, d)) {
				left--;
			}
		}
		return new Deadline(d, true);
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
		return false;
	}

}
