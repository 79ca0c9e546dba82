package org.hetao.estation.identity;

import java.util.Set;

import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.Problem;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An applicant opens their own account; the e-mail address is their user name. */
@Service
public class Registration {

	private final Accounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy = PasswordPolicy.fromClasspath();

	Registration(Accounts accounts, PasswordEncoder passwordEncoder) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
	}

	public record Applicant(String name, String email, String phone, String password, Language preferredLanguage,
			ApplicantType applicantType) {
	}

	@Transactional
	public long register(Applicant applicant) {
		String email = applicant.email().trim();
		passwordPolicy.check(applicant.password(), email, applicant.name()).ifPresent(reason -> {
			throw new Problem(Problem.Kind.UNPROCESSABLE, reason, java.util.List.of(new Problem.FieldError("password", reason)));
		});
		if (accounts.usernameOrEmailTaken(email, email)) {
			throw new Problem(Problem.Kind.CONFLICT, "register.emailTaken",
					java.util.List.of(new Problem.FieldError("email", "register.emailTaken")));
		}
		return accounts.create(new Accounts.NewAccount(email.toLowerCase(java.util.Locale.ROOT),
				passwordEncoder.encode(applicant.password()), applicant.name().trim(), email, applicant.phone().trim(),
				applicant.preferredLanguage(), applicant.applicantType(), null, Set.of(Role.APPLICANT)));
	}

}
