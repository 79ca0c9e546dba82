package org.hetao.estation.hall.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.hetao.estation.hall.internal.RoomBookings;
import org.hetao.estation.hall.internal.Room;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.LocalizedText;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Rooms over the API: what can be booked and when it is taken, an applicant's bookings, the hall manager's approvals. */
@RestController
@RequestMapping("/api/v1/hall")
@Tag(name = "Hall", description = "Queue tickets, windows, the live board, appointments, rooms and events of the e-Station hall")
class HallRoomsApi {

	private final RoomBookings rooms;

	HallRoomsApi(RoomBookings rooms) {
		this.rooms = rooms;
	}

	record RoomView(String code, String kind, LocalizedText name, int capacity, List<LocalizedText> equipment,
			boolean approvalRequired, LocalTime opens, LocalTime closes) {
	}

	record BookRoom(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, LocalTime from, LocalTime to,
			String purpose, Integer attendees) {
	}

	record BookingView(long id, String room, Instant start, Instant end, String purpose, int attendees,
			RoomBookings.Status status) {
	}

	record BusyView(Instant start, Instant end) {
	}

	static BookingView view(RoomBookings.Booking b) {
		return new BookingView(b.id(), b.roomCode(), b.start(), b.end(), b.purpose(), b.attendees(), b.status());
	}

	@GetMapping("/rooms")
	@Operation(summary = "Bookable meeting rooms and exhibition spaces; public")
	List<RoomView> rooms() {
		return rooms.rooms()
			.stream()
			.map((Room r) -> new RoomView(r.code(), r.kind(), r.name(), r.capacity(), r.equipment(), r.approvalRequired(),
					r.opens(), r.closes()))
			.toList();
	}

	@GetMapping("/rooms/{code}/bookings")
	@Operation(summary = "When a room is taken on a day (times only); public")
	List<BusyView> busy(@PathVariable String code,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		rooms.room(code);
		return rooms.onDay(code, date).stream().map(b -> new BusyView(b.start(), b.end())).toList();
	}

	@PostMapping("/rooms/{code}/bookings")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The booking, waiting for approval", useReturnTypeSchema = true)
	@Operation(summary = "Book a room for a time range (enterprises); 409 when it overlaps another booking")
	ResponseEntity<BookingView> bookRoom(@PathVariable String code, @RequestBody BookRoom request) {
		EstationUser user = CurrentUser.require();
		RoomBookings.Booking b = rooms.book(user.id(), user.displayName(),
				user.applicantType() != null && user.applicantType().isEnterprise(),
				new RoomBookings.Request(code, request.date(), request.from(), request.to(), request.purpose(),
						request.attendees()));
		return ResponseEntity.created(URI.create("/api/v1/hall/room-bookings/" + b.id())).body(view(b));
	}

	@GetMapping("/room-bookings")
	@Operation(summary = "My room bookings")
	List<BookingView> myBookings() {
		return rooms.mine(CurrentUser.require().id()).stream().map(HallRoomsApi::view).toList();
	}

	@GetMapping("/room-bookings/{id}")
	@Operation(summary = "One of my room bookings")
	BookingView booking(@PathVariable long id) {
		return view(rooms.own(id, CurrentUser.require().id()));
	}

	@PostMapping("/room-bookings/{id}/cancel")
	@Operation(summary = "Cancel my room booking")
	BookingView cancelBooking(@PathVariable long id) {
		return view(rooms.cancel(id, CurrentUser.require().id()));
	}

	@GetMapping("/manager/room-bookings")
	@Operation(summary = "Bookings waiting for approval (HALL_MANAGER)")
	List<BookingView> pending() {
		return rooms.pending().stream().map(HallRoomsApi::view).toList();
	}

	@PostMapping("/manager/room-bookings/{id}/approve")
	@Operation(summary = "Approve a booking (HALL_MANAGER)")
	BookingView approve(@PathVariable long id) {
		return view(rooms.decide(id, true, CurrentUser.require().id()));
	}

	@PostMapping("/manager/room-bookings/{id}/reject")
	@Operation(summary = "Reject a booking (HALL_MANAGER)")
	BookingView reject(@PathVariable long id) {
		return view(rooms.decide(id, false, CurrentUser.require().id()));
	}

}
