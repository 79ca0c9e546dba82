package org.hetao.estation.policy.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import jakarta.validation.constraints.Pattern;

import org.hetao.estation.policy.EligibilityProfile;
import org.hetao.estation.policy.internal.ProfileField;
import org.springframework.validation.Errors;

/**
 * The policy finder's form: every field optional (blank means unknown), numbers and dates checked
 * field by field. Also the API's request body.
 */
public class ProfileForm {

	private String applicantType;

	private String registrationPlace;

	@Pattern(regexp = "^$|^\\d{4}-\\d{2}-\\d{2}$", message = "{policy.field.date.invalid}")
	private String registrationDate;

	private String industry;

	@Pattern(regexp = "^$|^\\d{1,7}$", message = "{policy.field.integer.invalid}")
	private String headcount;

	@Pattern(regexp = "^$|^\\d{1,9}(\\.\\d{1,2})?$", message = "{policy.field.decimal.invalid}")
	private String revenue;

	@Pattern(regexp = "^$|^\\d{1,9}(\\.\\d{1,2})?$", message = "{policy.field.decimal.invalid}")
	private String rdSpend;

	@Pattern(regexp = "^$|^(100(\\.0{1,2})?|\\d{1,2}(\\.\\d{1,2})?)$", message = "{policy.field.percent.invalid}")
	private String hkBackgroundShare;

	private String baseOccupied;

	@Pattern(regexp = "^$|^(1[6-9]|[2-9]\\d)$", message = "{policy.field.age.invalid}")
	private String founderAge;

	private String highestDegree;

	private String highTechEnterprise;

	@Pattern(regexp = "^$|^\\d{1,9}(\\.\\d{1,2})?$", message = "{policy.field.decimal.invalid}")
	private String annualIncome;

	@Pattern(regexp = "^$|^\\d{1,3}$", message = "{policy.field.integer.invalid}")
	private String socialInsuranceMonths;

	private boolean save;

	/** Checks the choices against the allowed options and the date for being a real past date. */
	void validateChoices(Errors errors, LocalDate today) {
		choice(errors, "applicantType", applicantType, ProfileField.APPLICANT_TYPE);
		choice(errors, "registrationPlace", registrationPlace, ProfileField.REGISTRATION_PLACE);
		choice(errors, "industry", industry, ProfileField.INDUSTRY);
		choice(errors, "baseOccupied", baseOccupied, ProfileField.BASE_OCCUPIED);
		choice(errors, "highestDegree", highestDegree, ProfileField.HIGHEST_DEGREE);
		if (!blank(highTechEnterprise) && !highTechEnterprise.equals("true") && !highTechEnterprise.equals("false")) {
			errors.rejectValue("highTechEnterprise", "policy.field.choice.invalid");
		}
		if (!blank(registrationDate) && !errors.hasFieldErrors("registrationDate")) {
			try {
				LocalDate date = LocalDate.parse(registrationDate);
				if (date.isAfter(today) || date.getYear() < 1900) {
					errors.rejectValue("registrationDate", "policy.field.date.range");
				}
			}
			catch (DateTimeParseException ex) {
				errors.rejectValue("registrationDate", "policy.field.date.invalid");
			}
		}
	}

	private static void choice(Errors errors, String name, String value, ProfileField field) {
		if (!blank(value) && !field.options().contains(value)) {
			errors.rejectValue(name, "policy.field.choice.invalid");
		}
	}

	EligibilityProfile toProfile() {
		return new EligibilityProfile(nz(applicantType), nz(registrationPlace),
				blank(registrationDate) ? null : LocalDate.parse(registrationDate), nz(industry),
				blank(headcount) ? null : Integer.valueOf(headcount), dbl(revenue), dbl(rdSpend), dbl(hkBackgroundShare),
				nz(baseOccupied), blank(founderAge) ? null : Integer.valueOf(founderAge), nz(highestDegree),
				blank(highTechEnterprise) ? null : Boolean.valueOf(highTechEnterprise), dbl(annualIncome),
				blank(socialInsuranceMonths) ? null : Integer.valueOf(socialInsuranceMonths));
	}

	static ProfileForm of(EligibilityProfile p) {
		ProfileForm f = new ProfileForm();
		f.applicantType = p.applicantType();
		f.registrationPlace = p.registrationPlace();
		f.registrationDate = p.registrationDate() == null ? null : p.registrationDate().toString();
		f.industry = p.industry();
		f.headcount = str(p.headcount());
		f.revenue = num(p.revenue());
		f.rdSpend = num(p.rdSpend());
		f.hkBackgroundShare = num(p.hkBackgroundShare());
		f.baseOccupied = p.baseOccupied();
		f.founderAge = str(p.founderAge());
		f.highestDegree = p.highestDegree();
		f.highTechEnterprise = p.highTechEnterprise() == null ? null : p.highTechEnterprise().toString();
		f.annualIncome = num(p.annualIncome());
		f.socialInsuranceMonths = str(p.socialInsuranceMonths());
		return f;
	}

	private static String str(Integer v) {
		return v == null ? null : v.toString();
	}

	private static String num(Double v) {
		if (v == null) {
			return null;
		}
		return v == Math.rint(v) ? String.valueOf(v.longValue()) : String.format(Locale.ROOT, "%.2f", v);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String nz(String s) {
		return blank(s) ? null : s.trim();
	}

	private static Double dbl(String s) {
		return blank(s) ? null : Double.valueOf(s);
	}

	// getters and setters for binding

	public String getApplicantType() { return applicantType; }
	public void setApplicantType(String v) { applicantType = v; }
	public String getRegistrationPlace() { return registrationPlace; }
	public void setRegistrationPlace(String v) { registrationPlace = v; }
	public String getRegistrationDate() { return registrationDate; }
	public void setRegistrationDate(String v) { registrationDate = v == null ? null : v.trim(); }
	public String getIndustry() { return industry; }
	public void setIndustry(String v) { industry = v; }
	public String getHeadcount() { return headcount; }
	public void setHeadcount(String v) { headcount = v == null ? null : v.trim(); }
	public String getRevenue() { return revenue; }
	public void setRevenue(String v) { revenue = v == null ? null : v.trim(); }
	public String getRdSpend() { return rdSpend; }
	public void setRdSpend(String v) { rdSpend = v == null ? null : v.trim(); }
	public String getHkBackgroundShare() { return hkBackgroundShare; }
	public void setHkBackgroundShare(String v) { hkBackgroundShare = v == null ? null : v.trim(); }
	public String getBaseOccupied() { return baseOccupied; }
	public void setBaseOccupied(String v) { baseOccupied = v; }
	public String getFounderAge() { return founderAge; }
	public void setFounderAge(String v) { founderAge = v == null ? null : v.trim(); }
	public String getHighestDegree() { return highestDegree; }
	public void setHighestDegree(String v) { highestDegree = v; }
	public String getHighTechEnterprise() { return highTechEnterprise; }
	public void setHighTechEnterprise(String v) { highTechEnterprise = v; }
	public String getAnnualIncome() { return annualIncome; }
	public void setAnnualIncome(String v) { annualIncome = v == null ? null : v.trim(); }
	public String getSocialInsuranceMonths() { return socialInsuranceMonths; }
	public void setSocialInsuranceMonths(String v) { socialInsuranceMonths = v == null ? null : v.trim(); }
	public boolean isSave() { return save; }
	public void setSave(boolean v) { save = v; }

}
