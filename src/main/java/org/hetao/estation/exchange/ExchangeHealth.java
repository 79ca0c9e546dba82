package org.hetao.estation.exchange;

import java.time.Clock;
import java.util.List;

import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.Problem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff see of the exchange: each connected department's health and its dead letters, and redelivery.
 * Administrators and supervisors see every department; an officer only their own department (anything else
 * answers 404).
 */
@Service
public class ExchangeHealth {

	private static final List<String> PENDING = List.of(DeliveryStatus.PENDING.name(), DeliveryStatus.SENDING.name());

	private final Connections connections;

	private final ExchangeOutbox outbox;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ExchangeHealth(Connections connections, ExchangeOutbox outbox, ApplicationEventPublisher events, Clock clock) {
		this.connections = connections;
		this.outbox = outbox;
		this.events = events;
		this.clock = clock;
	}

	/** The connected departments this user may watch, with their figures. */
	public List<DepartmentHealth> health(EstationUser user) {
		return connections.all()
			.stream()
			.filter(c -> mayWatch(user, c.departmentCode()))
			.map(c -> {
				var failure = outbox.lastFailure(c.departmentCode());
				return new DepartmentHealth(c.departmentCode(), c.endpoint().getHost(),
						outbox.count(c.departmentCode(), List.of(DeliveryStatus.DELIVERED.name())),
						outbox.count(c.departmentCode(), PENDING),
						outbox.count(c.departmentCode(), List.of(DeliveryStatus.DEAD.name())),
						failure.map(ExchangeMessage::lastError).orElse(null),
						failure.map(ExchangeMessage::lastAttemptAt).orElse(null),
						outbox.lastDelivered(c.departmentCode()).orElse(null));
			})
			.toList();
	}

	/** Whether this user may see the exchange pages at all. */
	public boolean mayWatchAny(EstationUser user) {
		return user.hasRole(Role.ADMIN) || user.hasRole(Role.SUPERVISOR) || user.hasRole(Role.OFFICER);
	}

	/** A connected department's latest dead letters. */
	public List<ExchangeMessage> deadLetters(EstationUser user, String departmentCode) {
		require(user, departmentCode);
		return outbox.withStatus(departmentCode, DeliveryStatus.DEAD, 100);
	}

	/** One message, to inspect. */
	public ExchangeMessage message(EstationUser user, long id) {
		return outbox.find(id)
			.filter(m -> mayWatch(user, m.departmentCode()))
			.orElseThrow(() -> Problem.notFound("exchange.error.messageNotFound"));
	}

	/** The messages of one task (newest last), for the department it went to. */
	public List<ExchangeMessage> ofTask(EstationUser user, long taskId) {
		return outbox.ofTask(taskId).stream().filter(m -> mayWatch(user, m.departmentCode())).toList();
	}

	/** Sends a dead letter again with a fresh round of attempts; 409 when it is not (or no longer) dead. */
	@Transactional
	public ExchangeMessage redeliver(EstationUser user, long id) {
		ExchangeMessage message = message(user, id);
		if (!outbox.redeliver(id, clock.instant())) {
			throw Problem.conflict("exchange.error.notDead");
		}
		events.publishEvent(new ExchangeRedeliveryRequested(id, message.departmentCode(), message.taskId(), user.id(),
				clock.instant()));
		return outbox.find(id).orElseThrow();
	}

	private void require(EstationUser user, String departmentCode) {
		if (departmentCode == null || !connections.connected(departmentCode) || !mayWatch(user, departmentCode)) {
			throw Problem.notFound("exchange.error.departmentNotFound");
		}
	}

	private static boolean mayWatch(EstationUser user, String departmentCode) {
		return user.hasRole(Role.ADMIN) || user.hasRole(Role.SUPERVISOR)
				|| (user.hasRole(Role.OFFICER) && departmentCode.equals(user.departmentCode()));
	}

}
