package org.hetao.estation.shared;

/** Who applies: the catalogue's materials and eligibility depend on it. */
public enum ApplicantType {

	HK_RESIDENT(false), MACAO_RESIDENT(false), MAINLAND_RESIDENT(false), FOREIGN_NATIONAL(false),
	HK_ENTERPRISE(true), MAINLAND_ENTERPRISE(true), FOREIGN_ENTERPRISE(true);

	private final boolean enterprise;

	ApplicantType(boolean enterprise) {
		this.enterprise = enterprise;
	}

	public boolean isEnterprise() {
		return enterprise;
	}

	/** Messages key of the type's name, e.g. {@code applicantType.HK_RESIDENT}. */
	public String messageKey() {
		return "applicantType." + name();
	}

}
