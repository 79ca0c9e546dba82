package org.hetao.estation.policy.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;

import org.hetao.estation.policy.EligibilityProfile;
import org.hetao.estation.shared.ApplicantType;

/**
 * The profile fields a policy rule may name, with their CEL types. Two are derived from others:
 * {@code companyAgeMonths} (from the registration date and today) and {@code rdIntensity} (R&D spend
 * as a percentage of revenue).
 */
public enum ProfileField {

	APPLICANT_TYPE("applicantType", SimpleType.STRING, Input.SELECT,
			Arrays.stream(ApplicantType.values()).map(Enum::name).toList(), (p, today) -> p.applicantType()),
	REGISTRATION_PLACE("registrationPlace", SimpleType.STRING, Input.SELECT,
			List.of("HETAO_SZ", "FUTIAN", "SHENZHEN_OTHER", "MAINLAND_OTHER", "HONG_KONG", "OVERSEAS"),
			(p, today) -> p.registrationPlace()),
	REGISTRATION_DATE("registrationDate", SimpleType.STRING, Input.DATE, List.of(),
			(p, today) -> p.registrationDate() == null ? null : p.registrationDate().toString()),
	COMPANY_AGE_MONTHS("companyAgeMonths", SimpleType.INT, Input.DERIVED, List.of(),
			(p, today) -> p.registrationDate() == null ? null
					: Math.max(0L, ChronoUnit.MONTHS.between(p.registrationDate(), today))),
	INDUSTRY("industry", SimpleType.STRING, Input.SELECT, List.of("BIOMEDICINE", "AI_ROBOTICS", "MICROELECTRONICS", "ICT",
			"NEW_MATERIALS", "NEW_ENERGY", "FINTECH", "PROFESSIONAL_SERVICES", "OTHER"), (p, today) -> p.industry()),
	HEADCOUNT("headcount", SimpleType.INT, Input.INTEGER, List.of(),
			(p, today) -> p.headcount() == null ? null : p.headcount().longValue()),
	REVENUE("revenue", SimpleType.DOUBLE, Input.DECIMAL, List.of(), (p, today) -> p.revenue()),
	RD_SPEND("rdSpend", SimpleType.DOUBLE, Input.DECIMAL, List.of(), (p, today) -> p.rdSpend()),
	RD_INTENSITY("rdIntensity", SimpleType.DOUBLE, Input.DERIVED, List.of(),
			(p, today) -> p.rdSpend() == null || p.revenue() == null || p.revenue() <= 0 ? null
					: p.rdSpend() * 100.0 / p.revenue()),
	HK_BACKGROUND_SHARE("hkBackgroundShare", SimpleType.DOUBLE, Input.DECIMAL, List.of(),
			(p, today) -> p.hkBackgroundShare()),
	BASE_OCCUPIED("baseOccupied", SimpleType.STRING, Input.SELECT,
			List.of("NONE", "HKSTP_SZ", "INTL_BIOMED_PARK", "SOE_INNOVATION_CENTRE", "BAY_CHIP_VALLEY"),
			(p, today) -> p.baseOccupied()),
	FOUNDER_AGE("founderAge", SimpleType.INT, Input.INTEGER, List.of(),
			(p, today) -> p.founderAge() == null ? null : p.founderAge().longValue()),
	HIGHEST_DEGREE("highestDegree", SimpleType.STRING, Input.SELECT, List.of("NONE", "BACHELOR", "MASTER", "DOCTORATE"),
			(p, today) -> p.highestDegree()),
	HIGH_TECH_ENTERPRISE("highTechEnterprise", SimpleType.BOOL, Input.BOOLEAN, List.of(),
			(p, today) -> p.highTechEnterprise()),
	ANNUAL_INCOME("annualIncome", SimpleType.DOUBLE, Input.DECIMAL, List.of(), (p, today) -> p.annualIncome()),
	SOCIAL_INSURANCE_MONTHS("socialInsuranceMonths", SimpleType.INT, Input.INTEGER, List.of(),
			(p, today) -> p.socialInsuranceMonths() == null ? null : p.socialInsuranceMonths().longValue());

	/** How the finder asks for the field. */
	public enum Input {
		SELECT, DATE, INTEGER, DECIMAL, BOOLEAN, DERIVED
	}

	private final String key;

	private final CelType type;

	private final Input input;

	private final List<String> options;

	private final BiFunction<EligibilityProfile, LocalDate, Object> value;

	ProfileField(String key, CelType type, Input input, List<String> options,
			BiFunction<EligibilityProfile, LocalDate, Object> value) {
		this.key = key;
		this.type = type;
		this.input = input;
		this.options = options;
		this.value = value;
	}

	public String key() {
		return key;
	}

	public CelType type() {
		return type;
	}

	public Input input() {
		return input;
	}

	public List<String> options() {
		return options;
	}

	/** The CEL value of the field (Long, Double, String or Boolean), or null when unknown. */
	public Object valueOf(EligibilityProfile profile, LocalDate today) {
		return value.apply(profile, today);
	}

	public static Optional<ProfileField> byKey(String key) {
		return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
	}

}
