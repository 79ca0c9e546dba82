package org.hetao.estation.casework;

/** Where an action on a case came from. */
public enum CaseChannel {
	/** The applicant's own pages (一網式). */
	ONLINE,
	/** A comprehensive window or a department's pages in the hall (一窗式). */
	WINDOW,
	/** The open API. */
	API;

	public String messageKey() {
		return "casework.channel." + name();
	}
}
