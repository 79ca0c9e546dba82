package org.hetao.estation.feedback;

import java.util.Arrays;
import java.util.List;

/** What the applicant may tick to say why; the good ones for a good rating, the bad ones for the others. */
public enum Reason {

	FAST(true), CLEAR_GUIDANCE(true), COURTEOUS(true), ONE_VISIT(true), CONVENIENT_ONLINE(true),
	SLOW(false), UNCLEAR_GUIDANCE(false), DISCOURTEOUS(false), TOO_MANY_VISITS(false), MATERIALS_ASKED_AGAIN(false),
	SYSTEM_TROUBLE(false), OTHER(false);

	private final boolean praise;

	Reason(boolean praise) {
		this.praise = praise;
	}

	public boolean praise() {
		return praise;
	}

	public String messageKey() {
		return "feedback.reason." + name();
	}

	public static List<Reason> praise(boolean praise) {
		return Arrays.stream(values()).filter(r -> r.praise == praise).toList();
	}

}
