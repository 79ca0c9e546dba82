package org.hetao.estation.directory;

/** What an organisation in the zone is. */
public enum OrganisationKind {

	ENTERPRISE, UNIVERSITY_INSTITUTE, RESEARCH_INSTITUTE, INCUBATOR, SERVICE_CENTRE, MAJOR_PROJECT;

	public String messageKey() {
		return "directory.kind." + name();
	}

}
