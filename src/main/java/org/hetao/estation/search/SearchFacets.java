package org.hetao.estation.search;

import java.util.List;

/** The facet dimensions documents may carry. Values are codes (enum names, department codes). */
public final class SearchFacets {

	public static final String TYPE = "type";

	/** {@code ServiceDomain} name. */
	public static final String DOMAIN = "domain";

	/** {@code Theme} name. */
	public static final String THEME = "theme";

	/** Department code. */
	public static final String DEPARTMENT = "department";

	/** {@code ItemKind} name, or a policy category. */
	public static final String KIND = "kind";

	/** {@code ApplicantType} names (several). */
	public static final String APPLICANT_TYPE = "applicantType";

	public static final List<String> ALL = List.of(TYPE, DOMAIN, THEME, DEPARTMENT, KIND, APPLICANT_TYPE);

	private SearchFacets() {
	}

}
