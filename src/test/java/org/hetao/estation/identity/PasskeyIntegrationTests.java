package org.hetao.estation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.hetao.estation.audit.AuditEntry;
import org.hetao.estation.audit.AuditLog;
import org.hetao.estation.shared.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The staff second factor on Spring Security's multi-factor support, and passkeys beside TOTP: a password-only staff
 * session reaches only the second-factor step (pages redirect, the API answers 401), a code or a passkey lets it
 * in, applicants need only the password; passkey rows through the WebAuthn repositories; revoking and an
 * administrator's reset, audited. Production settings: no staff HTTP Basic, codes used once. Runs on H2 and
 * PostgreSQL (ESTATION_TEST_PG_URL).
 */
@SpringBootTest(properties = { "estation.mfa.replay-protection=true", "estation.mfa.staff-http-basic=false" })
@AutoConfigureMockMvc
class PasskeyIntegrationTests {

	static final String PASSWORD = "a long staff passphrase";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	SecondFactor secondFactor;

	@Autowired
	Passkeys passkeys;

	@Autowired
	PasskeyUsers passkeyUsers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog auditLog;

	EstationUser newAccount(Role role) {
		String username = "passkey-" + role.name().toLowerCase() + "-" + UUID.randomUUID();
		long id = accounts.create(new Accounts.NewAccount(username, passwordEncoder.encode(PASSWORD), "Passkey test",
				username + "@estation.example", null, Language.EN,
				role == Role.APPLICANT ? org.hetao.estation.shared.ApplicantType.HK_RESIDENT : null,
				role == Role.OFFICER ? "tax" : null, Set.of(role)));
		return accounts.findById(id).orElseThrow();
	}

	String enrolled(EstationUser staff) {
		String secret = secondFactor.newSecret();
		secondFactor.enrolWithKnownSecret(staff.id(), secret);
		return secret;
	}

	Cookie passwordOnly(String username) {
		MvcTestResult signedIn = mvc.post().uri("/login").param("username", username).param("password", PASSWORD)
			.with(csrf()).exchange();
		return signedIn.getResponse().getCookie("SESSION");
	}

	/** A passkey row as Spring Security's registration would store it (the key itself is not checked here). */
	CredentialRecord registered(EstationUser staff, String label) {
		if (passkeyUsers.findByUsername(staff.getUsername()) == null) {
			passkeyUsers.save(ImmutablePublicKeyCredentialUserEntity.builder()
				.name(staff.getUsername())
				.id(Bytes.random())
				.displayName(staff.displayName())
				.build());
		}
		CredentialRecord record = ImmutableCredentialRecord.builder()
			.credentialId(Bytes.random())
			.userEntityUserId(passkeyUsers.findByUsername(staff.getUsername()).getId())
			.publicKey(new ImmutablePublicKeyCose(Bytes.random().getBytes()))
			.signatureCount(0)
			.uvInitialized(true)
			.backupEligible(false)
			.backupState(false)
			.transports(Set.of(AuthenticatorTransport.INTERNAL, AuthenticatorTransport.USB))
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.label(label)
			.created(Instant.now().truncatedTo(ChronoUnit.SECONDS))
			.build();
		passkeys.save(record);
		return record;
	}

	List<AuditEntry> audited(String action, String username) {
		auditLog.flush();
		return auditLog.latest(500).stream().filter(e -> e.action().equals(action))
			.filter(e -> e.details() != null && e.details().contains(username))
			.toList();
	}

	@Test
	void aPasswordOnlyStaffSessionGetsTheFactorPageForAnyStaffAddressAndA401OnTheApi() throws Exception {
		EstationUser officer = newAccount(Role.OFFICER);
		enrolled(officer);
		Cookie session = passwordOnly(officer.getUsername());
		for (String page : List.of("/", "/work-queue", "/account", "/account/passkeys", "/admin/second-factor",
				"/catalog")) {
			assertThat(mvc.get().uri(page).cookie(session).exchange()).as(page).hasRedirectedUrl("/account/mfa");
		}
		assertThat(mvc.post().uri("/webauthn/register").cookie(session).contentType(MediaType.APPLICATION_JSON)
			.content("{}").with(csrf()).exchange())
			.as("no passkey can be registered before the second factor").hasRedirectedUrl("/account/mfa");
		MvcTestResult api = mvc.get().uri("/api/v1/applications").cookie(session).exchange();
		assertThat(api).hasStatus(401);
		assertThat(api.getResponse().getContentType()).startsWith("application/problem+json");
		// the way through stays open
		assertThat(mvc.get().uri("/account/mfa").cookie(session).exchange()).hasStatusOk();
		assertThat(mvc.get().uri("/login").cookie(session).exchange()).hasStatusOk();
	}

	@Test
	void theCodeLetsTheStaffMemberInAndToTheirPasskeys() throws Exception {
		EstationUser clerk = newAccount(Role.CLERK);
		String secret = enrolled(clerk);
		Cookie session = passwordOnly(clerk.getUsername());
		MvcTestResult passed = mvc.post().uri("/account/mfa").cookie(session)
			.param("code", Totp.code(secret, Instant.now())).with(csrf()).exchange();
		assertThat(passed).hasRedirectedUrl("/");
		Cookie full = passed.getResponse().getCookie("SESSION");
		assertThat(mvc.get().uri("/window").cookie(full).exchange()).hasStatusOk();
		MvcTestResult page = mvc.get().uri("/account/passkeys").cookie(full).exchange();
		assertThat(page).hasStatusOk();
		assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"no-passkeys\"")
			.contains("/js/passkeys");
		// the registration options come from Spring Security's WebAuthn endpoint, for this account
		MvcTestResult options = mvc.post().uri("/webauthn/register/options").cookie(full).with(csrf()).exchange();
		assertThat(options).hasStatusOk();
		assertThat(options.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("\"challenge\"")
			.contains(clerk.getUsername());
	}

	@Test
	void applicantsNeedOnlyThePasswordAndHaveNoPasskeys() {
		EstationUser applicant = newAccount(Role.APPLICANT);
		MvcTestResult signedIn = mvc.post().uri("/login").param("username", applicant.getUsername())
			.param("password", PASSWORD).with(csrf()).exchange();
		assertThat(signedIn).hasRedirectedUrl("/");
		Cookie session = signedIn.getResponse().getCookie("SESSION");
		assertThat(mvc.get().uri("/applications").cookie(session).exchange()).hasStatusOk();
		assertThat(mvc.get().uri("/account").cookie(session).exchange()).hasStatusOk();
		assertThat(mvc.get().uri("/account/passkeys").cookie(session).exchange()).hasStatus(403);
	}

	@Test
	void passkeyRowsAreStoredReadUpdatedListedAndRevoked() {
		EstationUser supervisor = newAccount(Role.SUPERVISOR);
		CredentialRecord record = registered(supervisor, "Office laptop");

		CredentialRecord found = passkeys.findByCredentialId(record.getCredentialId());
		assertThat(found).isNotNull();
		assertThat(found.getLabel()).isEqualTo("Office laptop");
		assertThat(found.getPublicKey().getBytes()).isEqualTo(record.getPublicKey().getBytes());
		assertThat(found.getTransports()).containsExactlyInAnyOrder(AuthenticatorTransport.INTERNAL,
				AuthenticatorTransport.USB);
		assertThat(found.getUserEntityUserId()).isEqualTo(record.getUserEntityUserId());
		assertThat(passkeys.findByUserId(record.getUserEntityUserId())).hasSize(1);
		assertThat(passkeyUsers.findById(record.getUserEntityUserId()).getName()).isEqualTo(supervisor.getUsername());

		// after a sign-in Spring Security saves the new counter and the time of use
		Instant used = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		passkeys.save(ImmutableCredentialRecord.fromCredentialRecord(found).signatureCount(7).lastUsed(used).build());
		CredentialRecord updated = passkeys.findByCredentialId(record.getCredentialId());
		assertThat(updated.getSignatureCount()).isEqualTo(7);
		assertThat(updated.getLastUsed()).isEqualTo(used);
		assertThat(passkeys.of(supervisor.id())).singleElement().satisfies(k -> {
			assertThat(k.label()).isEqualTo("Office laptop");
			assertThat(k.lastUsed()).isEqualTo(used);
		});

		// only its owner revokes it
		EstationUser other = newAccount(Role.SUPERVISOR);
		String id = record.getCredentialId().toBase64UrlString();
		assertThatThrownBy(() -> passkeys.revoke(other, id)).isInstanceOf(org.hetao.estation.shared.Problem.class);
		assertThat(mvc.post().uri("/account/passkeys/revoke").param("id", id).with(user(supervisor)).with(csrf())
			.exchange()).hasRedirectedUrl("/account/passkeys?revoked");
		assertThat(passkeys.findByCredentialId(record.getCredentialId())).as("a revoked passkey is gone").isNull();
		assertThat(passkeys.of(supervisor.id())).isEmpty();
		assertThat(audited("identity.PasskeyRegistered", supervisor.getUsername())).hasSize(1);
		assertThat(audited("identity.PasskeyRevoked", supervisor.getUsername())).singleElement()
			.satisfies(e -> assertThat(e.details()).contains("Office laptop"));
	}

	@Test
	void aRevokedOrUnknownPasskeyIsRefusedAndLetsNoOneIn() throws Exception {
		EstationUser officer = newAccount(Role.OFFICER);
		enrolled(officer);
		CredentialRecord record = registered(officer, "Security key");
		passkeys.revoke(officer, record.getCredentialId().toBase64UrlString());
		Cookie session = passwordOnly(officer.getUsername());
		assertThat(mvc.post().uri("/webauthn/authenticate/options").cookie(session).with(csrf()).exchange())
			.hasStatusOk();
		String assertion = """
				{"id":"%1$s","rawId":"%1$s","response":{"authenticatorData":"AAAA","clientDataJSON":"e30",
				"signature":"AAAA","userHandle":"%2$s"},"credType":"public-key","clientExtensionResults":{},
				"authenticatorAttachment":"platform"}""".formatted(record.getCredentialId().toBase64UrlString(),
				record.getUserEntityUserId().toBase64UrlString());
		MvcTestResult refused = mvc.post().uri("/login/webauthn").cookie(session).contentType(MediaType.APPLICATION_JSON)
			.content(assertion).with(csrf()).exchange();
		assertThat(refused).hasStatus(401);
		assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("\"authenticated\":false");
		assertThat(mvc.get().uri("/work-queue").cookie(session).exchange()).hasRedirectedUrl("/account/mfa");
	}

	@Test
	void anAdministratorsResetRemovesTheCodeAndEveryPasskeyAudited() {
		EstationUser clerk = newAccount(Role.CLERK);
		enrolled(clerk);
		registered(clerk, "Phone");
		registered(clerk, "Key");
		EstationUser admin = newAccount(Role.ADMIN);
		assertThat(mvc.post().uri("/admin/second-factor/reset").param("username", clerk.getUsername())
			.with(user(admin)).with(csrf()).exchange()).hasRedirectedUrl("/admin/second-factor");
		assertThat(secondFactor.enrolled(clerk.id())).isFalse();
		assertThat(passkeys.of(clerk.id())).isEmpty();
		assertThat(passkeyUsers.findByUsername(clerk.getUsername())).isNull();
		assertThat(audited("identity.SecondFactorReset", clerk.getUsername())).singleElement()
			.satisfies(e -> assertThat(e.details()).contains(admin.getUsername()).contains("\"passkeysRemoved\":2"));
		assertThat(mvc.post().uri("/login").param("username", clerk.getUsername()).param("password", PASSWORD)
			.with(csrf()).exchange()).hasRedirectedUrl("/account/mfa/enrol");
	}

}
