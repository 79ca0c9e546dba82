package org.hetao.estation.casework;

import org.hetao.estation.shared.Problem;

/** An action that the task's current status does not allow: answered 409 with a problem detail. */
public class IllegalTransition extends Problem {

	private final TaskStatus status;

	private final String action;

	public IllegalTransition(String action, TaskStatus status) {
		super(Kind.CONFLICT, "casework.error.illegalTransition", action, status);
		this.status = status;
		this.action = action;
	}

	public TaskStatus status() {
		return status;
	}

	public String action() {
		return action;
	}

}
