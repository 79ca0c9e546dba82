package org.hetao.estation.hall.internal;

import static org.hetao.estation.shared.Timestamps.instant;
import static org.hetao.estation.shared.Timestamps.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hetao.estation.shared.LocalizedText;
import org.hetao.estation.shared.Problem;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;

/**
 * Exhibition &amp; exchange events (展示交流): registration up to capacity, then a waiting list that moves
 * up when someone cancels. A place is taken with a conditional update of the event's count
 * ({@code registered < capacity}), so concurrent registrations never exceed it.
 */
@Service
public class ExhibitionEvents {

	public enum Status {
		REGISTERED, WAITLISTED, CANCELLED
	}

	public record Event(long id, String code, LocalizedText title, LocalizedText description, String roomCode,
			Instant start, Instant end, int capacity, String organiser, int registered) {

		public int free() {
			return Math.max(capacity - registered, 0);
		}

	}

	public record Registration(long id, long eventId, long userId, String userName, Status status,
			Instant registeredAt) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final HallData.EventSeeds seeds;

	private final HallData.RoomCatalogue rooms;

	public ExhibitionEvents(JdbcClient jdbc, Clock clock,
			HallData.EventSeeds seeds, HallData.RoomCatalogue rooms) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.seeds = seeds;
		this.rooms = rooms;
	}

	/** The demo events from {@code hall/events.json}, dated relative to today, created once. */
	@EventListener(ApplicationReadyEvent.class)
	public void seed() {
		LocalDate today = LocalDate.now(clock);
		for (HallData.EventSeed seed : seeds.events()) {
			if (rooms.room(seed.room()).isEmpty()) {
				throw new IllegalStateException("Event " + seed.code() + " is in an unknown room " + seed.room());
			}
			LocalDate day = today.plusDays(seed.daysFromToday());
			create(seed.code(), seed.title(), seed.description(), seed.room(),
					day.atTime(seed.starts()).atZone(clock.getZone()).toInstant(),
					day.atTime(seed.ends()).atZone(clock.getZone()).toInstant(), seed.capacity(), seed.organiser());
		}
	}

	/** Creates an event unless one with this code exists. */
	public void create(String code, LocalizedText title, LocalizedText description, String room, Instant start,
			Instant end, int capacity, String organiser) {
		boolean exists = jdbc.sql("select count(*) from hall_event where code = ?").param(code).query(Integer.class).single() > 0;
		if (exists) {
			return;
		}
		try {
			jdbc.sql("""
					insert into hall_event (code, title, description, room_code, start_at, end_at, capacity, organiser, registered)
					values (?, ?, ?, ?, ?, ?, ?, ?, 0)""")
				.params(code, HallData.JSON.writeValueAsString(title), HallData.JSON.writeValueAsString(description), room,
						ts(start), ts(end), capacity, organiser)
				.update();
		}
		catch (DuplicateKeyException another) {
			// created by another node
		}
	}

	public List<Event> upcoming() {
		return jdbc.sql("select * from hall_event where end_at > ? order by start_at")
			.param(ts(clock.instant()))
			.query(ExhibitionEvents::event)
			.list();
	}

	public Event event(long id) {
		return jdbc.sql("select * from hall_event where id = ?")
			.param(id)
			.query(ExhibitionEvents::event)
			.optional()
			.orElseThrow(() -> Problem.notFound("hall.error.noSuchEvent"));
	}

	public Optional<Registration> registrationOf(long eventId, long userId) {
		return jdbc.sql("select * from hall_event_registration where event_id = ? and user_id = ?")
			.params(eventId, userId)
			.query(ExhibitionEvents::registration)
			.optional();
	}

	/** Registers, or puts on the waiting list when the event is full. */
	@Transactional
	public Registration register(long eventId, long userId, String userName) {
		Event event = event(eventId);
		if (!event.start().isAfter(clock.instant())) {
			throw Problem.conflict("hall.error.eventStarted");
		}
		Optional<Registration> existing = registrationOf(eventId, userId);
		if (existing.isPresent() && existing.get().status() != Status.CANCELLED) {
			throw Problem.conflict("hall.error.alreadyRegistered");
		}
		int seat = jdbc.sql("update hall_event set registered = registered + 1 where id = ? and registered < capacity")
			.param(eventId)
			.update();
		Status status = seat == 1 ? Status.REGISTERED : Status.WAITLISTED;
		if (existing.isPresent()) {
			int updated = jdbc.sql("update hall_event_registration set status = ?, registered_at = ?, changed_at = ? where id = ? and status = 'CANCELLED'")
				.params(status.name(), ts(clock.instant()), ts(clock.instant()), existing.get().id())
				.update();
			if (updated != 1) {
				throw Problem.conflict("hall.error.alreadyRegistered");
			}
		}
		else {
			jdbc.sql("insert into hall_event_registration (event_id, user_id, user_name, status, registered_at) values (?, ?, ?, ?, ?)")
				.params(eventId, userId, userName, status.name(), ts(clock.instant()))
				.update();
		}
		return registrationOf(eventId, userId).orElseThrow();
	}

	/** Cancels; a freed place goes to the first on the waiting list. */
	@Transactional
	public void cancel(long eventId, long userId) {
		Registration registration = registrationOf(eventId, userId)
			.filter(r -> r.status() != Status.CANCELLED)
			.orElseThrow(() -> Problem.notFound("hall.error.noSuchRegistration"));
		int updated = jdbc.sql("update hall_event_registration set status = 'CANCELLED', changed_at = ? where id = ? and status = ?")
			.params(ts(clock.instant()), registration.id(), registration.status().name())
			.update();
		if (updated != 1) {
			throw Problem.conflict("hall.error.registrationChanged");
		}
		if (registration.status() != Status.REGISTERED) {
			return;
		}
		List<Long> waiting = jdbc.sql("select id from hall_event_registration where event_id = ? and status = 'WAITLISTED' order by registered_at, id")
			.param(eventId)
			.query(Long.class)
			.list();
		for (long next : waiting) {
			int promoted = jdbc.sql("update hall_event_registration set status = 'REGISTERED', changed_at = ? where id = ? and status = 'WAITLISTED'")
				.params(ts(clock.instant()), next)
				.update();
			if (promoted == 1) {
				return; // the place passes on: the count stays
			}
		}
		jdbc.sql("update hall_event set registered = registered - 1 where id = ? and registered > 0").param(eventId).update();
	}

	/** The attendee list, for the organiser and the hall manager only. */
	public List<Registration> attendees(long eventId, String username, boolean hallManager) {
		Event event = event(eventId);
		if (!hallManager && !event.organiser().equals(username)) {
			throw Problem.forbidden("hall.error.notOrganiser");
		}
		return jdbc.sql("select * from hall_event_registration where event_id = ? and status <> 'CANCELLED' order by status, registered_at, id")
			.param(eventId)
			.query(ExhibitionEvents::registration)
			.list();
	}

	static Event event(ResultSet rs, int row) throws SQLException {
		return new Event(rs.getLong("id"), rs.getString("code"), text(rs.getString("title")),
				text(rs.getString("description")), rs.getString("room_code"), instant(rs, "start_at"),
				instant(rs, "end_at"), rs.getInt("capacity"), rs.getString("organiser"), rs.getInt("registered"));
	}

	private static LocalizedText text(String json) {
		return LocalizedText.fromMap(HallData.JSON.readValue(json, new TypeReference<Map<String, String>>() {
		}));
	}

	static Registration registration(ResultSet rs, int row) throws SQLException {
		return new Registration(rs.getLong("id"), rs.getLong("event_id"), rs.getLong("user_id"), rs.getString("user_name"),
				Status.valueOf(rs.getString("status")), instant(rs, "registered_at"));
	}

}
