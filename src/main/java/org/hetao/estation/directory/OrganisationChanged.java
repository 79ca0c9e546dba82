package org.hetao.estation.directory;

/**
 * Published after an organisation was added or changed (data load, operator edit, settlement): the
 * search index re-reads it through {@link Directory#byCode(String)}.
 */
public record OrganisationChanged(String code, Change change, Organisation.Origin origin) {

	public enum Change {
		ADDED, UPDATED
	}

}
