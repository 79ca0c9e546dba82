package org.hetao.estation.notification;

import static org.hetao.estation.shared.Timestamps.ts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.shared.Jurisdiction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds applicants of their hall appointment on the working day before (the hall follows the Mainland
 * calendar). Each reminder is marked with a conditional update in the transaction that writes it, so it is
 * written once even when several nodes run the job.
 */
@Component
public class AppointmentReminders {

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final WorkingCalendars calendars;

	private final TransactionTemplate tx;

	private final Clock clock;

	AppointmentReminders(JdbcClient jdbc, Notifications notifications, WorkingCalendars calendars,
			TransactionTemplate tx, Clock clock) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.calendars = calendars;
		this.tx = tx;
		this.clock = clock;
	}

	record Due(String code, long accountId, String itemCode, Instant startsAt) {
	}

	@Scheduled(cron = "${estation.notification.reminder-cron:0 0 9-17 * * *}", zone = org.hetao.estation.shared.Zone.NAME)
	void scheduled() {
		remind();
	}

	/** Writes the reminders due today; returns how many. */
	public int remind() {
		LocalDate today = LocalDate.now(clock);
		int count = 0;
		var upcoming = jdbc.sql("select code, account_id, item_code, starts_at from notification_appointment where reminded_at is null and starts_at > :now")
			.param("now", ts(clock.instant()))
			.query((rs, i) -> new Due(rs.getString(1), rs.getLong(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class).toInstant()))
			.list();
		for (Due due : upcoming) {
			LocalDate day = due.startsAt().atZone(NotificationEvents.ZONE).toLocalDate();
			if (!ReminderDay.due(day, today, calendars, Jurisdiction.CN)) {
				continue;
			}
			// TransactionTemplate (CONVENTIONS): a batch, one committed transaction per reminder
			Boolean written = tx.execute(s -> {
				int claimed = jdbc.sql("update notification_appointment set reminded_at = :now where code = :c and reminded_at is null")
					.param("now", ts(clock.instant()))
					.param("c", due.code())
					.update();
				if (claimed == 0) {
					return false;
				}
				String when = NotificationEvents.at(due.startsAt());
				notifications.toAccount(due.accountId(), "appointmentReminder", l -> new Object[] { due.code(), when },
						"/hall/appointments", due.code());
				return true;
			});
			if (Boolean.TRUE.equals(written)) {
				count++;
			}
		}
		return count;
	}

}
