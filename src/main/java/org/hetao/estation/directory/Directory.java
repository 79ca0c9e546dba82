package org.hetao.estation.directory;

import java.util.List;
import java.util.Optional;

/** The HK people's map as other modules read it (and the one way the park adds a settled enterprise). */
public interface Directory {

	/** Every organisation, ordered by kind then code. */
	List<Organisation> all();

	Optional<Organisation> byCode(String code);

	List<Organisation> find(OrganisationFilter filter);

	/** The version of the loaded {@code organisations.json}. */
	String dataVersion();

	/**
	 * Adds an enterprise that settled in the park through an approved application; publishes
	 * {@link OrganisationChanged}. The code must be new.
	 */
	Organisation addSettledEnterprise(Organisation organisation, String actor);

}
