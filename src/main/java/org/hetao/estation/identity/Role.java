package org.hetao.estation.identity;

/** What a person does on the platform. Officers are bound to one department. */
public enum Role {

	/** A person or enterprise applying for services. */
	APPLICANT,
	/** A comprehensive-window clerk (綜合窗口): accepts any item at any window. */
	CLERK,
	/** A department officer: decides only their own department's tasks. */
	OFFICER,
	/** A supervisor of the zone: watches deadlines and satisfaction. */
	SUPERVISOR,
	/** The hall manager: windows, queue, appointments and rooms. */
	HALL_MANAGER,
	/** The park operator: directory, map, bases and settlement. */
	PARK_OPERATOR,
	/** The platform administrator: catalogue, calendars, accounts. */
	ADMIN;

	/** The Spring Security authority, e.g. {@code ROLE_CLERK}. */
	public String authority() {
		return "ROLE_" + name();
	}

	public boolean isStaff() {
		return this != APPLICANT;
	}

	/** Every role but the applicant's. */
	public static Role[] staff() {
		return java.util.Arrays.stream(values()).filter(Role::isStaff).toArray(Role[]::new);
	}

}
