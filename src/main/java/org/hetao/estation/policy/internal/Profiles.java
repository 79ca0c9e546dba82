package org.hetao.estation.policy.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.hetao.estation.policy.EligibilityProfile;
import org.hetao.estation.shared.ApplicantType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/** Applicants' saved eligibility profiles, one per account. */
@Repository
public class Profiles {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Clock clock;

	Profiles(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public record SavedProfile(long accountId, EligibilityProfile profile) {
	}

	public Optional<EligibilityProfile> find(long accountId) {
		return jdbc.sql("select profile_json from policy_profile where account_id = ?")
			.param(accountId)
			.query(String.class)
			.optional()
			.map(Profiles::read);
	}

	@Transactional
	public void save(long accountId, EligibilityProfile profile) {
		String json = JSON.writeValueAsString(profile);
		Timestamp now = Timestamp.from(clock.instant());
		int updated = jdbc.sql("update policy_profile set profile_json = ?, applicant_type = ?, updated_at = ?, version = version + 1 where account_id = ?")
			.params(json, profile.applicantType(), now, accountId)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into policy_profile (account_id, applicant_type, profile_json, updated_at) values (?, ?, ?, ?)")
				.params(accountId, profile.applicantType(), json, now)
				.update();
		}
	}

	/** Every saved profile of an enterprise (the population of 免申即享). */
	public List<SavedProfile> enterprises() {
		List<String> types = java.util.Arrays.stream(ApplicantType.values()).filter(ApplicantType::isEnterprise)
			.map(Enum::name).toList();
		return jdbc.sql("select account_id, profile_json from policy_profile where applicant_type in (:types) order by account_id")
			.param("types", types)
			.query((rs, n) -> new SavedProfile(rs.getLong(1), read(rs.getString(2))))
			.list();
	}

	private static EligibilityProfile read(String json) {
		return JSON.readValue(json, EligibilityProfile.class);
	}

}
