package org.hetao.estation.casework;

/** How a running task stands against its promised deadline. */
public enum DeadlineStatus {
	/** Less than 80 % of the promised working days used. */
	ON_TIME,
	/** 80 % or more used, deadline not passed. */
	DUE_SOON,
	/** The deadline has passed. */
	OVERDUE;

	public String messageKey() {
		return "casework.deadline." + name();
	}
}
