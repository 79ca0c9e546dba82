package org.hetao.estation.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class EvaluationRulesTests {

	Instant given = Instant.parse("2026-11-20T02:00:00Z");

	Duration week = Duration.ofDays(7);

	@Test
	void aRatingMayBeChangedOnceWithinTheWindow() {
		assertThat(EvaluationRules.mayChange(given, 0, given.plus(Duration.ofDays(6)), week)).isEqualTo(EvaluationRules.Verdict.ALLOWED);
		assertThat(EvaluationRules.mayChange(given, 1, given.plusSeconds(60), week)).isEqualTo(EvaluationRules.Verdict.ALREADY_CHANGED);
		assertThat(EvaluationRules.mayChange(given, 0, given.plus(Duration.ofDays(7)).plusSeconds(1), week))
			.isEqualTo(EvaluationRules.Verdict.WINDOW_CLOSED);
	}

	@Test
	void aBadRatingMustSayWhyAndReasonsMustFit() {
		assertThat(EvaluationRules.explained(Rating.DISSATISFIED, 0, " ")).isFalse();
		assertThat(EvaluationRules.explained(Rating.DISSATISFIED, 0, "too slow")).isTrue();
		assertThat(EvaluationRules.explained(Rating.SATISFIED, 0, null)).isTrue();
		assertThat(EvaluationRules.fits(Rating.VERY_SATISFIED, Reason.SLOW)).isFalse();
		assertThat(EvaluationRules.fits(Rating.VERY_DISSATISFIED, Reason.FAST)).isFalse();
		assertThat(EvaluationRules.fits(Rating.BASICALLY_SATISFIED, Reason.SLOW)).isTrue();
		assertThat(Rating.DISSATISFIED.bad()).isTrue();
		assertThat(Rating.BASICALLY_SATISFIED.bad()).isFalse();
	}

	@Test
	void rectificationsMoveOpenSubmittedClosedOrBack() {
		assertThat(EvaluationRules.mayMove(RectificationStatus.OPEN, RectificationStatus.SUBMITTED)).isTrue();
		assertThat(EvaluationRules.mayMove(RectificationStatus.OPEN, RectificationStatus.CLOSED)).isFalse();
		assertThat(EvaluationRules.mayMove(RectificationStatus.SUBMITTED, RectificationStatus.OPEN)).isTrue();
		assertThat(EvaluationRules.mayMove(RectificationStatus.CLOSED, RectificationStatus.OPEN)).isFalse();
	}

}
