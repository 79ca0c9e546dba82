package org.hetao.estation.identity;

import java.time.Duration;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password check of both the sign-in form and HTTP Basic, behind {@link SignInThrottle}: a paused name or
 * client is refused before the password is looked at (the same answer, at the same speed, for a name with an
 * account and one without), and every wrong password counts. The only authentication provider of the platform's
 * own accounts (OpenID Connect sign-in has its own).
 */
class ThrottledSignIn implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final SignInThrottle throttle;

	ThrottledSignIn(DaoAuthenticationProvider passwords, SignInThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	/** Sign-in with this name, or from this client, is paused for a while. */
	static final class Paused extends AccountStatusException {

		private final Duration wait;

		Paused(Duration wait) {
			super("Sign-in paused after repeated failures");
			this.wait = wait;
		}

		Duration waitFor() {
			return wait;
		}

	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String client = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		var wait = throttle.waitBeforeSignIn(username, client);
		if (wait.isPresent()) {
			throw new Paused(wait.get());
		}
		Authentication result;
		try {
			result = passwords.authenticate(authentication);
		}
		catch (BadCredentialsException wrong) {
			throttle.signInFailed(username, client);
			throw wrong;
		}
		throttle.signInSucceeded(username, client);
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
