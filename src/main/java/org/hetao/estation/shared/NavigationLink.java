package org.hetao.estation.shared;

/**
 * A link a module adds to the site's main navigation, declared with its URL rules ({@code identity.ModuleWeb#link});
 * the layout shows the links the current user may use, ordered by {@code order}.
 *
 * @param messageKey key of the link text in the message bundles
 * @param path where it goes, e.g. {@code /hall/kiosk}
 * @param order position, low first
 * @param audience who sees it
 */
public record NavigationLink(String messageKey, String path, int order, Audience audience) {

	public enum Audience {
		/** Everyone, signed in or not. */
		EVERYONE,
		/** Applicants (and anyone signed in who applies). */
		APPLICANT,
		/** Window clerks. */
		CLERK,
		/** Department officers. */
		OFFICER,
		/** Supervisors. */
		SUPERVISOR,
		/** Administrators. */
		ADMIN,
		/** The hall manager. */
		HALL_MANAGER,
		/** The park operator. */
		PARK_OPERATOR,
		/** Any member of staff. */
		STAFF,
		/** Anyone signed in. */
		SIGNED_IN
	}

}
