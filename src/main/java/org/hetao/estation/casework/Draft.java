package org.hetao.estation.casework;

import java.time.Instant;
import java.util.Map;

import org.hetao.estation.shared.ApplicantType;

/**
 * An application being filled in, saved as the applicant goes.
 *
 * @param ownerAccountId the applicant, or the clerk serving a walk-in applicant
 * @param walkIn the walk-in applicant's details, {@code null} when applicants apply for themselves
 * @param submissionKey the idempotency key its submission uses: submitting twice gives one case
 * @param caseId the case it became, once submitted
 * @param channel where it is made: online, at a window (walk-in) or at a cross-border self-service kiosk
 */
public record Draft(long id, long ownerAccountId, String itemCode, String matterCode, ApplicantType applicantType,
		WalkIn walkIn, Map<String, String> answers, Map<String, Long> materials, String submissionKey, Long caseId,
		Instant createdAt, Instant updatedAt, CaseChannel channel) {

	/** A walk-in applicant without an account, as the clerk recorded them. */
	public record WalkIn(String name, String idDocumentType, String idDocumentNumber, String phone) {
	}

	public boolean submitted() {
		return caseId != null;
	}

	public String code() {
		return matterCode != null ? matterCode : itemCode;
	}

}
