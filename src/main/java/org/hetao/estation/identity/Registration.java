package org.hetao.estation.identity;

import java.util.Set;

import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.Problem;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An applicant opens their own account; the e-mail address is their user name. Registering an address that
 * already has an account answers exactly as a new one does (#21: no telling who has an account): the password is
 * hashed all the same, nothing is created, and the account's owner is told by e-mail that someone tried.
 */
@Service
public class Registration {

	private final Accounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy = PasswordPolicy.fromClasspath();

	private final AccountMail mail;

	Registration(Accounts accounts, PasswordEncoder passwordEncoder, AccountMail mail) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.mail = mail;
	}

	public record Applicant(String name, String email, String phone, String password, Language preferredLanguage,
			ApplicantType applicantType) {
	}

	/**
	 * Opens the account, or (the address being taken) e-mails its owner instead.
	 * @return the new account's id; empty when the address already had an account (the caller must not say so)
	 */
	@Transactional
	public java.util.OptionalLong register(Applicant applicant) {
		String email = applicant.email().trim();
		passwordPolicy.check(applicant.password(), email, applicant.name()).ifPresent(reason -> {
			throw new Problem(Problem.Kind.UNPROCESSABLE, reason, java.util.List.of(new Problem.FieldError("password", reason)));
		});
		String hash = passwordEncoder.encode(applicant.password());
		if (accounts.usernameOrEmailTaken(email, email)) {
			mail.later(() -> accounts.findByUsername(email)
				.ifPresent(owner -> mail.send(owner.id(), m -> m.sendRegistrationAttempt(owner.id()))));
			return java.util.OptionalLong.empty();
		}
		return java.util.OptionalLong.of(accounts.create(new Accounts.NewAccount(email.toLowerCase(java.util.Locale.ROOT),
				hash, applicant.name().trim(), email, applicant.phone().trim(), applicant.preferredLanguage(),
				applicant.applicantType(), null, Set.of(Role.APPLICANT))));
	}

}
