package org.hetao.estation.identity;

/**
 * The e-mails the identity module sends to an account's owner about the account itself: a password-reset link,
 * a link that lifts a sign-in lock, and a warning that someone tried to register with their address. The
 * notification module implements it (it depends on identity, not the other way round). Links are sent at once
 * and never stored: only a token's hash is kept. The identity module calls these off the request thread
 * ({@link AccountMail}), so that an answer takes the same time whether an e-mail goes out or not.
 */
public interface AccountMailer {

	/**
	 * @param accountId whose address and language to use
	 * @param link the path with the token, e.g. {@code /password-reset/abc...}
	 * @param validMinutes how long the link works
	 */
	void sendPasswordReset(long accountId, String link, long validMinutes);

	/**
	 * Repeated failed sign-ins locked the account: the owner may lift the lock with the link.
	 * @param link the path with the token, e.g. {@code /login/unlock/abc...}
	 */
	void sendUnlockLink(long accountId, String link, long validMinutes);

	/** Someone tried to register a new account with this account's e-mail address. */
	void sendRegistrationAttempt(long accountId);

}
