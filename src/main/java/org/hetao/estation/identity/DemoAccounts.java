package org.hetao.estation.identity;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.commons.csv.CSVRecord;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.CsvDataFiles;
import org.hetao.estation.shared.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo accounts for the embedded default only ({@code estation.demo.enabled}, off in the postgres
 * profile). They share one password: {@code ESTATION_DEMO_PASSWORD} when set, otherwise one generated
 * now and printed once. The accounts are data: {@code demo/accounts.csv}.
 */
@Component
@ConditionalOnProperty(name = "estation.demo.enabled", havingValue = "true")
@Order(0)
class DemoAccounts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	private final Accounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final Resource file;

	private final String configuredPassword;

	private final SecondFactor secondFactor;

	private final String totpSecret;

	/** The password generated for this start (none when one is configured). */
	private final String generatedPassword;

	/**
	 * The generated password's hash, begun on a thread of its own while the rest of the context is made: a bcrypt
	 * hash is most of this runner's time, and the runner comes before readiness (README, "Start-up").
	 */
	private final CompletableFuture<String> generatedHash;

	DemoAccounts(Accounts accounts, PasswordEncoder passwordEncoder,
			@Value("${estation.demo.accounts:classpath:demo/accounts.csv}") Resource file,
			@Value("${estation.demo.password:}") String configuredPassword, SecondFactor secondFactor,
			@Value("${estation.demo.totp-secret:}") String totpSecret) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.file = file;
		this.configuredPassword = configuredPassword;
		this.secondFactor = secondFactor;
		this.totpSecret = totpSecret;
		this.generatedPassword = configuredPassword.isBlank() ? generatePassword() : null;
		this.generatedHash = generatedPassword == null ? null
				: CompletableFuture.supplyAsync(() -> passwordEncoder.encode(generatedPassword));
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) throws IOException {
		boolean generated = generatedPassword != null;
		String password = generated ? generatedPassword : configuredPassword;
		String hash = generated ? generatedHash() : null;
		int created = 0;
		try (InputStream in = file.getInputStream()) {
			for (CSVRecord f : CsvDataFiles.read(in, true)) {
				String username = f.get("username");
				var existing = accounts.findByUsername(username);
				if (existing.isPresent()) {
					giveDemoSecondFactor(existing.get().id(), existing.get().isStaff());
					if (generated) {
						accounts.updatePassword(username, hash == null ? hash = passwordEncoder.encode(password) : hash);
					}
					continue;
				}
				Set<Role> roles = EnumSet.noneOf(Role.class);
				Arrays.stream(f.get("roles").split(";")).map(String::trim).map(Role::valueOf).forEach(roles::add);
				if (hash == null) {
					hash = passwordEncoder.encode(password);
				}
				String applicantType = f.get("applicant_type");
				long id = accounts.create(new Accounts.NewAccount(username, hash, f.get("display_name"),
						blankToNull(f.get("email")), blankToNull(f.get("phone")),
						Language.fromTag(f.get("preferred_language")).orElse(Language.DEFAULT),
						applicantType.isBlank() ? null : ApplicantType.valueOf(applicantType),
						blankToNull(f.get("department_code")), roles));
				giveDemoSecondFactor(id, roles.stream().anyMatch(Role::isStaff));
				created++;
			}
		}
		log.warn("""

				*****************************************************************************
				  DEMO MODE on an embedded database: not for production.
				  {} demo accounts created now; all demo accounts (admin, supervisor, clerk,
				  officer-<department>, applicant-hk, applicant-mainland, enterprise-hk, ...)
				  share the password: {}
				  Staff accounts then ask for a TOTP code (second factor): the demo staff share
				  the authenticator secret {} (ESTATION_DEMO_TOTP_SECRET);
				  current code: oathtool --totp -b {}
				*****************************************************************************""", created,
				generated ? password : "(from ESTATION_DEMO_PASSWORD)", totpSecret, totpSecret);
	}

	private String generatedHash() {
		try {
			return generatedHash.join();
		}
		catch (CompletionException e) {
			throw e.getCause() instanceof RuntimeException cause ? cause : e;
		}
	}

	/** Demo staff share one documented TOTP secret, so a newcomer can pass the second factor. */
	private void giveDemoSecondFactor(long accountId, boolean staff) {
		if (staff && !totpSecret.isBlank()) {
			secondFactor.enrolWithKnownSecret(accountId, totpSecret);
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	private static String generatePassword() {
		byte[] bytes = new byte[9];
		new SecureRandom().nextBytes(bytes);
		return "demo-" + HexFormat.of().formatHex(bytes);
	}

}
