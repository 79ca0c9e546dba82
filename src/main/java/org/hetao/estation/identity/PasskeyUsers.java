package org.hetao.estation.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Repository;

/**
 * The WebAuthn "user entity" of an account (table {@code passkey_user}): the random user handle an authenticator
 * keeps, the account's name and display name. Made the first time the account registers a passkey.
 */
@Repository
class PasskeyUsers implements PublicKeyCredentialUserEntityRepository {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Clock clock;

	PasskeyUsers(JdbcClient jdbc, Accounts accounts, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public PublicKeyCredentialUserEntity findById(Bytes id) {
		return jdbc.sql("select account_id from passkey_user where user_handle = :h")
			.param("h", id.toBase64UrlString())
			.query(Long.class)
			.optional()
			.flatMap(accounts::findById)
			.map(account -> entity(account, id))
			.orElse(null);
	}

	@Override
	public PublicKeyCredentialUserEntity findByUsername(String username) {
		Optional<EstationUser> account = accounts.findByUsername(username)
			.filter(a -> a.getUsername().equals(username));
		return account.flatMap(a -> handle(a.id()).map(h -> entity(a, h))).orElse(null);
	}

	@Override
	public void save(PublicKeyCredentialUserEntity entity) {
		EstationUser account = accounts.findByUsername(entity.getName())
			.filter(a -> a.getUsername().equals(entity.getName()))
			.orElseThrow(() -> new IllegalArgumentException("No account " + entity.getName()));
		if (handle(account.id()).isEmpty()) {
			jdbc.sql("insert into passkey_user (account_id, user_handle, created_at) values (:a, :h, :t)")
				.param("a", account.id())
				.param("h", entity.getId().toBase64UrlString())
				.param("t", OffsetDateTime.now(clock))
				.update();
		}
	}

	@Override
	public void delete(Bytes id) {
		jdbc.sql("delete from passkey_user where user_handle = :h").param("h", id.toBase64UrlString()).update();
	}

	/** The account of a user handle, if any. */
	Optional<Long> accountOf(Bytes userHandle) {
		return jdbc.sql("select account_id from passkey_user where user_handle = :h")
			.param("h", userHandle.toBase64UrlString())
			.query(Long.class)
			.optional();
	}

	Optional<Bytes> handle(long accountId) {
		return jdbc.sql("select user_handle from passkey_user where account_id = :a")
			.param("a", accountId)
			.query(String.class)
			.optional()
			.map(PasskeyUsers::bytes);
	}

	static Bytes bytes(String base64Url) {
		return new Bytes(Base64.getUrlDecoder().decode(base64Url));
	}

	private static PublicKeyCredentialUserEntity entity(EstationUser account, Bytes handle) {
		return ImmutablePublicKeyCredentialUserEntity.builder()
			.name(account.getUsername())
			.id(handle)
			.displayName(account.displayName())
			.build();
	}

}
