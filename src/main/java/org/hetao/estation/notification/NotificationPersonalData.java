package org.hetao.estation.notification;

import java.util.List;

import org.hetao.estation.shared.AccountRows;
import org.hetao.estation.shared.AccountTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An applicant's notifications and channel choices, for the export; erasure removes those already sent or read. */
@Component
class NotificationPersonalData extends AccountTables {

	/** For the rotation job. */
	@org.springframework.context.annotation.Bean
	static org.hetao.estation.shared.EncryptedColumn notificationRecipient() {
		return Outbox.RECIPIENT;
	}

	NotificationPersonalData(JdbcClient jdbc) {
		super("notification", jdbc, new Export("notifications", """
				select channel, template, language, recipient_masked, subject, body, link, status, created_at, sent_at, read_at
				from notification where account_id = :a order by id"""),
				new Export("preferences", "select email, sms, inbox, updated_at from notification_preference where account_id = :a"));
	}

	@Override
	protected List<Outcome> erase(AccountRows rows, Retention retention) {
		int notifications = rows.update("delete from notification where account_id = :a and status <> 'PENDING'");
		int preferences = rows.update("delete from notification_preference where account_id = :a");
		return List.of(Outcome.erased("notifications", notifications + preferences));
	}

}
