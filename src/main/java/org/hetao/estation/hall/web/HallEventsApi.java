package org.hetao.estation.hall.web;

import java.time.Instant;
import java.util.List;

import org.hetao.estation.hall.internal.ExhibitionEvents;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.LocalizedText;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Exhibition and exchange events over the API: the programme, registrations and the attendee list. */
@RestController
@RequestMapping("/api/v1/hall")
@Tag(name = "Hall", description = "Queue tickets, windows, the live board, appointments, rooms and events of the e-Station hall")
class HallEventsApi {

	private final ExhibitionEvents events;

	HallEventsApi(ExhibitionEvents events) {
		this.events = events;
	}

	record EventView(long id, String code, LocalizedText title, LocalizedText description, String room, Instant start,
			Instant end, int capacity, int free) {
	}

	record RegistrationView(long eventId, String name, ExhibitionEvents.Status status, Instant registeredAt) {
	}

	static EventView view(ExhibitionEvents.Event e) {
		return new EventView(e.id(), e.code(), e.title(), e.description(), e.roomCode(), e.start(), e.end(),
				e.capacity(), e.free());
	}

	@GetMapping("/events")
	@Operation(summary = "Upcoming exhibition & exchange events; public")
	List<EventView> events() {
		return events.upcoming().stream().map(HallEventsApi::view).toList();
	}

	@PostMapping("/events/{id}/registrations")
	@Operation(summary = "Register for an event; on the waiting list when it is full")
	RegistrationView register(@PathVariable long id) {
		EstationUser user = CurrentUser.require();
		ExhibitionEvents.Registration r = events.register(id, user.id(), user.displayName());
		return new RegistrationView(r.eventId(), r.userName(), r.status(), r.registeredAt());
	}

	@PostMapping("/events/{id}/registrations/cancel")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Registration cancelled")
	@Operation(summary = "Cancel my registration; the first on the waiting list moves up")
	ResponseEntity<Void> unregister(@PathVariable long id) {
		events.cancel(id, CurrentUser.require().id());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/events/{id}/attendees")
	@Operation(summary = "The attendee list (the organiser and the hall manager only)")
	List<RegistrationView> attendees(@PathVariable long id) {
		EstationUser user = CurrentUser.require();
		return events.attendees(id, user.username(), user.hasRole(Role.HALL_MANAGER))
			.stream()
			.map(r -> new RegistrationView(r.eventId(), r.userName(), r.status(), r.registeredAt()))
			.toList();
	}

}
