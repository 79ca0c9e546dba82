package org.hetao.estation.identity;

import java.util.Optional;

import org.hetao.estation.shared.Problem;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of the current request. */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static Optional<EstationUser> get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof EstationUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	/** The signed-in user; a 403 problem when nobody is signed in. */
	public static EstationUser require() {
		return get().orElseThrow(() -> Problem.forbidden("error.signInRequired"));
	}

}
