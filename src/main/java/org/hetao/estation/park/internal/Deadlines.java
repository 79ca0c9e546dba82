package org.hetao.estation.park.internal;

import java.time.LocalDate;
import java.util.function.Supplier;

import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.shared.LateBeans;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Settlement deadlines in Mainland working days (the park is in Shenzhen). Uses the platform's working
 * calendars; should they be unavailable, the calendar module's weekends-only stand-in (every date provisional).
 */
@Component
public class Deadlines {

	private final Supplier<WorkingCalendars> calendars;

	public Deadlines(ObjectProvider<WorkingCalendars> calendars) {
		this.calendars = LateBeans.one(calendars, WorkingCalendars::weekendsOnly);
	}

	public WorkingCalendars.Deadline after(LocalDate start, int workingDays) {
		return calendars.get().addWorkingDays(Jurisdiction.CN, start, workingDays);
	}

}
