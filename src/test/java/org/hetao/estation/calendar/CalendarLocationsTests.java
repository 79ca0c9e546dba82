package org.hetao.estation.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.hetao.estation.calendar.internal.CalendarProperties;
import org.hetao.estation.calendar.internal.CalendarServiceTestAccess;
import org.hetao.estation.shared.Jurisdiction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** estation.calendar.location: an administrator's folder extends and replaces the bundled years. */
class CalendarLocationsTests {

	@TempDir
	Path folder;

	@Test
	void aLaterLocationAddsAndReplacesYears() throws IOException {
		Files.createDirectories(folder.resolve("cn"));
		Files.writeString(folder.resolve("cn/2027.json"), """
				{"year": 2027, "papers": [], "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}""");
		Files.writeString(folder.resolve("cn/2026.json"), """
				{"year": 2026, "papers": [], "days": [{"name": "元旦", "date": "2026-01-01", "isOffDay": true}]}""");
		Files.writeString(folder.resolve("cn/README.json"), "not a year file, ignored");
		CalendarProperties properties = new CalendarProperties(
				List.of(CalendarProperties.BUNDLED, folder.toUri().toString()));
		HolidayCalendars calendars = HolidayCalendars.of(CalendarServiceTestAccess.readLocations(properties));
		assertThat(calendars.covers(Jurisdiction.CN, LocalDate.of(2027, 3, 1))).isTrue();
		assertThat(calendars.isWorkingDay(Jurisdiction.CN, LocalDate.of(2027, 1, 1))).isFalse();
		// 2026 is now the folder's version: no Spring Festival.
		assertThat(calendars.isWorkingDay(Jurisdiction.CN, LocalDate.of(2026, 2, 16))).isTrue();
		assertThat(calendars.isWorkingDay(Jurisdiction.CN, LocalDate.of(2025, 10, 1))).isFalse();
		assertThat(calendars.covers(Jurisdiction.HK, LocalDate.of(2026, 1, 1))).as("bundled HK kept").isTrue();
	}

	@Test
	void aBrokenFileStopsTheStartWithItsName() throws IOException {
		Files.createDirectories(folder.resolve("cn"));
		Files.writeString(folder.resolve("cn/2027.json"), "{\"year\": 2026, \"days\": []}");
		CalendarProperties properties = new CalendarProperties(List.of(folder.toUri().toString()));
		assertThatThrownBy(() -> CalendarServiceTestAccess.readLocations(properties))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("2027.json")
			.hasMessageContaining("calendar.file.yearMismatch");
	}

	@Test
	void theBundledLocationIsTheDefault() {
		assertThat(new CalendarProperties(null).location()).containsExactly("classpath:calendar/");
		assertThat(new CalendarProperties(List.of("file:/srv/cal")).location()).containsExactly("file:/srv/cal/");
	}

	@Test
	void dueSoonAndTheWarningAreConfigurableNeverNegative() {
		assertThat(new CalendarProperties(null).dueSoonWorkingDays()).isEqualTo(WorkingDayClock.DEFAULT_DUE_SOON_WORKING_DAYS);
		assertThat(new CalendarProperties(null).warningDays()).isEqualTo(90);
		assertThat(new CalendarProperties(null, 3, 120).dueSoonWorkingDays()).isEqualTo(3);
		assertThat(new CalendarProperties(null, 3, 120).warningDays()).isEqualTo(120);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CalendarProperties(null, -1, null))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
