package org.hetao.estation.identity;

import java.util.EnumSet;

import org.hetao.estation.shared.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first administrator of a new installation (production creates no demo accounts, and only an administrator
 * can make staff accounts): {@code estation.bootstrap.admin-username} and {@code …admin-password}
 * ({@code ESTATION_BOOTSTRAP_ADMIN_USERNAME}, {@code ESTATION_BOOTSTRAP_ADMIN_PASSWORD}) create it on a start
 * that finds no administrator, and are ignored once one exists. The password must pass the password policy; the
 * account enrols its second factor at its first sign-in, as every staff account does.
 */
@Component
@ConditionalOnProperty(name = "estation.bootstrap.admin-username")
@Order(0)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final Accounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final String username;

	private final String password;

	private final String email;

	FirstAdministrator(Accounts accounts, PasswordEncoder passwordEncoder,
			@Value("${estation.bootstrap.admin-username}") String username,
			@Value("${estation.bootstrap.admin-password:}") String password,
			@Value("${estation.bootstrap.admin-email:}") String email) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.username = username.strip();
		this.password = password;
		this.email = email.isBlank() ? null : email.strip();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (accounts.anyWithRole(Role.ADMIN)) {
			log.info("An administrator exists: estation.bootstrap.admin-* is ignored (remove it from the configuration)");
			return;
		}
		if (username.isEmpty()) {
			throw new IllegalStateException("estation.bootstrap.admin-username is empty");
		}
		if (accounts.findByUsername(username).isPresent()) {
			throw new IllegalStateException("estation.bootstrap.admin-username '" + username
					+ "' is an existing account without the administrator role: choose another name");
		}
		PasswordPolicy.fromClasspath().check(password, username, email == null ? "" : email).ifPresent(problem -> {
			throw new IllegalStateException("estation.bootstrap.admin-password is not accepted (" + problem
					+ "): at least " + PasswordPolicy.MIN_LENGTH + " characters, not a common password");
		});
		try {
			accounts.create(new Accounts.NewAccount(username, passwordEncoder.encode(password), "Administrator", email,
					null, Language.DEFAULT, null, null, EnumSet.of(Role.ADMIN)));
			log.warn("Created the first administrator '{}'. Sign in at /login (a second factor is enrolled then), "
					+ "create the staff accounts, and remove estation.bootstrap.admin-* from the configuration.", username);
		}
		catch (DuplicateKeyException anotherNode) {
			log.info("The first administrator was created by another node");
		}
	}

}
