package org.hetao.estation.hall.internal;

import static org.hetao.estation.shared.Timestamps.instant;
import static org.hetao.estation.shared.Timestamps.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hetao.estation.shared.Problem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bookings of meeting rooms and exhibition spaces by enterprises. Two bookings of one resource never
 * overlap: each booking is checked and inserted while holding the resource's lock row (an update of
 * {@code hall_room}), which serialises bookers of the same room on every node.
 */
@Service
public class RoomBookings {

	public enum Status {
		PENDING, APPROVED, REJECTED, CANCELLED;

		public boolean holdsTheRoom() {
			return this == PENDING || this == APPROVED;
		}
	}

	public record Booking(long id, String roomCode, long bookerId, String bookerName, Instant start, Instant end,
			String purpose, int attendees, Status status, Instant createdAt) {
	}

	/** What an enterprise asks for; validated field by field. */
	public record Request(String roomCode, LocalDate date, java.time.LocalTime from, java.time.LocalTime to,
			String purpose, Integer attendees) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final HallData.RoomCatalogue rooms;

	public RoomBookings(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			HallData.RoomCatalogue rooms) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
		this.rooms = rooms;
	}

	public List<Room> rooms() {
		return rooms.rooms();
	}

	public Room room(String code) {
		return rooms.room(code).orElseThrow(() -> Problem.notFound("hall.error.noSuchRoom"));
	}

	public Booking book(long bookerId, String bookerName, boolean enterprise, Request request) {
		if (!enterprise) {
			throw Problem.forbidden("hall.error.enterprisesOnly");
		}
		Room room = room(request.roomCode());
		List<Problem.FieldError> errors = new ArrayList<>();
		if (request.date() == null) {
			errors.add(new Problem.FieldError("date", "hall.field.required"));
		}
		if (request.from() == null) {
			errors.add(new Problem.FieldError("from", "hall.field.required"));
		}
		if (request.to() == null) {
			errors.add(new Problem.FieldError("to", "hall.field.required"));
		}
		if (request.purpose() == null || request.purpose().isBlank()) {
			errors.add(new Problem.FieldError("purpose", "hall.field.required"));
		}
		else if (request.purpose().length() > 500) {
			errors.add(new Problem.FieldError("purpose", "hall.field.tooLong", 500));
		}
		if (request.attendees() == null || request.attendees() < 1 || request.attendees() > room.capacity()) {
			errors.add(new Problem.FieldError("attendees", "hall.rooms.attendees.range", room.capacity()));
		}
		if (request.from() != null && request.to() != null) {
			if (!request.to().isAfter(request.from())) {
				errors.add(new Problem.FieldError("to", "hall.rooms.to.afterFrom"));
			}
			else if (request.from().isBefore(room.opens()) || request.to().isAfter(room.closes())) {
				errors.add(new Problem.FieldError("from", "hall.rooms.outsideHours", room.opens(), room.closes()));
			}
		}
		if (request.date() != null && request.from() != null
				&& !ZonedDateTime.of(LocalDateTime.of(request.date(), request.from()), clock.getZone())
					.toInstant()
					.isAfter(clock.instant())) {
			errors.add(new Problem.FieldError("date", "hall.rooms.inThePast"));
		}
		if (!errors.isEmpty()) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "hall.error.invalidBooking", errors);
		}
		Instant start = ZonedDateTime.of(LocalDateTime.of(request.date(), request.from()), clock.getZone()).toInstant();
		Instant end = ZonedDateTime.of(LocalDateTime.of(request.date(), request.to()), clock.getZone()).toInstant();
		return book(room, bookerId, bookerName, new TimeRange(start, end), request.purpose().strip(), request.attendees());
	}

	Booking book(Room room, long bookerId, String bookerName, TimeRange range, String purpose, int attendees) {
		// TransactionTemplate (CONVENTIONS): the room's lock row is created before, outside the transaction (a duplicate
		// insert there would abort it on PostgreSQL); then the lock, the overlap check and the insert are one transaction
		ensureLockRow(room.code());
		Long id = tx.execute(s -> {
			// The lock row: concurrent bookers of this room wait here until this transaction ends.
			jdbc.sql("update hall_room set lock_count = lock_count + 1 where code = ?").param(room.code()).update();
			boolean taken = jdbc.sql("""
					select start_at, end_at from hall_room_booking
					where room_code = ? and status in ('PENDING', 'APPROVED') and start_at < ? and end_at > ?""")
				.params(room.code(), ts(range.end()), ts(range.start()))
				.query((rs, i) -> new TimeRange(instant(rs, "start_at"), instant(rs, "end_at")))
				.list()
				.stream()
				.anyMatch(range::overlaps);
			boolean eventThere = jdbc.sql("select count(*) from hall_event where room_code = ? and start_at < ? and end_at > ?")
				.params(room.code(), ts(range.end()), ts(range.start()))
				.query(Integer.class)
				.single() > 0;
			if (taken || eventThere) {
				throw Problem.conflict("hall.error.roomTaken");
			}
			var keys = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into hall_room_booking (room_code, booker_id, booker_name, start_at, end_at, purpose, attendees, status, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(room.code(), bookerId, bookerName, ts(range.start()), ts(range.end()), purpose, attendees,
						(room.approvalRequired() ? Status.PENDING : Status.APPROVED).name(), ts(clock.instant()))
				.update(keys, "id");
			return keys.getKey().longValue();
		});
		return byId(id);
	}

	void ensureLockRow(String code) {
		boolean exists = jdbc.sql("select count(*) from hall_room where code = ?").param(code).query(Integer.class).single() > 0;
		if (!exists) {
			try {
				jdbc.sql("insert into hall_room (code, lock_count) values (?, 0)").param(code).update();
			}
			catch (DuplicateKeyException createdByAnother) {
				// fine
			}
		}
	}

	public Booking byId(long id) {
		return jdbc.sql("select * from hall_room_booking where id = ?")
			.param(id)
			.query(RoomBookings::booking)
			.optional()
			.orElseThrow(() -> Problem.notFound("hall.error.noSuchBooking"));
	}

	/** Object-level check: the booker's own booking, or "not found". */
	public Booking own(long id, long bookerId) {
		Booking booking = byId(id);
		if (booking.bookerId() != bookerId) {
			throw Problem.notFound("hall.error.noSuchBooking");
		}
		return booking;
	}

	public Booking cancel(long id, long bookerId) {
		Booking booking = own(id, bookerId);
		if (!booking.status().holdsTheRoom() || !booking.start().isAfter(clock.instant())) {
			throw Problem.conflict("hall.error.bookingNotCancellable");
		}
		changeStatus(booking, "CANCELLED", null);
		return byId(id);
	}

	/** The hall manager approves or rejects a booking of a resource that needs approval. */
	public Booking decide(long id, boolean approve, long managerId) {
		Booking booking = byId(id);
		if (booking.status() != Status.PENDING) {
			throw Problem.conflict("hall.error.bookingNotPending");
		}
		changeStatus(booking, approve ? "APPROVED" : "REJECTED", managerId);
		return byId(id);
	}

	private void changeStatus(Booking booking, String status, Long managerId) {
		int updated = jdbc.sql("update hall_room_booking set status = ?, decided_by = ?, decided_at = ? where id = ? and status = ?")
			.params(status, managerId, ts(clock.instant()), booking.id(), booking.status().name())
			.update();
		if (updated != 1) {
			throw Problem.conflict("hall.error.bookingChanged");
		}
	}

	public List<Booking> mine(long bookerId) {
		return jdbc.sql("select * from hall_room_booking where booker_id = ? order by start_at desc")
			.param(bookerId)
			.query(RoomBookings::booking)
			.list();
	}

	public List<Booking> pending() {
		return jdbc.sql("select * from hall_room_booking where status = 'PENDING' and start_at > ? order by start_at")
			.param(ts(clock.instant()))
			.query(RoomBookings::booking)
			.list();
	}

	/** The bookings holding a room on a day (what others see: times only, not who). */
	public List<Booking> onDay(String roomCode, LocalDate day) {
		Instant from = day.atStartOfDay(clock.getZone()).toInstant();
		Instant to = day.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
		return jdbc.sql("select * from hall_room_booking where room_code = ? and status in ('PENDING', 'APPROVED') and start_at < ? and end_at > ? order by start_at")
			.params(roomCode, ts(to), ts(from))
			.query(RoomBookings::booking)
			.list();
	}

	/** Share of each room's opening hours taken by approved bookings on a day, in percent. */
	public Map<Room, Integer> occupancy(LocalDate day) {
		Map<Room, Integer> result = new LinkedHashMap<>();
		for (Room room : rooms()) {
			long open = Duration.between(room.opens(), room.closes()).toMinutes();
			long used = onDay(room.code(), day).stream()
				.filter(b -> b.status() == Status.APPROVED)
				.mapToLong(b -> Duration.between(b.start(), b.end()).toMinutes())
				.sum();
			result.put(room, open <= 0 ? 0 : (int) Math.min(100, Math.round(100.0 * used / open)));
		}
		return result;
	}

	static Booking booking(ResultSet rs, int row) throws SQLException {
		return new Booking(rs.getLong("id"), rs.getString("room_code"), rs.getLong("booker_id"),
				rs.getString("booker_name"), instant(rs, "start_at"), instant(rs, "end_at"), rs.getString("purpose"),
				rs.getInt("attendees"), Status.valueOf(rs.getString("status")), instant(rs, "created_at"));
	}

}
