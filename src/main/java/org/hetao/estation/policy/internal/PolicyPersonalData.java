package org.hetao.estation.policy.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hetao.estation.shared.PersonalDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An applicant's eligibility profile and consultations, for the export. Erasure removes the profile and
 * unanswered questions; answered consultations stay without the asker (the answer may be a published FAQ).
 */
@Component
class PolicyPersonalData implements PersonalDataContributor {

	private final JdbcClient jdbc;

	PolicyPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "policy";
	}

	@Override
	public Map<String, Object> export(long accountId) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("profile", jdbc.sql("select applicant_type, profile_json, updated_at from policy_profile where account_id = :a")
			.param("a", accountId)
			.query()
			.listOfRows());
		out.put("consultations", jdbc.sql("""
				select subject_type, subject_code, department_code, question, language, asked_at, answer, answered_at
				from consultation where applicant_id = :a order by id""").param("a", accountId).query().listOfRows());
		return out;
	}

	@Override
	public List<Outcome> erase(long accountId, Retention retention) {
		int profile = jdbc.sql("delete from policy_profile where account_id = :a").param("a", accountId).update();
		jdbc.sql("delete from policy_match_recipient where account_id = :a").param("a", accountId).update();
		int unanswered = jdbc.sql("delete from consultation where applicant_id = :a and answer is null")
			.param("a", accountId)
			.update();
		int answered = jdbc.sql("update consultation set applicant_id = 0 where applicant_id = :a")
			.param("a", accountId)
			.update();
		return List.of(Outcome.erased("policyProfile", profile), Outcome.erased("consultations", unanswered + answered));
	}

}
