package org.hetao.estation.calendar;

import java.time.Instant;

import org.hetao.estation.shared.Jurisdiction;

/**
 * An administrator loaded (or removed) a year of a calendar: working days in that year may have
 * changed, so deadlines computed before may be different now.
 *
 * @param jurisdiction whose calendar
 * @param year the year replaced
 * @param changedBy the administrator's user name
 * @param changedAt when
 */
public record CalendarChanged(Jurisdiction jurisdiction, int year, String changedBy, Instant changedAt) {
}
