package org.hetao.estation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A new production installation has no accounts at all: the bootstrap settings make its first administrator,
 * once, and are ignored afterwards.
 */
@SpringBootTest(properties = { "estation.demo.enabled=false",
		"spring.datasource.url=jdbc:h2:mem:estation-first-admin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=",
		"estation.search.index-dir=target/first-admin-index", "estation.bootstrap.admin-username=site-admin",
		"estation.bootstrap.admin-password=Harbour lights over Shenzhen Bay 2026",
		"estation.bootstrap.admin-email=ops@estation.example.org" })
class FirstAdministratorIntegrationTests {

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFirstStartCreatesTheAdministratorAndLaterStartsLeaveItAlone() {
		EstationUser admin = accounts.findByUsername("site-admin").orElseThrow();
		assertThat(admin.roles()).containsExactly(Role.ADMIN);
		assertThat(encoder.matches("Harbour lights over Shenzhen Bay 2026", passwordHash("site-admin"))).isTrue();
		assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).as("no demo accounts").isEqualTo(1);

		// a restart with the settings still there: nothing happens
		new FirstAdministrator(accounts, encoder, "site-admin", "Harbour lights over Shenzhen Bay 2026", "").run(null);
		new FirstAdministrator(accounts, encoder, "other-admin", "Another long passphrase for 2026", "").run(null);
		assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aWeakPasswordOrANameTakenByAnotherAccountStopsTheStartWithTheReason() {
		jdbc.sql("update account set enabled = false where username = 'site-admin'").update();
		try {
			assertThatThrownBy(() -> new FirstAdministrator(accounts, encoder, "new-admin", "password", "").run(null))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("estation.bootstrap.admin-password");
			assertThatThrownBy(
					() -> new FirstAdministrator(accounts, encoder, "site-admin", "Harbour lights over Shenzhen Bay 2026", "")
						.run(null))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("choose another name");
			assertThat(accounts.findByUsername("new-admin")).isEmpty();
		}
		finally {
			jdbc.sql("update account set enabled = true where username = 'site-admin'").update();
		}
	}

	String passwordHash(String username) {
		return jdbc.sql("select password_hash from account where username = :u").param("u", username)
			.query(String.class)
			.single();
	}

}
