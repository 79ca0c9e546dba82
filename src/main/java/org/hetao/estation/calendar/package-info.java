/**
 * The working-day clock: Mainland working days (public holidays and make-up working weekends, 調休)
 * and Hong Kong general holidays, loaded from data; deadlines in working days and a pausable clock.
 *
 * <p>For other modules:
 * <ul>
 * <li>Inject {@link org.hetao.estation.calendar.WorkingCalendars}: {@code isWorkingDay},
 * {@code addWorkingDays} (n-th working day after a start that does not count; a
 * {@code Deadline(date, provisional)}), {@code workingDaysBetween} (from, to], {@code covers},
 * {@code day} (with the holiday's name), {@code missingYears(today)} (the supervisor's warning: years
 * not loaded within the next {@code warningDays()}, 90 by default), {@code dueSoonWorkingDays()} and
 * {@code startClock(...)} (the one "due soon" rule), {@code weekendsOnly()} (the stand-in without calendars).</li>
 * <li>A case task's deadline: {@link org.hetao.estation.calendar.WorkingDayClock} —
 * {@code WorkingDayClock.start(jurisdiction, acceptedOn, promisedDays)}, {@code .pause(date)} on a
 * correction request, {@code .resume(date)} on resubmission, {@code .status(today, workingCalendars)}
 * for elapsed/remaining working days, deadline, ON_TIME/DUE_SOON/OVERDUE and provisional; {@code .deadline(calendars)}
 * the deadline with the ended pauses counted. The rules are written once, in the README ("The clock"). Store
 * {@code started}, {@code promisedWorkingDays} and {@code pauses()}; rebuild with {@code restore}.</li>
 * <li>Plain-Java tests: {@link org.hetao.estation.calendar.HolidayCalendars#bundled()} is the real
 * bundled data without Spring.</li>
 * <li>Event {@link org.hetao.estation.calendar.CalendarChanged} when an administrator loads or removes
 * a year (deadlines in that year may move).</li>
 * <li>Public API: {@code GET /api/v1/calendars/{CN|HK}/days/{date}},
 * {@code GET /api/v1/calendars/{CN|HK}/deadline?start=&workingDays=}, {@code GET /api/v1/calendars/{CN|HK}/years},
 * {@code GET /api/v1/calendars/coverage}; ADMIN: {@code POST /api/v1/calendars/CN/years/{year}} (part
 * {@code file}), {@code POST /api/v1/calendars/HK/years/{year}} (parts {@code en}, {@code tc}, {@code sc}).
 * Pages: {@code /calendars} (public), {@code /admin/calendars} (ADMIN uploads; SUPERVISOR and other
 * managers see the years and the warning).</li>
 * </ul>
 */
package org.hetao.estation.calendar;
