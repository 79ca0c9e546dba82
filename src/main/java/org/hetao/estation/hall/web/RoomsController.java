package org.hetao.estation.hall.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;

import org.hetao.estation.hall.internal.ExhibitionEvents;
import org.hetao.estation.hall.internal.Room;
import org.hetao.estation.hall.internal.RoomBookings;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.Problem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Rooms and spaces (商務洽談 · 展示交流) and the events held in them. Anyone sees the rooms, their free
 * times and the events; signed-in enterprises book rooms; signed-in users register for events.
 */
@Controller
class RoomsController {

	private final RoomBookings rooms;

	private final ExhibitionEvents events;

	private final Clock clock;

	RoomsController(RoomBookings rooms, ExhibitionEvents events, Clock clock) {
		this.rooms = rooms;
		this.events = events;
		this.clock = clock;
	}

	static class BookingForm {

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate date;

		@DateTimeFormat(pattern = "HH:mm")
		private LocalTime from;

		@DateTimeFormat(pattern = "HH:mm")
		private LocalTime to;

		private String purpose;

		private Integer attendees;

		public LocalDate getDate() {
			return date;
		}

		public void setDate(LocalDate date) {
			this.date = date;
		}

		public LocalTime getFrom() {
			return from;
		}

		public void setFrom(LocalTime from) {
			this.from = from;
		}

		public LocalTime getTo() {
			return to;
		}

		public void setTo(LocalTime to) {
			this.to = to;
		}

		public String getPurpose() {
			return purpose;
		}

		public void setPurpose(String purpose) {
			this.purpose = purpose;
		}

		public Integer getAttendees() {
			return attendees;
		}

		public void setAttendees(Integer attendees) {
			this.attendees = attendees;
		}

	}

	@GetMapping("/hall/rooms")
	String rooms(Model model) {
		model.addAttribute("rooms", rooms.rooms());
		CurrentUser.get().ifPresent(u -> model.addAttribute("myBookings", rooms.mine(u.id())));
		return "hall/rooms";
	}

	@GetMapping("/hall/rooms/{code}")
	String room(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
		BookingForm form = new BookingForm();
		form.setDate(date == null ? LocalDate.now(clock).plusDays(1) : date);
		model.addAttribute("form", form);
		return roomPage(code, form, model);
	}

	private String roomPage(String code, BookingForm form, Model model) {
		Room room = rooms.room(code);
		LocalDate day = form.getDate() == null ? LocalDate.now(clock) : form.getDate();
		model.addAttribute("room", room);
		model.addAttribute("day", day);
		model.addAttribute("busy", rooms.onDay(code, day));
		EstationUser user = CurrentUser.get().orElse(null);
		model.addAttribute("mayBook", user != null && user.applicantType() != null && user.applicantType().isEnterprise());
		return "hall/room";
	}

	@PostMapping("/hall/rooms/{code}/bookings")
	String processBooking(@PathVariable String code, @ModelAttribute("form") BookingForm form, BindingResult result,
			Model model, RedirectAttributes flash) {
		EstationUser user = CurrentUser.require();
		if (result.hasErrors()) {
			return roomPage(code, form, model);
		}
		try {
			RoomBookings.Booking booking = rooms.book(user.id(), user.displayName(),
					user.applicantType() != null && user.applicantType().isEnterprise(),
					new RoomBookings.Request(code, form.getDate(), form.getFrom(), form.getTo(), form.getPurpose(),
							form.getAttendees()));
			flash.addFlashAttribute("bookedStatus", booking.status().name());
			return "redirect:/hall/rooms";
		}
		catch (Problem problem) {
			if (problem.kind() == Problem.Kind.NOT_FOUND) {
				throw problem;
			}
			ProblemFields.bind(problem, result);
			return roomPage(code, form, model);
		}
	}

	@PostMapping("/hall/rooms/bookings/{id}/cancel")
	String cancelBooking(@PathVariable long id, RedirectAttributes flash) {
		rooms.cancel(id, CurrentUser.require().id());
		flash.addFlashAttribute("bookingCancelled", true);
		return "redirect:/hall/rooms";
	}

	// ---------------------------------------------------------------- events

	@GetMapping("/hall/events")
	String events(Model model) {
		model.addAttribute("events", events.upcoming());
		return "hall/events";
	}

	@GetMapping("/hall/events/{id}")
	String event(@PathVariable long id, Model model) {
		ExhibitionEvents.Event event = events.event(id);
		model.addAttribute("event", event);
		model.addAttribute("room", rooms.room(event.roomCode()));
		EstationUser user = CurrentUser.get().orElse(null);
		if (user != null) {
			model.addAttribute("registration", events.registrationOf(id, user.id())
				.filter(r -> r.status() != ExhibitionEvents.Status.CANCELLED)
				.orElse(null));
			boolean organiser = user.username().equals(event.organiser()) || user.hasRole(Role.HALL_MANAGER);
			if (organiser) {
				model.addAttribute("attendees", events.attendees(id, user.username(), user.hasRole(Role.HALL_MANAGER)));
			}
		}
		return "hall/event";
	}

	@PostMapping("/hall/events/{id}/register")
	String register(@PathVariable long id, RedirectAttributes flash) {
		EstationUser user = CurrentUser.require();
		try {
			ExhibitionEvents.Registration r = events.register(id, user.id(), user.displayName());
			flash.addFlashAttribute("registered", r.status().name());
		}
		catch (Problem problem) {
			if (problem.kind() == Problem.Kind.NOT_FOUND) {
				throw problem;
			}
			flash.addFlashAttribute("failureKey", problem.messageKey());
		}
		return "redirect:/hall/events/" + id;
	}

	@PostMapping("/hall/events/{id}/cancel")
	String unregister(@PathVariable long id, RedirectAttributes flash) {
		events.cancel(id, CurrentUser.require().id());
		flash.addFlashAttribute("unregistered", true);
		return "redirect:/hall/events/" + id;
	}

}
