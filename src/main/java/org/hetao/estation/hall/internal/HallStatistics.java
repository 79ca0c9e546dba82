package org.hetao.estation.hall.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;

/** The hall manager's view of a day: the queue per category, waiting times, windows, appointments, rooms. */
@Service
public class HallStatistics {

	public record CategoryFigures(String category, int issued, int served, int noShow, int waiting) {
	}

	public record Day(LocalDate day, List<CategoryFigures> categories, Duration averageWait, Duration p90Wait,
			Map<String, Integer> servedPerWindow, List<Appointments.Appointment> upcomingAppointments,
			Map<Room, Integer> roomOccupancy) {
	}

	private final QueueTickets tickets;

	private final HallSettings settings;

	private final Appointments appointments;

	private final RoomBookings rooms;

	private final Clock clock;

	public HallStatistics(QueueTickets tickets, HallSettings settings, Appointments appointments, RoomBookings rooms,
			Clock clock) {
		this.tickets = tickets;
		this.settings = settings;
		this.appointments = appointments;
		this.rooms = rooms;
		this.clock = clock;
	}

	public Day today() {
		return of(LocalDate.now(clock));
	}

	public Day of(LocalDate day) {
		List<Ticket> all = tickets.tickets(day);
		List<CategoryFigures> categories = new ArrayList<>();
		for (HallSettings.Category c : settings.categories()) {
			List<Ticket> issued = all.stream().filter(t -> t.category().equals(c.code())).toList();
			categories.add(new CategoryFigures(c.code(), issued.size(),
					(int) issued.stream().filter(t -> t.status() == Ticket.Status.SERVED).count(),
					(int) issued.stream().filter(t -> t.status() == Ticket.Status.NO_SHOW).count(),
					(int) all.stream().filter(t -> t.queueCategory().equals(c.code()) && t.status() == Ticket.Status.WAITING).count()));
		}
		List<Duration> waits = all.stream().map(Ticket::waited).filter(Objects::nonNull).toList();
		Map<String, Integer> perWindow = new LinkedHashMap<>();
		settings.windows().forEach(w -> perWindow.put(w.number(), 0));
		all.stream()
			.filter(t -> t.status() == Ticket.Status.SERVED && t.windowNumber() != null)
			.forEach(t -> perWindow.merge(t.windowNumber(), 1, Integer::sum));
		List<Appointments.Appointment> upcoming = appointments.upcoming(day)
			.stream()
			.filter(a -> a.end().isAfter(clock.instant()))
			.toList();
		return new Day(day, categories, WaitEstimate.average(waits), WaitEstimate.percentile(waits, 90), perWindow,
				upcoming, rooms.occupancy(day));
	}

}
