package org.hetao.estation.identity;

import static org.hetao.estation.shared.Timestamps.ts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.hetao.estation.shared.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by e-mail: a random 256-bit single-use token, stored only as its SHA-256 hash, valid
 * {@code estation.password-reset.validity} (30 minutes). The asker always gets the same answer whether
 * the account exists or not; at most {@code estation.password-reset.per-account-per-hour} links are sent
 * to one account an hour. A reset applies the password policy, clears the lock-out, ends every session
 * of the account and keeps the second factor.
 */
@Service
public class PasswordResets {

	private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration validity;

	private final int perAccountPerHour;

	private final PasswordPolicy policy = PasswordPolicy.fromClasspath();

	private final SecureRandom random = new SecureRandom();

	private final AccountMail mail;

	private final SignInThrottle throttle;

	private final org.springframework.transaction.support.TransactionTemplate transactions;

	private final SingleUseTokens tokens;

	PasswordResets(JdbcClient jdbc, Accounts accounts, PasswordEncoder passwordEncoder, AccountMail mail, SignInThrottle throttle,
			FindByIndexNameSessionRepository<? extends Session> sessions, ApplicationEventPublisher events, Clock clock,
			org.springframework.transaction.PlatformTransactionManager transactionManager,
			@Value("${estation.password-reset.validity:PT30M}") Duration validity,
			@Value("${estation.password-reset.per-account-per-hour:3}") int perAccountPerHour) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.mail = mail;
		this.throttle = throttle;
		this.sessions = sessions;
		this.events = events;
		this.clock = clock;
		this.tokens = new SingleUseTokens(jdbc, "password_reset_token", clock);
		this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		this.validity = validity;
		this.perAccountPerHour = perAccountPerHour;
	}

	/**
	 * Sends a reset link if {@code usernameOrEmail} names an enabled account with an e-mail address;
	 * otherwise does nothing. Says nothing either way, and takes the same time either way: the request only
	 * hands the name to the background ({@link AccountMail}), which looks the account up, stores the token and
	 * sends the e-mail (#21: an existing account was answered measurably slower).
	 */
	public void request(String usernameOrEmail) {
		if (usernameOrEmail == null || usernameOrEmail.isBlank() || usernameOrEmail.length() > 254) {
			return;
		}
		String name = usernameOrEmail.strip();
		// TransactionTemplate (CONVENTIONS): the token is stored on the mail thread, after the request has answered
		mail.later(() -> transactions.executeWithoutResult(status -> issue(name)));
	}

	private void issue(String usernameOrEmail) {
		Optional<EstationUser> found = accounts.findByUsername(usernameOrEmail);
		if (found.isEmpty() || !found.get().isEnabled()) {
			return;
		}
		EstationUser account = found.get();
		Accounts.Contact contact = accounts.contact(account.id()).orElse(null);
		if (contact == null || contact.email() == null || contact.email().isBlank()) {
			return;
		}
		Instant now = clock.instant();
		int recent = jdbc.sql("select count(*) from password_reset_token where account_id = :a and created_at > :since")
			.param("a", account.id())
			.param("since", ts(now.minus(Duration.ofHours(1))))
			.query(Integer.class)
			.single();
		if (recent >= perAccountPerHour) {
			log.warn("Password reset for account {} not sent: {} links in the last hour", account.id(), recent);
			return;
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("""
				insert into password_reset_token (account_id, token_hash, created_at, expires_at)
				values (:a, :h, :now, :expires)""")
			.param("a", account.id())
			.param("h", SecondFactor.sha256(token))
			.param("now", ts(now))
			.param("expires", ts(now.plus(validity)))
			.update();
		events.publishEvent(new SecurityEvents.PasswordResetRequested(account.id(), SecurityEvents.shown(account.getUsername())));
		long accountId = account.id();
		long minutes = validity.toMinutes();
		mail.later(() -> mail.send(accountId, m -> m.sendPasswordReset(accountId, "/password-reset/" + token, minutes)));
	}

	/** Whether a token may still be used (to show the form or an explanation). */
	public boolean usable(String token) {
		return find(token).isPresent();
	}

	/**
	 * Sets a new password with a token. Refuses (a problem on field {@code password}) a password that
	 * breaks the policy, and (a 404 problem) a token that is unknown, used or expired.
	 */
	@Transactional
	public void reset(String token, String newPassword) {
		long accountId = find(token).orElseThrow(() -> Problem.notFound("identity.reset.invalid"));
		EstationUser account = accounts.findById(accountId).orElseThrow(() -> Problem.notFound("identity.reset.invalid"));
		Accounts.Contact contact = accounts.contact(accountId).orElseThrow();
		policy.check(newPassword, account.getUsername(), contact.email(), contact.displayName()).ifPresent(reason -> {
			throw new Problem(Problem.Kind.UNPROCESSABLE, reason, List.of(new Problem.FieldError("password", reason)));
		});
		// single use, even when two requests race with the same link
		int claimed = jdbc.sql("""
				update password_reset_token set used_at = :now
				where token_hash = :h and used_at is null and expires_at > :now""")
			.param("now", ts(clock.instant()))
			.param("h", SecondFactor.sha256(token))
			.update();
		if (claimed != 1) {
			throw Problem.notFound("identity.reset.invalid");
		}
		// every other link of the account stops working too
		jdbc.sql("update password_reset_token set used_at = :now where account_id = :a and used_at is null")
			.param("now", ts(clock.instant()))
			.param("a", accountId)
			.update();
		accounts.updatePassword(account.getUsername(), passwordEncoder.encode(newPassword));
		throttle.unlock(accountId);
		sessions.findByPrincipalName(account.getUsername()).keySet().forEach(sessions::deleteById);
		events.publishEvent(new SecurityEvents.PasswordResetCompleted(accountId, SecurityEvents.shown(account.getUsername())));
	}

	private Optional<Long> find(String token) {
		return tokens.accountOf(token);
	}

}
