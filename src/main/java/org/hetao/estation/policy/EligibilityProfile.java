package org.hetao.estation.policy;

import java.time.LocalDate;

/**
 * What the eligibility rules know about an applicant. Every field may be unknown (null): a condition
 * that needs an unknown field is "unknown", not "not met". Money in 10,000 CNY (萬元), shares in percent.
 *
 * @param applicantType an {@code ApplicantType} name
 * @param registrationPlace where the enterprise is registered: {@code HETAO_SZ}, {@code FUTIAN},
 *        {@code SHENZHEN_OTHER}, {@code MAINLAND_OTHER}, {@code HONG_KONG}, {@code OVERSEAS}
 * @param industry {@code BIOMEDICINE}, {@code AI_ROBOTICS}, {@code MICROELECTRONICS}, {@code ICT},
 *        {@code NEW_MATERIALS}, {@code NEW_ENERGY}, {@code FINTECH}, {@code PROFESSIONAL_SERVICES}, {@code OTHER}
 * @param baseOccupied {@code NONE}, {@code HKSTP_SZ}, {@code INTL_BIOMED_PARK}, {@code SOE_INNOVATION_CENTRE}, {@code BAY_CHIP_VALLEY}
 * @param founderAge the founder's age (for an individual: their own)
 * @param highestDegree {@code NONE}, {@code BACHELOR}, {@code MASTER}, {@code DOCTORATE}
 */
public record EligibilityProfile(String applicantType, String registrationPlace, LocalDate registrationDate,
		String industry, Integer headcount, Double revenue, Double rdSpend, Double hkBackgroundShare,
		String baseOccupied, Integer founderAge, String highestDegree, Boolean highTechEnterprise,
		Double annualIncome, Integer socialInsuranceMonths) {

	public static EligibilityProfile empty() {
		return new EligibilityProfile(null, null, null, null, null, null, null, null, null, null, null, null, null,
				null);
	}

}
