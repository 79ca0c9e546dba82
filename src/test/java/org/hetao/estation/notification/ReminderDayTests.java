package org.hetao.estation.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.hetao.estation.calendar.HolidayCalendars;
import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.shared.Jurisdiction;
import org.junit.jupiter.api.Test;

/** The reminder goes out on the working day before the appointment, on the Mainland calendar. */
class ReminderDayTests {

	WorkingCalendars calendars = HolidayCalendars.bundled();

	@Test
	void aMondayAppointmentIsRemindedOnFriday() {
		LocalDate monday = LocalDate.of(2026, 3, 9);
		assertThat(ReminderDay.of(monday, calendars, Jurisdiction.CN)).isEqualTo(LocalDate.of(2026, 3, 6));
		assertThat(ReminderDay.due(monday, LocalDate.of(2026, 3, 5), calendars, Jurisdiction.CN)).isFalse();
		assertThat(ReminderDay.due(monday, LocalDate.of(2026, 3, 6), calendars, Jurisdiction.CN)).isTrue();
		assertThat(ReminderDay.due(monday, LocalDate.of(2026, 3, 7), calendars, Jurisdiction.CN)).as("a late run still reminds").isTrue();
		assertThat(ReminderDay.due(monday, monday, calendars, Jurisdiction.CN)).as("not on the day itself").isFalse();
	}

	@Test
	void anAppointmentAfterTheNationalDayHolidayIsRemindedBeforeIt() {
		// 2026: 1–7 October off on the Mainland, 8 October a working day.
		LocalDate after = LocalDate.of(2026, 10, 8);
		LocalDate reminder = ReminderDay.of(after, calendars, Jurisdiction.CN);
		assertThat(reminder).isBefore(LocalDate.of(2026, 10, 1));
		assertThat(calendars.isWorkingDay(Jurisdiction.CN, reminder)).isTrue();
	}

}
