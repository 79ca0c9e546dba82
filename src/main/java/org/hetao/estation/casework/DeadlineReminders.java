package org.hetao.estation.casework;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * What was sent about tasks' deadlines (the escalation that follows the clocks lives in supervision): the work
 * queue shows the latest as a badge. A module that sends reminders provides this bean; without one, none shows.
 */
public interface DeadlineReminders {

	/** The latest reminder sent for each of these tasks that had one. */
	Map<Long, Reminder> latest(Collection<Long> taskIds);

	/**
	 * A reminder sent.
	 *
	 * @param onDay the deadline it was about (due soon, due today), or the day it was sent (overdue, daily)
	 */
	record Reminder(Kind kind, LocalDate onDay) {

		public String messageKey() {
			return "casework.reminder." + kind.name();
		}
	}

	/** Officers: the task became due soon, or is due today; the department's supervisors: it is overdue. */
	enum Kind {
		DUE_SOON, DUE_TODAY, OVERDUE
	}

}
