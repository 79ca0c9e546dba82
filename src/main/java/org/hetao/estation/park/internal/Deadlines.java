package org.hetao.estation.park.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.shared.Jurisdiction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Settlement deadlines in Mainland working days (the park is in Shenzhen). Uses the platform's working
 * calendars; should they be unavailable, counts weekdays only and says the date is provisional.
 */
@Component
public class Deadlines {

	private final ObjectProvider<WorkingCalendars> calendars;

	public Deadlines(ObjectProvider<WorkingCalendars> calendars) {
		this.calendars = calendars;
	}

	public WorkingCalendars.Deadline after(LocalDate start, int workingDays) {
		WorkingCalendars calendar = calendars.getIfAvailable();
		if (calendar != null) {
			return calendar.addWorkingDays(Jurisdiction.CN, start, workingDays);
		}
		LocalDate date = start;
		int left = workingDays;
		while (left > 0) {
			date = date.plusDays(1);
			if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
				left--;
			}
		}
		return new WorkingCalendars.Deadline(date, true);
	}

}
