package org.hetao.estation.casework;

import org.hetao.estation.identity.Role;

/**
 * Who did something to a case.
 *
 * @param accountId the account, {@code null} for the system (a task starting by itself) or a walk-in applicant
 * @param role APPLICANT, CLERK, OFFICER or SYSTEM
 * @param departmentCode the officer's department, else {@code null}
 */
public record Actor(Long accountId, String name, String role, String departmentCode) {

	public static final Actor SYSTEM = new Actor(null, "system", "SYSTEM", null);

	public static Actor applicant(Long accountId, String name) {
		return new Actor(accountId, name, Role.APPLICANT.name(), null);
	}

	public static Actor clerk(long accountId, String name) {
		return new Actor(accountId, name, Role.CLERK.name(), null);
	}

	public static Actor officer(long accountId, String name, String departmentCode) {
		return new Actor(accountId, name, Role.OFFICER.name(), departmentCode);
	}

}
