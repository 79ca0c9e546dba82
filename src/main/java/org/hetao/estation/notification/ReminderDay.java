package org.hetao.estation.notification;

import java.time.LocalDate;

import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.shared.Jurisdiction;

/** The day an appointment's reminder is due: the last working day before it (a Friday for a Monday). */
final class ReminderDay {

	private ReminderDay() {
	}

	static LocalDate of(LocalDate appointment, WorkingCalendars calendars, Jurisdiction jurisdiction) {
		LocalDate day = appointment.minusDays(1);
		for (int i = 0; i < 60 && !calendars.isWorkingDay(jurisdiction, day); i++) {
			day = day.minusDays(1);
		}
		return day;
	}

	/** Whether to send the reminder today: on or after the reminder day, and before the appointment day. */
	static boolean due(LocalDate appointment, LocalDate today, WorkingCalendars calendars, Jurisdiction jurisdiction) {
		return today.isBefore(appointment) && !today.isBefore(of(appointment, calendars, jurisdiction));
	}

}
