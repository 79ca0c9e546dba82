package org.hetao.estation.identity;

/**
 * What the identity module tells the rest of the platform about second factors and password resets; the
 * audit module records each one. (Sign-in, failed sign-in and sign-out are Spring Security's own events.)
 * No event carries a secret, a code or a token; a user name that is an e-mail address (applicants) is
 * masked, as the audit log keeps events for years.
 */
public final class SecurityEvents {

	private SecurityEvents() {
	}

	/** The user name as events show it: masked when it is an e-mail address. */
	static String shown(String username) {
		return username != null && username.contains("@") ? org.hetao.estation.shared.Masking.email(username) : username;
	}

	/** A staff member confirmed a new authenticator and received recovery codes. */
	public record SecondFactorEnrolled(long accountId, String username) {
	}

	/** The second factor was passed; {@code method} is {@code TOTP}, {@code RECOVERY_CODE} or {@code PASSKEY}. */
	public record SecondFactorVerified(long accountId, String username, String method, int recoveryCodesLeft) {
	}

	/** A wrong code was typed at the second-factor step (a few in a row slow the next ones down). */
	public record SecondFactorFailed(long accountId, String username) {
	}

	/** New recovery codes replaced the old ones. */
	public record RecoveryCodesRegenerated(long accountId, String username) {
	}

	/**
	 * An administrator removed an account's second factors (its TOTP authenticator and {@code passkeysRemoved}
	 * passkeys); the person enrols again at the next sign-in.
	 */
	public record SecondFactorReset(long accountId, String username, String resetBy, int passkeysRemoved) {
	}

	/** A staff member registered a passkey under this name. */
	public record PasskeyRegistered(long accountId, String username, String label) {
	}

	/** A staff member revoked one of their passkeys: it signs no one in any more. */
	public record PasskeyRevoked(long accountId, String username, String label) {
	}

	/** A reset link was sent to the account's e-mail address. */
	public record PasswordResetRequested(long accountId, String username) {
	}

	/** The password was changed through a reset link; every session of the account was ended. */
	public record PasswordResetCompleted(long accountId, String username) {
	}

}
