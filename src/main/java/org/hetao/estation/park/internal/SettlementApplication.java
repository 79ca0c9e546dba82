package org.hetao.estation.park.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.hetao.estation.directory.Background;
import org.hetao.estation.directory.ResearchField;
import org.hetao.estation.directory.ScienceBase;
import org.hetao.estation.shared.ApplicantType;

/**
 * An enterprise's application to settle in a science base (入駐).
 *
 * @param dueDate when the next actor must have acted (working days on the Mainland calendar)
 * @param dueProvisional the due date passed days outside the loaded official calendar
 */
public record SettlementApplication(long id, String reference, long applicantId, String applicantUsername,
		ApplicantType applicantType, String companyName, String companyNameEn, String description, ScienceBase base,
		BigDecimal areaWanted, UnitUse useWanted, LocalDate moveInDate, int teamSize, int hkTeamMembers,
		Background background, String hkFacts, List<ResearchField> fields, String website, String contact,
		String planFileName, String planStorageKey, long planSize, SettlementState state, LocalDate dueDate,
		boolean dueProvisional, String conditions, String organisationCode, OffsetDateTime submittedAt, int version) {

	/** Share of the team with a Hong Kong background, in whole percent. */
	public int hkShare() {
		return teamSize == 0 ? 0 : Math.round(100f * hkTeamMembers / teamSize);
	}

	/** One recorded step: who did what, when and why. */
	public record Step(String step, SettlementState from, SettlementState to, String actor, OffsetDateTime at,
			String note) {

		public String messageKey() {
			return "park.step." + step;
		}

	}

}
