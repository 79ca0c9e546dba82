package org.hetao.estation.hall.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.hetao.estation.hall.HallQueue;
import org.springframework.stereotype.Service;

/** Queue figures for other modules, and the queue-length gauge for operations. */
@Service
class HallQueueFigures implements HallQueue {

	private final QueueTickets tickets;

	private final HallSettings settings;

	private final Clock clock;

	HallQueueFigures(QueueTickets tickets, HallSettings settings, Clock clock, MeterRegistry meters) {
		this.tickets = tickets;
		this.settings = settings;
		this.clock = clock;
		Gauge.builder("estation.queue.waiting", this, HallQueueFigures::waitingNow)
			.description("Queue tickets waiting to be called today")
			.register(meters);
	}

	@Override
	public Waits waits(LocalDate from, LocalDate to) {
		List<Ticket> all = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			all.addAll(tickets.tickets(day));
		}
		List<CategoryWaits> categories = new ArrayList<>();
		for (HallSettings.Category c : settings.categories()) {
			List<Ticket> issued = all.stream().filter(t -> t.category().equals(c.code())).toList();
			List<Duration> waits = issued.stream().map(Ticket::waited).filter(Objects::nonNull).toList();
			categories.add(new CategoryWaits(c.code(), issued.size(), count(issued, Ticket.Status.SERVED),
					count(issued, Ticket.Status.NO_SHOW), WaitEstimate.average(waits), WaitEstimate.percentile(waits, 90)));
		}
		List<Duration> waits = all.stream().map(Ticket::waited).filter(Objects::nonNull).toList();
		return new Waits(from, to, all.size(), count(all, Ticket.Status.SERVED), count(all, Ticket.Status.NO_SHOW),
				WaitEstimate.average(waits), WaitEstimate.percentile(waits, 90), categories);
	}

	@Override
	public int waitingNow() {
		return count(tickets.tickets(LocalDate.now(clock)), Ticket.Status.WAITING);
	}

	private static int count(List<Ticket> tickets, Ticket.Status status) {
		return (int) tickets.stream().filter(t -> t.status() == status).count();
	}

}
