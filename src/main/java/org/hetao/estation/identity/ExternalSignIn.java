package org.hetao.estation.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.hetao.estation.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person signed in at an external identity provider: find their account by the provider's
 * (issuer, subject); on the first sign-in link it to the applicant account with the same verified
 * e-mail address, or create a new applicant account. Staff accounts are never linked automatically.
 */
@Service
public class ExternalSignIn {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	ExternalSignIn(JdbcClient jdbc, Accounts accounts, PasswordEncoder passwordEncoder, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	/** What the provider says about the person. */
	public record ExternalIdentity(String issuer, String subject, String email, boolean emailVerified, String name,
			String locale) {
	}

	@Transactional
	public EstationUser signIn(ExternalIdentity identity) {
		Optional<Long> linked = jdbc
			.sql("select account_id from account_external_identity where issuer = :i and subject = :s")
			.param("i", identity.issuer())
			.param("s", identity.subject())
			.query(Long.class)
			.optional();
		if (linked.isPresent()) {
			return accounts.findById(linked.get()).orElseThrow();
		}
		EstationUser user = existingApplicant(identity).orElseGet(() -> create(identity));
		jdbc.sql("""
				insert into account_external_identity (account_id, issuer, subject, linked_at)
				values (:a, :i, :s, :t)""")
			.param("a", user.id())
			.param("i", identity.issuer())
			.param("s", identity.subject())
			.param("t", OffsetDateTime.now(clock))
			.update();
		return user;
	}

	private Optional<EstationUser> existingApplicant(ExternalIdentity identity) {
		if (identity.email() == null || !identity.emailVerified()) {
			return Optional.empty();
		}
		return accounts.findByUsername(identity.email().toLowerCase(Locale.ROOT))
			.filter(u -> u.roles().equals(Set.of(Role.APPLICANT)));
	}

	private EstationUser create(ExternalIdentity identity) {
		boolean usableEmail = identity.email() != null && identity.emailVerified()
				&& !accounts.usernameOrEmailTaken(identity.email(), identity.email());
		String username = usableEmail ? identity.email().toLowerCase(Locale.ROOT)
				: "oidc-" + HexFormat.of().formatHex(sha256(identity.issuer() + "|" + identity.subject()), 0, 8);
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		// The account signs in through the provider; this password is never told to anyone.
		String unusablePassword = passwordEncoder.encode(HexFormat.of().formatHex(random));
		String name = identity.name() == null || identity.name().isBlank() ? username : identity.name();
		Language language = Language.fromTag(identity.locale()).orElse(Language.DEFAULT);
		long id = accounts.create(new Accounts.NewAccount(username, unusablePassword, name,
				usableEmail ? identity.email() : null, null, language, null, null, Set.of(Role.APPLICANT)));
		return accounts.findById(id).orElseThrow();
	}

	private static byte[] sha256(String s) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
