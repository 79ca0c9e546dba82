package org.hetao.estation.policy;

import java.time.LocalDate;
import java.util.List;

import org.hetao.estation.shared.LocalizedText;

/**
 * A support policy (扶持政策) as the library describes it.
 *
 * @param departmentCode the department that answers consultations about it (catalogue department code)
 * @param illustrative true when the policy is invented for the demonstration (see {@code sourceNote})
 * @param conditions every eligibility condition, each a CEL rule over the {@link EligibilityProfile}
 */
public record Policy(String code, String departmentCode, PolicyCategory category, LocalizedText title,
		LocalizedText summary, LocalizedText issuingBody, LocalDate validFrom, LocalDate validUntil,
		LocalizedText benefits, List<LocalizedText> documents, LocalizedText sourceNote, boolean illustrative,
		List<Condition> conditions) {

	public Policy {
		documents = List.copyOf(documents);
		conditions = List.copyOf(conditions);
	}

	/** Whether the policy applies on that day. */
	public boolean inForce(LocalDate day) {
		return !day.isBefore(validFrom) && !day.isAfter(validUntil);
	}

	/**
	 * One eligibility condition.
	 *
	 * @param rule a CEL expression of type bool over the profile fields
	 * @param description what the condition asks, shown next to its outcome
	 */
	public record Condition(String id, String rule, LocalizedText description) {
	}

}
