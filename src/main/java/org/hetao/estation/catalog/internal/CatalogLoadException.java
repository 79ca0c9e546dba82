package org.hetao.estation.catalog.internal;

import java.util.List;

/** The catalogue data cannot be used; the message names every fault with its file, code and field. */
public class CatalogLoadException extends IllegalStateException {

	private final transient List<CatalogError> errors;

	public CatalogLoadException(String message, List<CatalogError> errors) {
		super(message);
		this.errors = List.copyOf(errors);
	}

	public List<CatalogError> errors() {
		return errors;
	}

}
