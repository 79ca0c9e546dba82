package org.hetao.estation.feedback;

import java.time.Instant;
import java.util.List;

/** An applicant's rating of a service through one channel. */
public record Evaluation(long id, long serviceId, EvaluationChannel channel, Rating rating, List<Reason> reasons,
		String comment, Instant createdAt, Instant changedAt, int changes, int version) {
}
