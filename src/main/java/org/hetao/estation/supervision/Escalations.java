package org.hetao.estation.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.calendar.WorkingDayClock;
import org.hetao.estation.casework.DeadlineReminders;
import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.notification.Notifications;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.Zone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalation, following every running task's clock (the same {@link WorkingDayClock} as casework's):
 * <ul>
 * <li>the department's officers are reminded when a task becomes due soon (once per deadline) and on the day
 * it is due;</li>
 * <li>the department's supervisors (and the centre's, who have no department) are told when it is overdue, and
 * again each following working day of the task's jurisdiction while it stays overdue.</li>
 * </ul>
 * A task waiting for the applicant's correction (its clock paused) is not chased. Each reminder is recorded as
 * (task, kind, day) under a unique key in the same transaction as its messages, so every node may run the job:
 * each reminder goes out exactly once, across nodes and restarts. Messages go through the notification module
 * (inbox, e-mail as each recipient chose) in the recipient's language.
 */
@Component
public class Escalations implements DeadlineReminders {

	private static final Logger log = LoggerFactory.getLogger(Escalations.class);

	private final SupervisionStore store;

	private final WorkingCalendars calendars;

	private final Accounts accounts;

	private final Notifications notifications;

	private final Catalog catalog;

	private final TransactionTemplate tx;

	private final Clock clock;

	Escalations(SupervisionStore store, WorkingCalendars calendars, Accounts accounts, Notifications notifications,
			Catalog catalog, TransactionTemplate tx, Clock clock) {
		this.store = store;
		this.calendars = calendars;
		this.accounts = accounts;
		this.notifications = notifications;
		this.catalog = catalog;
		this.tx = tx;
		this.clock = clock;
	}

	@Scheduled(cron = "${estation.supervision.escalation-cron:0 5 8-18 * * *}", zone = Zone.NAME)
	void scheduled() {
		int sent = escalate(LocalDate.now(clock.withZone(Zone.ID)));
		if (sent > 0) {
			log.info("Escalation: {} reminders sent", sent);
		}
	}

	/** Sends what is due on {@code today} and was not sent yet; returns how many reminders went out. */
	public int escalate(LocalDate today) {
		int sent = 0;
		for (TaskRecord task : store.open()) {
			DeadlineReminders.Reminder due = due(task, today);
			if (due != null && send(task, due, today)) {
				sent++;
			}
		}
		return sent;
	}

	/** What a task calls for today, if anything. */
	DeadlineReminders.Reminder due(TaskRecord task, LocalDate today) {
		if (task.clock() == null || task.taskId() == null || task.departmentCode() == null || task.paused()) {
			return null;
		}
		WorkingDayClock.Status status = task.status(today, calendars);
		return switch (status.state()) {
			case OVERDUE -> calendars.isWorkingDay(task.clock().jurisdiction(), today)
					? new DeadlineReminders.Reminder(DeadlineReminders.Kind.OVERDUE, today) : null;
			case DUE_SOON -> today.equals(status.deadline())
					? new DeadlineReminders.Reminder(DeadlineReminders.Kind.DUE_TODAY, status.deadline())
					: new DeadlineReminders.Reminder(DeadlineReminders.Kind.DUE_SOON, status.deadline());
			case ON_TIME -> today.equals(status.deadline())
					? new DeadlineReminders.Reminder(DeadlineReminders.Kind.DUE_TODAY, status.deadline()) : null;
		};
	}

	private boolean send(TaskRecord task, DeadlineReminders.Reminder reminder, LocalDate today) {
		List<EstationUser> recipients = reminder.kind() == DeadlineReminders.Kind.OVERDUE
				? accounts.supervisorsOf(task.departmentCode())
				: accounts.officersOf(task.departmentCode()).stream().filter(u -> u.hasRole(Role.OFFICER) && u.enabled()).toList();
		if (recipients.isEmpty()) {
			return false;
		}
		String template = switch (reminder.kind()) {
			case DUE_SOON -> "taskDueSoon";
			case DUE_TODAY -> "taskDueToday";
			case OVERDUE -> "taskOverdue";
		};
		String link = reminder.kind() == DeadlineReminders.Kind.OVERDUE ? "/supervision/cases/" + task.receiptNumber()
				: "/work-queue/tasks/" + task.taskId();
		long daysOver = Math.max(0, ChronoUnit.DAYS.between(task.deadline() == null ? today : task.deadline(), today));
		Function<Language, Object[]> args = language -> new Object[] { task.receiptNumber(), itemName(task, language),
				String.valueOf(task.deadline()), daysOver, departmentName(task, language) };
		try {
			// TransactionTemplate (CONVENTIONS): a batch, one committed transaction per reminder; one another node sent
			// first fails at its insert or commit and is answered below
			return Boolean.TRUE.equals(tx.execute(s -> {
				store.jdbc.sql("""
						insert into supervision_escalation (task_id, kind, on_day, receipt_number, recipients, sent_at)
						values (:t, :k, :d, :r, :n, :at)""")
					.param("t", task.taskId())
					.param("k", reminder.kind().name())
					.param("d", reminder.onDay())
					.param("r", task.receiptNumber())
					.param("n", recipients.size())
					.param("at", OffsetDateTime.ofInstant(clock.instant(), Zone.ID))
					.update();
				notifications.toAccounts(recipients.stream()
					.map(u -> new Notifications.ToAccount(u.id(), template, args, link, task.receiptNumber()))
					.toList());
				return true;
			}));
		}
		catch (DuplicateKeyException alreadySent) {
			// another node (or an earlier run) sent it: nothing more to do
			return false;
		}
		catch (org.springframework.dao.DataAccessException busy) {
			// e.g. a lock held by another node sending the same reminder: nothing was written, the next run looks again
			log.warn("Escalation of task {} ({}) postponed: {}", task.taskId(), reminder.kind(), busy.getMessage());
			return false;
		}
	}

	private String itemName(TaskRecord task, Language language) {
		return catalog.item(task.itemCode()).map(i -> i.name().in(language.locale())).orElse(task.itemCode());
	}

	private String departmentName(TaskRecord task, Language language) {
		return catalog.department(task.departmentCode()).map(d -> d.name().in(language.locale())).orElse(task.departmentCode());
	}

	@Override
	public Map<Long, Reminder> latest(Collection<Long> taskIds) {
		if (taskIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Reminder> latest = new HashMap<>();
		store.jdbc.sql("select task_id, kind, on_day from supervision_escalation where task_id in (:ids) order by sent_at, on_day")
			.param("ids", new ArrayList<>(taskIds))
			.query(rs -> {
				latest.put(rs.getLong(1), new Reminder(DeadlineReminders.Kind.valueOf(rs.getString(2)),
						rs.getObject(3, LocalDate.class)));
			});
		return latest;
	}

}
