package org.hetao.estation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

	final PasswordPolicy policy = PasswordPolicy.fromClasspath();

	@Test
	void acceptsLongPassphrasesWithoutCompositionRules() {
		assertThat(policy.check("a long enough passphrase", "chan@example.hk")).isEmpty();
		assertThat(policy.check("河套的早晨很安靜也很美麗", "chan@example.hk")).isEmpty();
		assertThat(policy.check("correct horse battery staple")).isEmpty();
	}

	@Test
	void refusesShortAndOverlongPasswords() {
		assertThat(policy.check("elevenchars")).contains("identity.password.length");
		assertThat(policy.check("x".repeat(129))).contains("identity.password.length");
	}

	@Test
	void refusesCommonAndBreachedPasswordsAndTheirNumberedVariants() {
		assertThat(policy.check("password1234")).contains("identity.password.common");
		assertThat(policy.check("Password2026")).contains("identity.password.common");
		assertThat(policy.check("1q2w3e4r5t6y")).contains("identity.password.common");
		assertThat(policy.check("iloveyou123456")).contains("identity.password.common");
		assertThat(policy.check("woaini1314520")).contains("identity.password.common");
	}

	@Test
	void refusesTrivialRepetitionsAndSequences() {
		assertThat(policy.check("aaaaaaaaaaaaaa")).contains("identity.password.trivial");
		assertThat(policy.check("abababababab")).contains("identity.password.trivial");
		assertThat(policy.check("3456789012345")).contains("identity.password.trivial");
		assertThat(policy.check("zyxwvutsrqpon")).contains("identity.password.trivial");
	}

	@Test
	void refusesPasswordsMadeOfTheAccountsOwnName() {
		assertThat(policy.check("chan.taiman-2026!", "chan.taiman@example.hk")).contains("identity.password.personal");
	}

}
