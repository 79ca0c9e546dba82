package org.hetao.estation.identity;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hetao.estation.shared.AccountRows;
import org.hetao.estation.shared.EncryptedColumn;
import org.hetao.estation.shared.PersonalDataContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The account as personal data: its phone number is encrypted at rest; the export shows the profile; erasure
 * anonymises and closes the account unless something still open needs a way to reach its holder.
 */
@Configuration(proxyBeanMethods = false)
class IdentityPersonalData {

	@Bean
	EncryptedColumn accountPhone() {
		return Accounts.PHONE;
	}

	@Bean
	EncryptedColumn totpSecret() {
		return SecondFactor.SECRET;
	}

	@Bean
	PersonalDataContributor identityPersonalDataContributor(JdbcClient jdbc, Accounts accounts) {
		return new PersonalDataContributor() {
			@Override
			public String section() {
				return "identity";
			}

			@Override
			public int erasureOrder() {
				return 1000;
			}

			@Override
			public Map<String, Object> export(long accountId) {
				AccountRows rows = new AccountRows(jdbc, accountId);
				Map<String, Object> out = new LinkedHashMap<>();
				accounts.findById(accountId).ifPresent(u -> {
					Map<String, Object> account = new LinkedHashMap<>();
					account.put("username", u.getUsername());
					account.put("displayName", u.displayName());
					accounts.contact(accountId).ifPresent(c -> {
						account.put("email", c.email());
						account.put("phone", c.phone());
					});
					account.put("preferredLanguage", u.preferredLanguage().tag());
					account.put("applicantType", u.applicantType() == null ? null : u.applicantType().name());
					account.put("roles", u.roles().stream().map(Enum::name).sorted().toList());
					account.put("createdAt", jdbc.sql("select created_at from account where id = :id")
						.param("id", accountId)
						.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toString())
						.single());
					out.put("account", account);
				});
				out.put("externalIdentities", rows.list("select issuer, linked_at from account_external_identity where account_id = :a"));
				return out;
			}

			@Override
			public List<Outcome> erase(long accountId, Retention retention) {
				AccountRows rows = new AccountRows(jdbc, accountId);
				if (retention.openMatters()) {
					return List.of(Outcome.kept("account", 1, "privacy.reason.accountNeeded"));
				}
				int external = rows.update("delete from account_external_identity where account_id = :a");
				int updated = jdbc.sql("""
						update account set username = :u, display_name = :n, email = null, phone = null,
						    password_hash = '!erased', enabled = false where id = :a""")
					.param("u", "erased-" + accountId)
					.param("n", "erased-" + accountId)
					.param("a", accountId)
					.update();
				return List.of(Outcome.erased("account", updated + external));
			}
		};
	}

}
