package org.hetao.estation.identity;

import static org.hetao.estation.shared.Timestamps.ts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed sign-ins slow down, without letting anyone shut a person out for good (#21).
 * <ul>
 * <li><b>Per account name</b> (as typed, whether an account has it or not): after
 * {@code estation.signin.lockout-threshold} failures in a row, sign-in with that name pauses for
 * {@code estation.signin.lockout-duration}, doubling with every further failure up to a day. When the name
 * belongs to an account, its owner gets an e-mail with a link that lifts the pause at once (and a password
 * reset lifts it too). A name without an account behaves exactly the same, at the same speed: the same
 * statements run, and the account is looked up only on the background thread that sends the e-mail.</li>
 * <li><b>Per client address</b> (as {@link TrustedProxies} sees it): after {@code estation.signin.client-threshold}
 * failures, each further attempt waits {@code estation.signin.client-delay}, doubling up to
 * {@code estation.signin.client-max-delay}: one address cannot try many names quickly.</li>
 * <li><b>Second factor</b>: after {@code estation.mfa.throttle-threshold} wrong codes the next code waits
 * {@code estation.mfa.throttle-delay}, doubling up to {@code estation.mfa.throttle-max-delay}; it never locks.</li>
 * </ul>
 * Names are kept only as SHA-256 hashes (a password typed into the name field is not stored). The account and
 * second-factor counts are in the database (every node sees them); the per-client counts are in this node's memory.
 */
@Component
public class SignInThrottle {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	private static final Duration MAX_LOCK = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Accounts accounts;

	private final AccountMail mail;

	private final SingleUseTokens unlockTokens;

	private final int threshold;

	private final Duration baseLock;

	private final int clientThreshold;

	private final Duration clientDelay;

	private final Duration clientMaxDelay;

	private final int mfaThreshold;

	private final Duration mfaDelay;

	private final Duration mfaMaxDelay;

	private final Duration unlockValidity;

	private final Map<String, ClientFailures> clients = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	SignInThrottle(JdbcClient jdbc, Clock clock, Accounts accounts, AccountMail mail,
			@Value("${estation.signin.lockout-threshold:5}") int threshold,
			@Value("${estation.signin.lockout-duration:PT15M}") Duration baseLock,
			@Value("${estation.signin.client-threshold:10}") int clientThreshold,
			@Value("${estation.signin.client-delay:PT1S}") Duration clientDelay,
			@Value("${estation.signin.client-max-delay:PT15M}") Duration clientMaxDelay,
			@Value("${estation.mfa.throttle-threshold:3}") int mfaThreshold,
			@Value("${estation.mfa.throttle-delay:PT30S}") Duration mfaDelay,
			@Value("${estation.mfa.throttle-max-delay:PT15M}") Duration mfaMaxDelay,
			@Value("${estation.signin.unlock-link-validity:PT24H}") Duration unlockValidity) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.unlockTokens = new SingleUseTokens(jdbc, "sign_in_unlock_token", clock);
		this.accounts = accounts;
		this.mail = mail;
		this.threshold = threshold;
		this.baseLock = baseLock;
		this.clientThreshold = clientThreshold;
		this.clientDelay = clientDelay;
		this.clientMaxDelay = clientMaxDelay;
		this.mfaThreshold = mfaThreshold;
		this.mfaDelay = mfaDelay;
		this.mfaMaxDelay = mfaMaxDelay;
		this.unlockValidity = unlockValidity;
	}

	// ------------------------------------------------------------------ password sign-in (form and HTTP Basic)

	/** How long a sign-in with this name from this client must still wait; empty when it may go ahead. */
	public Optional<Duration> waitBeforeSignIn(String username, String client) {
		Instant now = clock.instant();
		Duration wait = Duration.ZERO;
		Instant until = blockedUntil(accountSubject(username));
		if (until != null && until.isAfter(now)) {
			wait = Duration.between(now, until);
		}
		ClientFailures failures = client == null ? null : clients.get(client);
		if (failures != null) {
			Duration clientWait = failures.waitAt(now);
			if (clientWait.compareTo(wait) > 0) {
				wait = clientWait;
			}
		}
		return wait.isZero() ? Optional.empty() : Optional.of(wait);
	}

	/** A wrong password (or unknown name): counts for the name and the client. */
	public void signInFailed(String username, String client) {
		Instant now = clock.instant();
		if (client != null) {
			clients.computeIfAbsent(client, c -> new ClientFailures()).failed(now, clientThreshold, clientDelay, clientMaxDelay);
		}
		int failures = countFailure(accountSubject(username), threshold, baseLock, MAX_LOCK);
		if (failures == threshold) {
			// the first pause of a series: tell the owner, if there is one (looked up in the background, see class comment)
			String name = normalize(username);
			mail.later(() -> sendUnlockLink(name));
		}
	}

	/** The right password: the name's count starts again (and so does the client's). */
	public void signInSucceeded(String username, String client) {
		jdbc.sql("delete from sign_in_throttle where subject = :s").param("s", accountSubject(username)).update();
		if (client != null) {
			clients.remove(client);
		}
	}

	/** Lifts the pause on every name the account signs in with (its user name and its e-mail address). */
	public void unlock(long accountId) {
		accounts.findById(accountId).ifPresent(account -> {
			jdbc.sql("delete from sign_in_throttle where subject = :s").param("s", accountSubject(account.getUsername())).update();
			accounts.contact(accountId)
				.map(Accounts.Contact::email)
				.filter(e -> e != null && !e.isBlank())
				.ifPresent(e -> jdbc.sql("delete from sign_in_throttle where subject = :s").param("s", accountSubject(e)).update());
		});
	}

	/**
	 * Uses an unlock link: lifts the pause of its account (once; the link then stops working).
	 * @return whether the link was good
	 */
	@Transactional
	public boolean useUnlockLink(String token) {
		Optional<Long> account = unlockTokens.accountOf(token);
		if (account.isEmpty()) {
			return false;
		}
		int claimed = jdbc.sql("update sign_in_unlock_token set used_at = :now where token_hash = :h and used_at is null")
			.param("now", ts(clock.instant()))
			.param("h", SecondFactor.sha256(token))
			.update();
		if (claimed != 1) {
			return false;
		}
		unlock(account.get());
		return true;
	}

	/** Whether an unlock link may still be used (to show its page). */
	public boolean unlockLinkUsable(String token) {
		if (token == null || token.length() < 20 || token.length() > 100) {
			return false;
		}
		return jdbc.sql("select count(*) from sign_in_unlock_token where token_hash = :h and used_at is null and expires_at > :now")
			.param("h", SecondFactor.sha256(token))
			.param("now", ts(clock.instant()))
			.query(Integer.class)
			.single() > 0;
	}

	private void sendUnlockLink(String username) {
		Optional<EstationUser> account = accounts.findByUsername(username);
		if (account.isEmpty() || !account.get().isEnabled()) {
			return;
		}
		long accountId = account.get().id();
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		jdbc.sql("""
				insert into sign_in_unlock_token (token_hash, account_id, created_at, expires_at)
				values (:h, :a, :now, :expires)""")
			.param("h", SecondFactor.sha256(token))
			.param("a", accountId)
			.param("now", ts(now))
			.param("expires", ts(now.plus(unlockValidity)))
			.update();
		log.warn("Sign-in with account {} paused after repeated failures; unlock link sent to its owner", accountId);
		mail.send(accountId, m -> m.sendUnlockLink(accountId, "/login/unlock/" + token, unlockValidity.toMinutes()));
	}

	// ------------------------------------------------------------------ second factor

	/** How long the account must still wait before its next second-factor code; empty when it may try now. */
	public Optional<Duration> waitBeforeSecondFactor(long accountId) {
		Instant until = blockedUntil(secondFactorSubject(accountId));
		Instant now = clock.instant();
		return until != null && until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
	}

	/** A wrong code: after a few, the next one waits (longer each time); the account is never locked. */
	void secondFactorFailed(long accountId) {
		countFailure(secondFactorSubject(accountId), mfaThreshold, mfaDelay, mfaMaxDelay);
	}

	void secondFactorPassed(long accountId) {
		jdbc.sql("delete from sign_in_throttle where subject = :s").param("s", secondFactorSubject(accountId)).update();
	}

	// ------------------------------------------------------------------ the counts

	/** Counts a failure; from the threshold on the subject waits base × 2^(failures − threshold), up to max. */
	private int countFailure(String subject, int limit, Duration base, Duration max) {
		Instant now = clock.instant();
		// a series ends a day after its last failure
		int updated = jdbc.sql("""
				update sign_in_throttle set failures = case when updated_at < :stale then 1 else failures + 1 end,
				       updated_at = :now
				where subject = :s""")
			.param("stale", ts(now.minus(Duration.ofDays(1))))
			.param("now", ts(now))
			.param("s", subject)
			.update();
		if (updated == 0) {
			try {
				jdbc.sql("insert into sign_in_throttle (subject, failures, blocked_until, updated_at) values (:s, 1, null, :now)")
					.param("s", subject)
					.param("now", ts(now))
					.update();
			}
			catch (DuplicateKeyException raced) {
				return countFailure(subject, limit, base, max);
			}
		}
		int failures = jdbc.sql("select failures from sign_in_throttle where subject = :s")
			.param("s", subject)
			.query(Integer.class)
			.optional()
			.orElse(1);
		Instant until = null;
		if (failures >= limit) {
			Duration pause = base.multipliedBy(1L << Math.min(failures - limit, 20));
			until = now.plus(pause.compareTo(max) > 0 ? max : pause);
		}
		jdbc.sql("update sign_in_throttle set blocked_until = :t where subject = :s")
			.param("t", until == null ? null : ts(until))
			.param("s", subject)
			.update();
		return failures;
	}

	private Instant blockedUntil(String subject) {
		return jdbc.sql("select blocked_until from sign_in_throttle where subject = :s")
			.param("s", subject)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
			.optional()
			.map(t -> t == null ? null : t.toInstant())
			.orElse(null);
	}

	/** Forgets series that ended more than a day ago, and idle client counts. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	void forgetOld() {
		Instant dayAgo = clock.instant().minus(Duration.ofDays(1));
		jdbc.sql("delete from sign_in_throttle where updated_at < :t and (blocked_until is null or blocked_until < :now)")
			.param("t", ts(dayAgo))
			.param("now", ts(clock.instant()))
			.update();
		clients.values().removeIf(c -> c.idleSince(dayAgo));
	}

	static String normalize(String username) {
		return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

	private static String accountSubject(String username) {
		return "account:" + SecondFactor.sha256(normalize(username));
	}

	private static String secondFactorSubject(long accountId) {
		return "mfa:" + accountId;
	}

	/** One client's failures in a row (any names) and until when its next attempt waits. */
	static final class ClientFailures {

		private int failures;

		private Instant last = Instant.EPOCH;

		private Instant until = Instant.EPOCH;

		synchronized void failed(Instant now, int limit, Duration base, Duration max) {
			if (last.isBefore(now.minus(Duration.ofDays(1)))) {
				failures = 0;
			}
			failures++;
			last = now;
			if (failures >= limit) {
				Duration pause = base.multipliedBy(1L << Math.min(failures - limit, 20));
				until = now.plus(pause.compareTo(max) > 0 ? max : pause);
			}
		}

		synchronized Duration waitAt(Instant now) {
			return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
		}

		synchronized boolean idleSince(Instant time) {
			return last.isBefore(time);
		}

	}

}
