package org.hetao.estation.identity;

import java.util.Optional;

import org.hetao.estation.shared.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

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

	/**
	 * Makes {@code user} the signed-in person of this request and of its session (after an external
	 * sign-in, or to refresh a changed account), and returns the new authentication. The factors of the sign-in so
	 * far ({@link FactorGrantedAuthority}: password, second factor) stay with it.
	 */
	public static Authentication signIn(EstationUser user, HttpServletRequest request, HttpServletResponse response) {
		return signIn(user, java.util.List.of(), request, response);
	}

	static Authentication signIn(EstationUser user, java.util.Collection<String> moreFactors, HttpServletRequest request,
			HttpServletResponse response) {
		java.util.List<GrantedAuthority> authorities = new java.util.ArrayList<>(user.getAuthorities());
		Authentication before = SecurityContextHolder.getContext().getAuthentication();
		if (before != null) {
			before.getAuthorities()
				.stream()
				.filter(FactorGrantedAuthority.class::isInstance)
				.forEach(authorities::add);
		}
		moreFactors.forEach(factor -> authorities.add(FactorGrantedAuthority.fromAuthority(factor)));
		Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
		replace(authentication, request, response);
		return authentication;
	}

	/** The authentication of this request and of its session becomes {@code authentication}. */
	static void replace(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		SESSIONS.saveContext(context, request, response);
	}

	private static final HttpSessionSecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

	/** The signed-in user; a 403 problem when nobody is signed in. */
	public static EstationUser require() {
		return get().orElseThrow(() -> Problem.forbidden("error.signInRequired"));
	}

}
