package org.hetao.estation.feedback;

/** What was served: an item's task (辦件) or a counter visit in the hall (窗口服務). */
public enum ServiceKind {

	TASK, COUNTER;

	public String messageKey() {
		return "feedback.kind." + name();
	}

}
