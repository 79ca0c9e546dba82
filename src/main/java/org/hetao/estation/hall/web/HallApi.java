package org.hetao.estation.hall.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.hetao.estation.hall.internal.Appointments;
import org.hetao.estation.hall.internal.Board;
import org.hetao.estation.hall.internal.ExhibitionEvents;
import org.hetao.estation.hall.internal.HallSettings;
import org.hetao.estation.hall.internal.HallStatistics;
import org.hetao.estation.hall.internal.QueueTickets;
import org.hetao.estation.hall.internal.RoomBookings;
import org.hetao.estation.hall.internal.Room;
import org.hetao.estation.hall.internal.Ticket;
import org.hetao.estation.hall.internal.WindowSessions;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.LocalizedText;
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

/** The hall's REST API: queue tickets, calling, the board, appointment slots and bookings, rooms and events. */
@RestController
@RequestMapping("/api/v1/hall")
@Tag(name = "Hall", description = "Queue tickets, windows, the live board, appointments, rooms and events of the e-Station hall")
class HallApi {

	private final QueueTickets tickets;

	private final WindowSessions sessions;

	private final Board board;

	private final Appointments appointments;

	private final RoomBookings rooms;

	private final ExhibitionEvents events;

	private final HallStatistics statistics;

	private final HallSettings settings;

	HallApi(QueueTickets tickets, WindowSessions sessions, Board board, Appointments appointments, RoomBookings rooms,
			ExhibitionEvents events, HallStatistics statistics, HallSettings settings) {
		this.tickets = tickets;
		this.sessions = sessions;
		this.board = board;
		this.appointments = appointments;
		this.rooms = rooms;
		this.events = events;
		this.statistics = statistics;
		this.settings = settings;
	}

	// ---------------------------------------------------------------- configuration

	record CategoryView(String code, LocalizedText name, boolean appointments) {
	}

	record WindowView(String number, LocalizedText name, String kind, List<String> categories, LocalTime opens,
			LocalTime closes) {
	}

	@GetMapping("/categories")
	@Operation(summary = "Ticket categories (A comprehensive, B customs & trade, C vehicles & traffic, D finance/legal/accounting, V appointment holders)")
	List<CategoryView> categories() {
		return settings.categories().stream().map(c -> new CategoryView(c.code(), c.name(), c.appointments())).toList();
	}

	@GetMapping("/windows")
	@Operation(summary = "The hall's windows and the categories each serves")
	List<WindowView> windows() {
		return settings.windows()
			.stream()
			.map(w -> new WindowView(w.number(), w.name(), w.kind(), w.categories(), w.opens(), w.closes()))
			.toList();
	}

	// ---------------------------------------------------------------- tickets

	record IssueTicket(String category, String phone, Ticket.PriorityReason priority) {
	}

	record CheckIn(String code) {
	}

	record TicketView(String number, String category, String queueCategory, Ticket.Status status,
			Ticket.PriorityReason priority, String token, Instant issuedAt, Integer peopleAhead, Long estimatedMinutes,
			String window, String phone, Instant slotStart, Instant slotEnd, List<String> caseReceipts, Long id) {
	}

	private TicketView view(Ticket t, boolean withId) {
		QueueTickets.Position p = tickets.position(t);
		boolean waiting = t.status() == Ticket.Status.WAITING;
		return new TicketView(t.displayNumber(), t.category(), t.queueCategory(), t.status(), t.priorityReason(),
				t.token(), t.issuedAt(), waiting ? p.ahead() : null, waiting ? p.estimatedMinutes() : null,
				t.windowNumber(), t.phoneMasked(), t.slotStart(), t.slotEnd(), t.caseReceipts(), withId ? t.id() : null);
	}

	@PostMapping("/tickets")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The ticket taken", useReturnTypeSchema = true)
	@Operation(summary = "Take a ticket (kiosk); public", description = "Numbers restart each day per category: A001, A002…")
	ResponseEntity<TicketView> issue(@RequestBody IssueTicket request) {
		Ticket t = tickets.issue(request.category(), request.phone(), request.priority());
		return ResponseEntity.created(URI.create("/api/v1/hall/tickets/" + t.token())).body(view(t, false));
	}

	@PostMapping("/tickets/check-in")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The V ticket of the appointment", useReturnTypeSchema = true)
	@Operation(summary = "Check in an appointment with its confirmation code for a V ticket; public")
	ResponseEntity<TicketView> checkIn(@RequestBody CheckIn request) {
		Ticket t = appointments.checkIn(request.code());
		return ResponseEntity.created(URI.create("/api/v1/hall/tickets/" + t.token())).body(view(t, false));
	}

	@GetMapping("/tickets/{token}")
	@Operation(summary = "A ticket by its token: status, people ahead and estimated wait")
	TicketView ticket(@PathVariable String token) {
		return view(tickets.byToken(token).orElseThrow(() -> Problem.notFound("hall.error.noSuchTicket")), false);
	}

	// ---------------------------------------------------------------- counter (clerks)

	record SignIn(String window) {
	}

	record Finish(List<String> caseReceipts) {
	}

	record Transfer(String toCategory, String toWindow) {
	}

	record CounterView(String window, TicketView current) {
	}

	@PostMapping("/counter/sign-in")
	@Operation(summary = "Sign in at a window for the shift (CLERK)")
	CounterView signIn(@RequestBody SignIn request) {
		EstationUser clerk = CurrentUser.require();
		sessions.signIn(request.window(), clerk.id(), clerk.displayName());
		return counter();
	}

	@PostMapping("/counter/sign-out")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Signed out of the window")
	@Operation(summary = "Leave the window (CLERK)")
	ResponseEntity<Void> signOut() {
		sessions.signOut(CurrentUser.require().id());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/counter")
	@Operation(summary = "The clerk's window and its current ticket (CLERK)")
	CounterView counter() {
		EstationUser clerk = CurrentUser.require();
		String window = sessions.windowOf(clerk.id()).orElse(null);
		Ticket current = window == null ? null : tickets.current(window).orElse(null);
		return new CounterView(window, current == null ? null : view(current, true));
	}

	@PostMapping("/counter/call-next")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The ticket called", useReturnTypeSchema = true)
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Nobody waits for this window")
	@Operation(summary = "Call the next ticket the clerk's window may serve (CLERK); 204 when nobody waits",
			description = "Appointment holders within their slot first, then priority tickets, then first come first served. A ticket is never called twice.")
	ResponseEntity<TicketView> callNext() {
		EstationUser clerk = CurrentUser.require();
		String window = sessions.windowOf(clerk.id()).orElseThrow(() -> Problem.forbidden("hall.error.notAtWindow", "-"));
		return tickets.callNext(window, clerk.id())
			.map(t -> ResponseEntity.ok(view(t, true)))
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@PostMapping("/counter/tickets/{id}/recall")
	@Operation(summary = "Call the current ticket again (CLERK)")
	TicketView recall(@PathVariable long id) {
		return view(tickets.recall(id, CurrentUser.require().id()), true);
	}

	@PostMapping("/counter/tickets/{id}/start")
	@Operation(summary = "Start serving the called ticket (CLERK)")
	TicketView start(@PathVariable long id) {
		return view(tickets.startService(id, CurrentUser.require().id()), true);
	}

	@PostMapping("/counter/tickets/{id}/finish")
	@Operation(summary = "Finish the service, linking the case receipt numbers handled (CLERK)")
	TicketView finish(@PathVariable long id, @RequestBody(required = false) Finish request) {
		return view(tickets.finish(id, CurrentUser.require().id(), request == null ? List.of() : request.caseReceipts()), true);
	}

	@PostMapping("/counter/tickets/{id}/no-show")
	@Operation(summary = "The called applicant did not come (CLERK)")
	TicketView noShow(@PathVariable long id) {
		return view(tickets.noShow(id, CurrentUser.require().id()), true);
	}

	@PostMapping("/counter/tickets/{id}/transfer")
	@Operation(summary = "Send the ticket to another category or window (CLERK); it keeps its number")
	TicketView transfer(@PathVariable long id, @RequestBody Transfer request) {
		return view(tickets.transfer(id, CurrentUser.require().id(), request.toCategory(), request.toWindow()), true);
	}

	// ---------------------------------------------------------------- board

	record BoardCall(String number, String window, boolean recall, Instant calledAt) {
	}

	record BoardView(LocalDate day, List<BoardCall> latestPerWindow, List<BoardCall> recent, Map<String, Integer> waiting) {
	}

	@GetMapping("/board")
	@Operation(summary = "What the hall's board shows: the latest call per window and waiting counts per category")
	BoardView board() {
		Board.Snapshot s = board.snapshot();
		return new BoardView(s.day(),
				s.latestPerWindow().stream().map(c -> new BoardCall(c.displayNumber(), c.windowNumber(), c.recall(), c.calledAt())).toList(),
				s.recent().stream().map(c -> new BoardCall(c.displayNumber(), c.windowNumber(), c.recall(), c.calledAt())).toList(),
				s.waiting());
	}

	// ---------------------------------------------------------------- appointments

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
		return appointments.mine(CurrentUser.require().id()).stream().map(HallApi::view).toList();
	}

	@PostMapping("/appointments")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The appointment booked, with its confirmation code", useReturnTypeSchema = true)
	@Operation(summary = "Book a slot for an item or a matter; 409 when the slot is full, 403 when blocked for no-shows")
	ResponseEntity<AppointmentView> book(@RequestBody Book request) {
		EstationUser user = applicant();
		if (request.slotId() == null) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "hall.error.slot",
					List.of(new Problem.FieldError("slotId", "hall.field.required")));
		}
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
		if (request.slotId() == null) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "hall.error.slot",
					List.of(new Problem.FieldError("slotId", "hall.field.required")));
		}
		return view(appointments.reschedule(id, CurrentUser.require().id(), request.slotId()));
	}

	private static EstationUser applicant() {
		EstationUser user = CurrentUser.require();
		if (!user.hasRole(Role.APPLICANT)) {
			throw Problem.forbidden("hall.error.applicantsOnly");
		}
		return user;
	}

	// ---------------------------------------------------------------- rooms

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
		return rooms.mine(CurrentUser.require().id()).stream().map(HallApi::view).toList();
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
		return rooms.pending().stream().map(HallApi::view).toList();
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

	// ---------------------------------------------------------------- events

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
		return events.upcoming().stream().map(HallApi::view).toList();
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

	// ---------------------------------------------------------------- manager

	record CategoryFigures(String category, int issued, int served, int noShow, int waiting) {
	}

	record Statistics(LocalDate day, List<CategoryFigures> categories, long averageWaitSeconds, long p90WaitSeconds,
			Map<String, Integer> servedPerWindow, int upcomingAppointments, Map<String, Integer> roomOccupancyPercent) {
	}

	@GetMapping("/manager/statistics")
	@Operation(summary = "Today in the hall (HALL_MANAGER): tickets per category, waiting times, windows, appointments, rooms")
	Statistics statistics() {
		HallStatistics.Day d = statistics.today();
		Map<String, Integer> occupancy = new java.util.LinkedHashMap<>();
		d.roomOccupancy().forEach((room, pct) -> occupancy.put(room.code(), pct));
		return new Statistics(d.day(),
				d.categories().stream().map(c -> new CategoryFigures(c.category(), c.issued(), c.served(), c.noShow(), c.waiting())).toList(),
				d.averageWait().toSeconds(), d.p90Wait().toSeconds(), d.servedPerWindow(), d.upcomingAppointments().size(),
				occupancy);
	}

}
