package org.hetao.estation.casework;

import java.time.Instant;

/**
 * One recorded step of a case: who did what to which task, when, from which channel and why.
 *
 * @param itemCode the task's item, {@code null} for something done to the whole case
 * @param from the task's status before, {@code null} for case-level steps and new tasks
 * @param to the task's status after, {@code null} for case-level steps
 * @param action what happened, e.g. {@code ACCEPT}, {@code REQUEST_CORRECTION}, {@code SUBMIT}
 */
public record TimelineEntry(Instant at, String itemCode, TaskStatus from, TaskStatus to, String action,
		Actor actor, CaseChannel channel, String reason) {

	public String actionMessageKey() {
		return "casework.action." + action;
	}

}
