package org.hetao.estation.hall.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hetao.estation.hall.internal.Appointments;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.Problem;
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

/** Appointments over the API: the free slots of a day, and an applicant's bookings. */
@RestController
@RequestMapping("/api/v1/hall")
@Tag(name = "Hall", description = "Queue tickets, windows, the live board, appointments, rooms and events of the e-Station hall")
class HallAppointmentsApi {

	private final Appointments appointments;

	HallAppointmentsApi(Appointments appointments) {
		this.appointments = appointments;
	}

	record SlotView(long id, LocalDate date, String category, Instant start, Instant end, int capacity, int remaining) {
	}

	record Book(String item, String matter, Long slotId) {
	}

	record Reschedule(Long slotId) {
	}

	record AppointmentView(long id, String code, String item, String matter, String category, LocalDate date,
			Instant start, Instant end, Appointments.Status status) {
	}

	static AppointmentView view(Appointments.Appointment a) {
		return new AppointmentView(a.id(), a.code(), a.itemCode(), a.matterCode(), a.category(), a.date(), a.start(),
				a.end(), a.status());
	}

	@GetMapping("/slots")
	@Operation(summary = "Bookable slots of a day for an item, a matter or a category, with free places; public")
	List<SlotView> slots(@RequestParam(required = false) String item, @RequestParam(required = false) String matter,
			@RequestParam(required = false) String category,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		String cat = category != null && !category.isBlank() ? category : appointments.purpose(item, matter).category();
		return appointments.slots(cat, date)
			.stream()
			.map(s -> new SlotView(s.id(), s.date(), s.category(), s.start(), s.end(), s.capacity(), s.remaining()))
			.toList();
	}

	@GetMapping("/appointments")
	@Operation(summary = "My appointments")
	List<AppointmentView> myAppointments() {
		return appointments.mine(CurrentUser.require().id()).stream().map(HallAppointmentsApi::view).toList();
	}

	@PostMapping("/appointments")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The appointment booked, with its confirmation code", useReturnTypeSchema = true)
	@Operation(summary = "Book a slot for an item or a matter; 409 when the slot is full, 403 when blocked for no-shows")
	ResponseEntity<AppointmentView> book(@RequestBody Book request) {
		EstationUser user = applicant();
		requireSlot(request.slotId());
		Appointments.Appointment a = appointments.book(user.id(), appointments.purpose(request.item(), request.matter()),
				request.slotId());
		return ResponseEntity.created(URI.create("/api/v1/hall/appointments/" + a.id())).body(view(a));
	}

	@GetMapping("/appointments/{id}")
	@Operation(summary = "One of my appointments")
	AppointmentView appointment(@PathVariable long id) {
		return view(appointments.own(id, CurrentUser.require().id()));
	}

	@PostMapping("/appointments/{id}/cancel")
	@Operation(summary = "Cancel my appointment, up to the cut-off before its slot")
	AppointmentView cancel(@PathVariable long id) {
		return view(appointments.cancel(id, CurrentUser.require().id()));
	}

	@PostMapping("/appointments/{id}/reschedule")
	@Operation(summary = "Move my appointment to another slot, up to the cut-off; the new booking has a new code")
	AppointmentView reschedule(@PathVariable long id, @RequestBody Reschedule request) {
		requireSlot(request.slotId());
		return view(appointments.reschedule(id, CurrentUser.require().id(), request.slotId()));
	}

	private static void requireSlot(Long slotId) {
		if (slotId == null) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "hall.error.slot",
					List.of(new Problem.FieldError("slotId", "hall.field.required")));
		}
	}

	private static EstationUser applicant() {
		EstationUser user = CurrentUser.require();
		if (!user.hasRole(Role.APPLICANT)) {
			throw Problem.forbidden("hall.error.applicantsOnly");
		}
		return user;
	}

}
