package org.hetao.estation.identity;

import static org.hetao.estation.shared.Timestamps.instant;
import static org.hetao.estation.shared.Timestamps.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.hetao.estation.shared.Problem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff passkeys (table {@code passkey}): Spring Security's WebAuthn support stores a new one here after
 * registration and updates its counter and last use after each sign-in; the account page lists and revokes them;
 * an administrator's reset of the second factor removes them all.
 */
@Repository
public class Passkeys implements UserCredentialRepository {

	/** A passkey as its owner sees it in the list. */
	public record Passkey(String id, String label, Instant created, Instant lastUsed) {
	}

	private static final String COLUMNS = "credential_id, account_id, public_key, signature_count, uv_initialized, "
			+ "backup_eligible, backup_state, transports, credential_type, attestation_object, "
			+ "attestation_client_data_json, label, created_at, last_used_at";

	private final JdbcClient jdbc;

	private final PasskeyUsers users;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Passkeys(JdbcClient jdbc, PasskeyUsers users, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void save(CredentialRecord record) {
		String id = record.getCredentialId().toBase64UrlString();
		int updated = jdbc.sql("""
				update passkey set signature_count = :count, uv_initialized = :uv, backup_state = :backup,
				last_used_at = :used where credential_id = :id""")
			.param("count", record.getSignatureCount())
			.param("uv", record.isUvInitialized())
			.param("backup", record.isBackupState())
			.param("used", ts(record.getLastUsed()))
			.param("id", id)
			.update();
		if (updated > 0) {
			return;
		}
		long account = users.accountOf(record.getUserEntityUserId())
			.orElseThrow(() -> new IllegalArgumentException("No account for this user handle"));
		String username = users.findById(record.getUserEntityUserId()).getName();
		String label = record.getLabel() == null || record.getLabel().isBlank() ? "Passkey"
				: record.getLabel().strip();
		jdbc.sql("insert into passkey (" + COLUMNS + ") values (:id, :account, :key, :count, :uv, :eligible, :backup, "
				+ ":transports, :type, :attestation, :clientData, :label, :created, :used)")
			.param("id", id)
			.param("account", account)
			.param("key", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(record.getPublicKey().getBytes()))
			.param("count", record.getSignatureCount())
			.param("uv", record.isUvInitialized())
			.param("eligible", record.isBackupEligible())
			.param("backup", record.isBackupState())
			.param("transports", record.getTransports() == null ? null
					: record.getTransports().stream().map(AuthenticatorTransport::getValue).collect(Collectors.joining(",")))
			.param("type", record.getCredentialType() == null ? PublicKeyCredentialType.PUBLIC_KEY.getValue()
					: record.getCredentialType().getValue())
			.param("attestation", record.getAttestationObject() == null ? null
					: record.getAttestationObject().toBase64UrlString())
			.param("clientData", record.getAttestationClientDataJSON() == null ? null
					: record.getAttestationClientDataJSON().toBase64UrlString())
			.param("label", label.length() > 100 ? label.substring(0, 100) : label)
			.param("created", ts(record.getCreated() == null ? clock.instant() : record.getCreated()))
			.param("used", ts(record.getLastUsed()))
			.update();
		events.publishEvent(new SecurityEvents.PasskeyRegistered(account, SecurityEvents.shown(username), label));
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return jdbc.sql("select " + COLUMNS + " from passkey where credential_id = :id")
			.param("id", credentialId.toBase64UrlString())
			.query(this::record)
			.optional()
			.orElse(null);
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return users.accountOf(userId)
			.map(account -> jdbc.sql("select " + COLUMNS + " from passkey where account_id = :a order by created_at")
				.param("a", account)
				.query(this::record)
				.list())
			.orElse(List.of());
	}

	@Override
	public void delete(Bytes credentialId) {
		jdbc.sql("delete from passkey where credential_id = :id").param("id", credentialId.toBase64UrlString()).update();
	}

	/** The passkeys of an account, oldest first. */
	public List<Passkey> of(long accountId) {
		return jdbc.sql("select credential_id, label, created_at, last_used_at from passkey where account_id = :a "
				+ "order by created_at, credential_id")
			.param("a", accountId)
			.query((rs, n) -> new Passkey(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4)))
			.list();
	}

	public boolean any(long accountId) {
		return jdbc.sql("select count(*) from passkey where account_id = :a")
			.param("a", accountId)
			.query(Integer.class)
			.single() > 0;
	}

	/** The owner revokes one of their passkeys: it signs no one in any more. */
	@Transactional
	public void revoke(EstationUser owner, String credentialId) {
		String label = jdbc.sql("select label from passkey where credential_id = :id and account_id = :a")
			.param("id", credentialId)
			.param("a", owner.id())
			.query(String.class)
			.optional()
			.orElseThrow(() -> Problem.notFound("identity.passkeys.notFound"));
		jdbc.sql("delete from passkey where credential_id = :id and account_id = :a")
			.param("id", credentialId)
			.param("a", owner.id())
			.update();
		events.publishEvent(new SecurityEvents.PasskeyRevoked(owner.id(), SecurityEvents.shown(owner.getUsername()), label));
	}

	/** Every passkey of an account (an administrator's reset of the second factor); how many there were. */
	int removeAll(long accountId) {
		int removed = jdbc.sql("delete from passkey where account_id = :a").param("a", accountId).update();
		jdbc.sql("delete from passkey_user where account_id = :a").param("a", accountId).update();
		return removed;
	}

	private CredentialRecord record(ResultSet rs, int row) throws SQLException {
		long account = rs.getLong("account_id");
		String transports = rs.getString("transports");
		Set<AuthenticatorTransport> transportSet = transports == null || transports.isBlank() ? Set.of()
				: Arrays.stream(transports.split(",")).map(AuthenticatorTransport::valueOf).collect(Collectors.toSet());
		String attestation = rs.getString("attestation_object");
		String clientData = rs.getString("attestation_client_data_json");
		return ImmutableCredentialRecord.builder()
			.credentialId(PasskeyUsers.bytes(rs.getString("credential_id")))
			.userEntityUserId(users.handle(account).orElse(null))
			.publicKey(new ImmutablePublicKeyCose(PasskeyUsers.bytes(rs.getString("public_key")).getBytes()))
			.signatureCount(rs.getLong("signature_count"))
			.uvInitialized(rs.getBoolean("uv_initialized"))
			.backupEligible(rs.getBoolean("backup_eligible"))
			.backupState(rs.getBoolean("backup_state"))
			.transports(transportSet)
			.credentialType(PublicKeyCredentialType.valueOf(rs.getString("credential_type")))
			.attestationObject(attestation == null ? null : PasskeyUsers.bytes(attestation))
			.attestationClientDataJSON(clientData == null ? null : PasskeyUsers.bytes(clientData))
			.label(rs.getString("label"))
			.created(instant(rs, "created_at"))
			.lastUsed(instant(rs, "last_used_at"))
			.build();
	}

}
