package org.hetao.estation.identity;

/**
 * Sends a password-reset link to an account's e-mail address. The notification module implements it (it
 * depends on identity, not the other way round). The link is sent at once and never stored: only the
 * token's hash is kept.
 */
public interface PasswordResetMailer {

	/**
	 * @param accountId whose address and language to use
	 * @param link the path with the token, e.g. {@code /password-reset/abc...}
	 * @param validMinutes how long the link works
	 */
	void send(long accountId, String link, long validMinutes);

}
