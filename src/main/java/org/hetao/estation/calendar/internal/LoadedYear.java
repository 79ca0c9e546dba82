package org.hetao.estation.calendar.internal;

import java.time.Instant;

import org.hetao.estation.calendar.CalendarYear;
import org.hetao.estation.shared.Jurisdiction;

/**
 * A year of a calendar as it is in use, with where it comes from.
 *
 * @param uploadedBy the administrator who uploaded it, {@code null} for a file
 * @param uploadedAt when, {@code null} for a file
 */
public record LoadedYear(Jurisdiction jurisdiction, int year, int holidays, int makeUpWorkingDays, String source,
		String uploadedBy, Instant uploadedAt) implements java.io.Serializable {

	static LoadedYear of(CalendarYear year, String uploadedBy, Instant uploadedAt) {
		int holidays = (int) year.days().stream().filter(CalendarYear.SpecialDay::offDay).count();
		return new LoadedYear(year.jurisdiction(), year.year(), holidays, year.days().size() - holidays, year.source(),
				uploadedBy, uploadedAt);
	}

	public boolean uploaded() {
		return uploadedBy != null;
	}

}
