package org.hetao.estation.casework;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One correction notice of a task, as sent (一次性告知): the notices of a task are kept in order, never replaced.
 *
 * @param sequence 1 for the first notice of the task, 2 for the next…
 * @param reason why a later notice asks again (required from the second notice on); {@code null} for the first
 * @param answeredAt when the applicant's resubmission answered it; {@code null} while it waits
 * @param changedMaterials the materials the resubmission supplied anew (codes)
 * @param changedFields the answers the resubmission changed (the item's field keys)
 */
public record CorrectionNotice(long id, long taskId, String itemCode, int sequence, List<Deficiency> deficiencies,
		String reason, Instant issuedAt, String issuedBy, String issuedByRole, Instant answeredAt,
		Set<String> changedMaterials, Set<String> changedFields) {

	public CorrectionNotice {
		deficiencies = List.copyOf(deficiencies);
		changedMaterials = Set.copyOf(changedMaterials);
		changedFields = Set.copyOf(changedFields);
	}

	public boolean answered() {
		return answeredAt != null;
	}

	/**
	 * Whether a later notice may name this deficiency: only a material or an answer this notice's resubmission
	 * changed (a free-text point, or anything unchanged, should have been in the one complete notice).
	 */
	public boolean allowsAgain(Deficiency d) {
		if (d.materialCode() != null) {
			return changedMaterials.contains(d.materialCode());
		}
		if (d.fieldKey() != null) {
			return changedFields.contains(d.fieldKey());
		}
		return false;
	}

}
