package org.hetao.estation.leisure.internal;

/** Which timetable a day runs: working days (Mainland calendar, make-up days included) or rest days. */
public enum ServiceDay {
	WORKING_DAY, REST_DAY
}
