package org.hetao.estation.catalog;

import java.util.Set;

import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.LocalizedText;

/**
 * A document an applicant must supply for an item (申請材料).
 *
 * @param code global code of the document kind, e.g. {@code HKID_COPY}, {@code BR_CERTIFICATE}: the same
 *        code in several items of a matter is one document, uploaded once
 * @param applicantTypes who must supply it; empty means every applicant type the item serves
 * @param attestationRequired an HK document that must be attested by a China-Appointed Attesting Officer
 *        (中國委託公證人) before Mainland use
 */
public record MaterialRequirement(String code, LocalizedText name, LocalizedText description, int originals,
		int copies, Set<ApplicantType> applicantTypes, boolean attestationRequired) {

	public MaterialRequirement {
		applicantTypes = applicantTypes == null ? Set.of() : Set.copyOf(applicantTypes);
	}

	/** Whether an applicant of this type must bring it. */
	public boolean appliesTo(ApplicantType type) {
		return applicantTypes.isEmpty() || applicantTypes.contains(type);
	}

}
