package org.hetao.estation.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The catalogue as other modules read it. Lookups by code also find retired items and matters (old
 * cases refer to them); the list methods return active ones only.
 */
public interface Catalog {

	List<Department> departments();

	Optional<Department> department(String code);

	List<ServiceItem> items();

	Optional<ServiceItem> item(String code);

	List<Matter> matters();

	Optional<Matter> matter(String code);

	/** The version of the loaded catalogue data. */
	String version();

}
