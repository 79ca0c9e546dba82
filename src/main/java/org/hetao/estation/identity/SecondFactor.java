package org.hetao.estation.identity;

import org.hetao.estation.shared.EncryptedColumn;
import org.hetao.estation.shared.PersonalDataCipher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hetao.estation.shared.Problem;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff second factor: TOTP enrolment, verification (each code accepted once), and ten one-time
 * recovery codes kept as SHA-256 hashes. Wrong codes slow the next ones down ({@link SignInThrottle}); they never
 * lock the account (#21: anyone with a staff password could otherwise lock its owner out).
 */
@Service
public class SecondFactor {

	/** How many recovery codes an account gets. */
	public static final int RECOVERY_CODES = 10;

	private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final SignInThrottle throttle;

	private final boolean replayProtection;

	private final SecureRandom random = new SecureRandom();

	/** The TOTP secrets are encrypted at rest like other personal data (and re-encrypted by the rotation job). */
	static final EncryptedColumn SECRET = new EncryptedColumn("account_totp", "account_id", "secret",
			EncryptedColumn.Format.VALUE, null, null);

	private final PersonalDataCipher cipher;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final Passkeys passkeys;

	private final Accounts accounts;

	SecondFactor(Passkeys passkeys, JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, SignInThrottle throttle,
			@Value("${estation.mfa.replay-protection:true}") boolean replayProtection, PersonalDataCipher cipher,
			FindByIndexNameSessionRepository<? extends Session> sessions, Accounts accounts) {
		this.accounts = accounts;
		this.cipher = cipher;
		this.sessions = sessions;
		this.passkeys = passkeys;
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
		this.throttle = throttle;
		this.replayProtection = replayProtection;
	}

	/** The outcome of typing a code at the second-factor step. */
	public enum Outcome {

		/** Accepted. */
		PASSED,
		/** Wrong (counted); try again. */
		WRONG,
		/** Too many wrong codes lately: not checked; try again after {@link SignInThrottle#waitBeforeSecondFactor}. */
		PAUSED

	}

	/** The step this session still has to do after the password: enrolment, a code, or nothing. */
	public enum Pending {

		NONE, ENROL, VERIFY

	}

	/** The step the signed-in person still has to do after the password. */
	public Pending pending() {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (!StaffSecondFactor.awaitingSecondFactor(signedIn)) {
			return Pending.NONE;
		}
		return enrolled(((EstationUser) signedIn.getPrincipal()).id()) ? Pending.VERIFY : Pending.ENROL;
	}

	/**
	 * The second factor is done: the sign-in gains the TOTP factor ({@link StaffSecondFactor#TOTP_AUTHORITY}) and
	 * the session a new id (a session id seen before the second factor is worth nothing afterwards).
	 */
	public static void completeSignIn(HttpServletRequest request, HttpServletResponse response) {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		Authentication withCode = signedIn.toBuilder()
			.authorities((authorities) -> authorities
				.add(FactorGrantedAuthority.fromAuthority(StaffSecondFactor.TOTP_AUTHORITY)))
			.build();
		CurrentUser.replace(withCode, request, response);
		request.changeSessionId();
	}

	public boolean enrolled(long accountId) {
		return secret(accountId).isPresent();
	}

	/** A fresh secret for an enrolment page (not stored until a code confirms it). */
	public String newSecret() {
		return Totp.newSecret(random);
	}

	/**
	 * Confirms an enrolment: the code must match the secret shown. Stores the secret and returns the
	 * recovery codes, in the clear for this one time only.
	 */
	@Transactional
	public List<String> enrol(EstationUser user, String secret, String code) {
		OptionalLong step = Totp.verify(secret, code, clock.instant(), Long.MIN_VALUE);
		if (step.isEmpty()) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "identity.mfa.code.wrong",
					List.of(new Problem.FieldError("code", "identity.mfa.code.wrong")));
		}
		jdbc.sql("delete from account_totp where account_id = :a").param("a", user.id()).update();
		jdbc.sql("""
				insert into account_totp (account_id, secret, enrolled_at, last_used_step)
				values (:a, :s, :t, :step)""")
			.param("a", user.id())
			.param("s", cipher.encrypt(secret, SECRET.context()))
			.param("t", now())
			.param("step", step.getAsLong())
			.update();
		List<String> codes = replaceRecoveryCodes(user.id());
		throttle.secondFactorPassed(user.id());
		events.publishEvent(new SecurityEvents.SecondFactorEnrolled(user.id(), SecurityEvents.shown(user.getUsername())));
		return codes;
	}

	/** Checks a TOTP code or a recovery code typed after the password. */
	@Transactional
	public Outcome verify(EstationUser user, String typed) {
		if (throttle.waitBeforeSecondFactor(user.id()).isPresent()) {
			return Outcome.PAUSED;
		}
		String code = typed == null ? "" : typed.strip().replace(" ", "").replace("-", "").toLowerCase(Locale.ROOT);
		Optional<String> method = code.matches("[0-9]{" + Totp.DIGITS + "}") ? totp(user.id(), code)
				: recoveryCode(user.id(), code);
		if (method.isPresent()) {
			throttle.secondFactorPassed(user.id());
			events.publishEvent(new SecurityEvents.SecondFactorVerified(user.id(), SecurityEvents.shown(user.getUsername()), method.get(),
					recoveryCodesLeft(user.id())));
			return Outcome.PASSED;
		}
		events.publishEvent(new SecurityEvents.SecondFactorFailed(user.id(), SecurityEvents.shown(user.getUsername())));
		throttle.secondFactorFailed(user.id());
		return Outcome.WRONG;
	}

	/** A passkey was given as the second factor (Spring Security's WebAuthn support checked it). */
	@Transactional
	public void passedWithPasskey(EstationUser user) {
		throttle.secondFactorPassed(user.id());
		events.publishEvent(new SecurityEvents.SecondFactorVerified(user.id(), SecurityEvents.shown(user.getUsername()),
				"PASSKEY", recoveryCodesLeft(user.id())));
	}

	/** A passkey was refused at the second-factor step (unknown, revoked, or not this account's). */
	public void failedWithPasskey(EstationUser user) {
		if (user.isStaff()) {
			events.publishEvent(new SecurityEvents.SecondFactorFailed(user.id(), SecurityEvents.shown(user.getUsername())));
		}
	}

	private Optional<String> totp(long accountId, String code) {
		record Row(String secret, Long lastUsedStep) {
		}
		Optional<Row> row = jdbc.sql("select secret, last_used_step from account_totp where account_id = :a")
			.param("a", accountId)
			.query((rs, n) -> new Row(rs.getString(1), rs.getObject(2) == null ? null : rs.getLong(2)))
			.optional();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		long last = replayProtection && row.get().lastUsedStep() != null ? row.get().lastUsedStep() : Long.MIN_VALUE;
		OptionalLong step = Totp.verify(cipher.decrypt(row.get().secret(), SECRET.context()), code, clock.instant(), last);
		if (step.isEmpty()) {
			return Optional.empty();
		}
		// conditional: of two requests racing with the same code, only one moves the step forward
		int updated = jdbc.sql("update account_totp set last_used_step = :s where account_id = :a"
				+ (replayProtection ? " and (last_used_step is null or last_used_step < :s)" : ""))
			.param("s", step.getAsLong())
			.param("a", accountId)
			.update();
		return updated == 1 ? Optional.of("TOTP") : Optional.empty();
	}

	private Optional<String> recoveryCode(long accountId, String code) {
		if (code.length() != 10) {
			return Optional.empty();
		}
		int used = jdbc.sql("""
				update account_recovery_code set used_at = :t
				where account_id = :a and code_hash = :h and used_at is null""")
			.param("t", now())
			.param("a", accountId)
			.param("h", sha256(code))
			.update();
		return used == 1 ? Optional.of("RECOVERY_CODE") : Optional.empty();
	}

	public int recoveryCodesLeft(long accountId) {
		return jdbc.sql("select count(*) from account_recovery_code where account_id = :a and used_at is null")
			.param("a", accountId)
			.query(Integer.class)
			.single();
	}

	/** New recovery codes for a staff member with a second factor; the old ones stop working. */
	@Transactional
	public List<String> regenerateRecoveryCodes(EstationUser user) {
		if (!enrolled(user.id())) {
			throw Problem.forbidden("identity.mfa.notEnrolled");
		}
		List<String> codes = replaceRecoveryCodes(user.id());
		events.publishEvent(new SecurityEvents.RecoveryCodesRegenerated(user.id(), SecurityEvents.shown(user.getUsername())));
		return codes;
	}

	/**
	 * An administrator removes a staff member's second factor (lost phone); they enrol again next time. Only a staff
	 * account with a second factor: anything else is refused with the reason on the {@code username} field.
	 *
	 * @return the account whose second factor was removed
	 */
	@Transactional
	public EstationUser reset(String username, EstationUser administrator) {
		if (!administrator.hasRole(Role.ADMIN)) {
			throw Problem.forbidden("error.forbidden");
		}
		EstationUser account = username.isBlank() ? null : accounts.findByUsername(username.strip()).orElse(null);
		String refusal = username.isBlank() ? "identity.mfa.admin.username.required"
				: account == null ? "identity.mfa.admin.unknown"
				: !account.isStaff() ? "identity.mfa.admin.notStaff"
				: !enrolled(account.id()) ? "identity.mfa.admin.notEnrolled" : null;
		if (refusal != null) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, refusal, List.of(new Problem.FieldError("username", refusal)));
		}
		jdbc.sql("delete from account_recovery_code where account_id = :a").param("a", account.id()).update();
		jdbc.sql("delete from account_totp where account_id = :a").param("a", account.id()).update();
		int passkeysRemoved = passkeys.removeAll(account.id());
		// whoever holds a session of the account (perhaps the one who found the lost phone) is signed out
		sessions.findByPrincipalName(account.getUsername()).keySet().forEach(sessions::deleteById);
		events.publishEvent(
				new SecurityEvents.SecondFactorReset(account.id(), SecurityEvents.shown(account.getUsername()),
						administrator.getUsername(), passkeysRemoved));
		return account;
	}

	/** Gives an account a known secret (the demo accounts' documented one), unless it has one already. */
	@Transactional
	void enrolWithKnownSecret(long accountId, String secret) {
		Totp.decodeBase32(secret);
		if (!enrolled(accountId)) {
			jdbc.sql("insert into account_totp (account_id, secret, enrolled_at) values (:a, :s, :t)")
				.param("a", accountId)
				.param("s", cipher.encrypt(secret.toUpperCase(Locale.ROOT), SECRET.context()))
				.param("t", now())
				.update();
		}
	}

	private Optional<String> secret(long accountId) {
		return jdbc.sql("select secret from account_totp where account_id = :a")
			.param("a", accountId)
			.query(String.class)
			.optional();
	}

	private List<String> replaceRecoveryCodes(long accountId) {
		jdbc.sql("delete from account_recovery_code where account_id = :a").param("a", accountId).update();
		List<String> codes = new ArrayList<>(RECOVERY_CODES);
		while (codes.size() < RECOVERY_CODES) {
			StringBuilder code = new StringBuilder(10);
			for (int i = 0; i < 10; i++) {
				code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
			}
			String c = code.toString();
			if (codes.stream().noneMatch(x -> x.replace("-", "").equals(c))) {
				codes.add(c.substring(0, 5) + "-" + c.substring(5));
				jdbc.sql("insert into account_recovery_code (account_id, code_hash, created_at) values (:a, :h, :t)")
					.param("a", accountId)
					.param("h", sha256(c))
					.param("t", now())
					.update();
			}
		}
		return codes;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
