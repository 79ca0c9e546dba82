package org.hetao.estation.feedback;

import java.util.List;

import org.hetao.estation.shared.AccountRows;
import org.hetao.estation.shared.AccountTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An applicant's evaluations, for the export. Erasure removes the comments and unlinks the ratings from
 * the account: ratings stay, anonymous, in the service statistics (好差評 figures must not change afterwards).
 */
@Component
class FeedbackPersonalData extends AccountTables {

	FeedbackPersonalData(JdbcClient jdbc) {
		super("feedback", jdbc, new Export("evaluations", """
				select s.kind, s.reference, s.receipt_number, s.item_code, e.channel, e.rating, e.reasons, e.comment,
				       e.created_at, e.changed_at
				from feedback_evaluation e join feedback_service s on s.id = e.service_id
				where s.applicant_account_id = :a order by e.id"""));
	}

	@Override
	protected List<Outcome> erase(AccountRows rows, Retention retention) {
		int comments = rows.update("""
				update feedback_evaluation set comment = null
				where service_id in (select id from feedback_service where applicant_account_id = :a)""");
		rows.update("update feedback_service set applicant_account_id = 0 where applicant_account_id = :a");
		rows.update("update feedback_case set applicant_account_id = null where applicant_account_id = :a");
		return List.of(new Outcome("evaluations", comments == 0 ? Result.NONE : Result.ERASED, comments,
				comments == 0 ? "privacy.reason.none" : "privacy.reason.evaluationsAnonymised", List.of(String.valueOf(comments))));
	}

}
