package org.hetao.estation.casework;

import org.hetao.estation.calendar.WorkingDayClock;

/** How a running task stands against its promised deadline: the {@link WorkingDayClock.State}, in casework's API. */
public enum DeadlineStatus {
	/** More working days remain than the "due soon" threshold. */
	ON_TIME,
	/** At most the "due soon" threshold of working days remain, deadline not passed. */
	DUE_SOON,
	/** The deadline has passed. */
	OVERDUE;

	public String messageKey() {
		return "casework.deadline." + name();
	}

	public static DeadlineStatus of(WorkingDayClock.State state) {
		return valueOf(state.name());
	}
}
