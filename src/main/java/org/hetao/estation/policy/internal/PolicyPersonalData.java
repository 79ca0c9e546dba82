package org.hetao.estation.policy.internal;

import java.util.List;

import org.hetao.estation.shared.AccountRows;
import org.hetao.estation.shared.AccountTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An applicant's eligibility profile and consultations, for the export. Erasure removes the profile and
 * unanswered questions; answered consultations stay without the asker (the answer may be a published FAQ).
 */
@Component
class PolicyPersonalData extends AccountTables {

	PolicyPersonalData(JdbcClient jdbc) {
		super("policy", jdbc,
				new Export("profile", "select applicant_type, profile_json, updated_at from policy_profile where account_id = :a"),
				new Export("consultations", """
						select subject_type, subject_code, department_code, question, language, asked_at, answer, answered_at
						from consultation where applicant_id = :a order by id"""));
	}

	@Override
	protected List<Outcome> erase(AccountRows rows, Retention retention) {
		int profile = rows.update("delete from policy_profile where account_id = :a");
		rows.update("delete from policy_match_recipient where account_id = :a");
		int unanswered = rows.update("delete from consultation where applicant_id = :a and answer is null");
		int answered = rows.update("update consultation set applicant_id = 0 where applicant_id = :a");
		return List.of(Outcome.erased("policyProfile", profile), Outcome.erased("consultations", unanswered + answered));
	}

}
