package org.hetao.estation.feedback;

import java.time.Duration;
import java.time.Instant;

/** The rules of an evaluation, without Spring or SQL. */
public final class EvaluationRules {

	public enum Verdict {
		ALLOWED, ALREADY_CHANGED, WINDOW_CLOSED
	}

	private EvaluationRules() {
	}

	/** A rating may be changed once, within {@code window} of when it was first given. */
	public static Verdict mayChange(Instant givenAt, int changes, Instant now, Duration window) {
		if (changes >= 1) {
			return Verdict.ALREADY_CHANGED;
		}
		if (now.isAfter(givenAt.plus(window))) {
			return Verdict.WINDOW_CLOSED;
		}
		return Verdict.ALLOWED;
	}

	/** A bad rating must say why: at least one reason ticked or a comment. */
	public static boolean explained(Rating rating, int reasons, String comment) {
		return !rating.bad() || reasons > 0 || (comment != null && !comment.isBlank());
	}

	/** Only the reasons that fit the rating: praise for a satisfied one, complaints for a bad one. */
	public static boolean fits(Rating rating, Reason reason) {
		if (rating.bad()) {
			return !reason.praise();
		}
		return rating == Rating.BASICALLY_SATISFIED || reason.praise();
	}

	/** Whether a rectification may move from {@code from} to {@code to}. */
	public static boolean mayMove(RectificationStatus from, RectificationStatus to) {
		return switch (from) {
			case OPEN -> to == RectificationStatus.SUBMITTED;
			case SUBMITTED -> to == RectificationStatus.CLOSED || to == RectificationStatus.OPEN;
			case CLOSED -> false;
		};
	}

}
