package org.hetao.estation.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hetao.estation.shared.AccountRows;
import org.hetao.estation.shared.PersonalDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An applicant's notifications and channel choices, for the export; erasure removes those already sent or read. */
@Component
class NotificationPersonalData implements PersonalDataContributor {

	/** For the rotation job. */
	@org.springframework.context.annotation.Bean
	static org.hetao.estation.shared.EncryptedColumn notificationRecipient() {
		return Outbox.RECIPIENT;
	}

	private final JdbcClient jdbc;

	NotificationPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "notification";
	}

	@Override
	public Map<String, Object> export(long accountId) {
		AccountRows rows = new AccountRows(jdbc, accountId);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("notifications", rows.list("""
				select channel, template, language, recipient_masked, subject, body, link, status, created_at, sent_at, read_at
				from notification where account_id = :a order by id"""));
		out.put("preferences", rows.list("select email, sms, inbox, updated_at from notification_preference where account_id = :a"));
		return out;
	}

	@Override
	public List<Outcome> erase(long accountId, Retention retention) {
		AccountRows rows = new AccountRows(jdbc, accountId);
		int notifications = rows.update("delete from notification where account_id = :a and status <> 'PENDING'");
		int preferences = rows.update("delete from notification_preference where account_id = :a");
		return List.of(Outcome.erased("notifications", notifications + preferences));
	}

}
