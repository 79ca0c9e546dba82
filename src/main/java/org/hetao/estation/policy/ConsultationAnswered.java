package org.hetao.estation.policy;

import java.time.Instant;

/**
 * An officer answered an applicant's consultation (the notification module may tell the applicant).
 *
 * @param subjectType {@code ITEM} or {@code POLICY}
 */
public record ConsultationAnswered(long consultationId, long applicantId, String subjectType, String subjectCode,
		String departmentCode, Instant at) {
}
