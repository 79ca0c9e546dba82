package org.hetao.estation.identity;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Lock-out and back-off: after {@code estation.signin.lockout-threshold} failed sign-ins in a row an
 * account is locked for {@code estation.signin.lockout-duration}, doubling with every further failure.
 */
@Component
class SignInAttempts {

	private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

	private final Accounts accounts;

	private final int threshold;

	private final Duration baseLock;

	SignInAttempts(Accounts accounts, @Value("${estation.signin.lockout-threshold:5}") int threshold,
			@Value("${estation.signin.lockout-duration:PT15M}") Duration baseLock) {
		this.accounts = accounts;
		this.threshold = threshold;
		this.baseLock = baseLock;
	}

	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent failure) {
		String username = String.valueOf(failure.getAuthentication().getName());
		accounts.recordFailedSignIn(username, threshold, baseLock)
			.ifPresent(until -> log.warn("Account locked after repeated failed sign-ins until {}", until));
	}

	/**
	 * A right password clears the count, except for staff: their count is cleared only by the second
	 * factor, so that wrong codes between right passwords still add up to a lock-out.
	 */
	@EventListener
	void on(InteractiveAuthenticationSuccessEvent success) {
		if (success.getAuthentication().getPrincipal() instanceof EstationUser user && user.isStaff()) {
			return;
		}
		accounts.recordSuccessfulSignIn(success.getAuthentication().getName());
	}

	/** A wrong second-factor code counts like a wrong password; true when the account is now locked. */
	boolean secondFactorFailed(String username) {
		return accounts.recordFailedSignIn(username, threshold, baseLock).map(until -> {
			log.warn("Account locked after repeated failed second-factor codes until {}", until);
			return true;
		}).orElse(false);
	}

	void secondFactorPassed(String username) {
		accounts.recordSuccessfulSignIn(username);
	}

}
