package org.hetao.estation.feedback;

/** The five levels of the national good-and-bad evaluation (好差評). */
public enum Rating {

	VERY_SATISFIED(5), SATISFIED(4), BASICALLY_SATISFIED(3), DISSATISFIED(2), VERY_DISSATISFIED(1);

	private final int score;

	Rating(int score) {
		this.score = score;
	}

	public int score() {
		return score;
	}

	/** A bad rating (差評) opens a rectification. */
	public boolean bad() {
		return this == DISSATISFIED || this == VERY_DISSATISFIED;
	}

	/** Counted as satisfied in the satisfaction rate (the three upper levels). */
	public boolean satisfied() {
		return score >= 3;
	}

	public String messageKey() {
		return "feedback.rating." + name();
	}

}
