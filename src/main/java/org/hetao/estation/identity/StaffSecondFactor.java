package org.hetao.estation.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.authorization.RequiredFactorError;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The rule "staff need a second factor", in Spring Security's multi-factor terms. Every way of signing in leaves a
 * {@link FactorGrantedAuthority} on the authentication ({@code FACTOR_PASSWORD} after the password form or HTTP
 * Basic, {@code FACTOR_AUTHORIZATION_CODE} after an external provider); a good TOTP or recovery code adds
 * {@link #TOTP_AUTHORITY}, a passkey {@code FACTOR_WEBAUTHN}. A staff authentication with a factor but neither of
 * those two is refused by every rule of the request chain, {@code permitAll} included (a password-only staff
 * session reaches nothing but the second-factor pages, which are opened by rules outside this factory); applicants
 * need nothing more than they signed in with. Principals built without any factor (tests' {@code with(user(...))})
 * count as fully signed in.
 * <p>
 * A refusal carries the missing factors ({@link org.springframework.security.authorization.FactorAuthorizationDecision}),
 * so that Spring Security's missing-authority handler sends the person to the second-factor page
 * ({@link SecondFactorEntryPoint}).
 */
final class StaffSecondFactor implements AuthorizationManagerFactory<RequestAuthorizationContext> {

	/**
	 * The factor a TOTP code (or a recovery code) gives. Not Spring Security's {@code FACTOR_OTT}: that is a
	 * one-time token sent by e-mail, a weaker possession than the staff member's authenticator.
	 */
	static final String TOTP_AUTHORITY = "FACTOR_TOTP";

	private final DefaultAuthorizationManagerFactory<RequestAuthorizationContext> rules;

	private final AuthorizationManager<RequestAuthorizationContext> secondFactorForStaff;

	/**
	 * @param staffHttpBasic let staff call with HTTP Basic (password only) anyway: the test profile's old API tests
	 */
	StaffSecondFactor(boolean staffHttpBasic) {
		AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> totp = AllRequiredFactorsAuthorizationManager
			.<RequestAuthorizationContext>builder()
			.requireFactor((factor) -> factor.authority(TOTP_AUTHORITY))
			.build();
		AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> passkey = AllRequiredFactorsAuthorizationManager
			.<RequestAuthorizationContext>builder()
			.requireFactor((factor) -> factor.webauthnAuthority())
			.build();
		// either one will do (7.0 has no anyOf yet): refused, the decision names both as missing
		AuthorizationManager<RequestAuthorizationContext> totpOrPasskey = (authentication, context) -> {
			FactorAuthorizationDecision byCode = totp.authorize(authentication, context);
			if (byCode.isGranted()) {
				return byCode;
			}
			FactorAuthorizationDecision byPasskey = passkey.authorize(authentication, context);
			if (byPasskey.isGranted()) {
				return byPasskey;
			}
			List<RequiredFactorError> missing = new ArrayList<>(byCode.getFactorErrors());
			missing.addAll(byPasskey.getFactorErrors());
			return new FactorAuthorizationDecision(missing);
		};
		this.secondFactorForStaff = new AuthorizationManager<>() {
			@Override
			public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
					RequestAuthorizationContext context) {
				Authentication signedIn = authentication.get();
				if (!needsSecondFactor(signedIn) || (staffHttpBasic && isBasic(context.getRequest()))) {
					return new AuthorizationDecision(true);
				}
				return totpOrPasskey.authorize(() -> signedIn, context);
			}
		};
		this.rules = new DefaultAuthorizationManagerFactory<>();
		this.rules.setAdditionalAuthorization(this.secondFactorForStaff);
	}

	/** A staff member signed in by some means, so far without a second factor. */
	static boolean awaitingSecondFactor(Authentication authentication) {
		return needsSecondFactor(authentication) && !hasFactor(authentication, TOTP_AUTHORITY)
				&& !hasFactor(authentication, FactorGrantedAuthority.WEBAUTHN_AUTHORITY);
	}

	private static boolean needsSecondFactor(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& authentication.getPrincipal() instanceof EstationUser user && user.isStaff()
				&& authentication.getAuthorities().stream().anyMatch(FactorGrantedAuthority.class::isInstance);
	}

	static boolean hasFactor(Authentication authentication, String factor) {
		return authentication.getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.map(GrantedAuthority::getAuthority)
			.anyMatch(factor::equals);
	}

	static boolean isBasic(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
	}

	/** Open to everyone, staff half-way through signing in included (the sign-in pages themselves). */
	static AuthorizationManager<RequestAuthorizationContext> openDuringSignIn() {
		return (authentication, context) -> new AuthorizationDecision(true);
	}

	@Override
	public AuthorizationManager<RequestAuthorizationContext> permitAll() {
		return this.secondFactorForStaff;
	}

	@Override
	public AuthorizationManager<RequestAuthorizationContext> hasRole(String role) {
		return this.rules.hasRole(role);
	}

	@Override
	public AuthorizationManager<RequestAuthorizationContext> hasAnyRole(String... roles) {
		return this.rules.hasAnyRole(roles);
	}

	@Override
	public AuthorizationManager<RequestAuthorizationContext> hasAllRoles(String... roles) {
		return this.rules.hasAllRoles(roles);
	}

	@Override
	public AuthorizationManager<RequestAuthorizationContext> hasAuthority(String authority) {
		return this.rules.hasAuthority(authority);
	}

	@Override
	public AuthorizationManager<RequestAuthorizationContext> hasAnyAuthority(String... authorities) {
		return this.rules.hasAnyAuthority(authorities);
	}

	@Override
	public AuthorizationManager<RequestAuthorizationContext> hasAllAuthorities(String... authorities) {
		return this.rules.hasAllAuthorities(authorities);
	}

	@Override
	public AuthorizationManager<RequestAuthorizationContext> authenticated() {
		return this.rules.authenticated();
	}

	@Override
	public AuthorizationManager<RequestAuthorizationContext> fullyAuthenticated() {
		return this.rules.fullyAuthenticated();
	}

	@Override
	public AuthorizationManager<RequestAuthorizationContext> rememberMe() {
		return this.rules.rememberMe();
	}

}
