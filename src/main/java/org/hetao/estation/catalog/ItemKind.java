package org.hetao.estation.catalog;

/** What kind of service an item is. */
public enum ItemKind {
	/** The applicant applies and a department decides (licences, registrations, permits). */
	APPLICATION,
	/** The applicant asks and a department or adviser answers (policy consultation, guidance). */
	CONSULTATION,
	/** Exchange and matchmaking services (start-up exchange, business matching, showcases). */
	EXCHANGE;

	/** The key of the kind's name, {@code catalog.kind.APPLICATION}. */
	public String messageKey() {
		return "catalog.kind." + name();
	}
}
