package org.hetao.estation.hall.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.hetao.estation.hall.internal.Appointments;
import org.hetao.estation.hall.internal.Board;
import org.hetao.estation.hall.internal.HallSettings;
import org.hetao.estation.hall.internal.QueueTickets;
import org.hetao.estation.hall.internal.Ticket;
import org.hetao.estation.shared.LocalizedText;
import org.hetao.estation.shared.Problem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The hall's queue over the API: categories and windows, taking a ticket (or checking in an appointment for one), a ticket's place, and the board. */
@RestController
@RequestMapping("/api/v1/hall")
@Tag(name = "Hall", description = "Queue tickets, windows, the live board, appointments, rooms and events of the e-Station hall")
class HallQueueApi {

	private final HallSettings settings;

	private final QueueTickets tickets;

	private final Appointments appointments;

	private final Board board;

	HallQueueApi(HallSettings settings, QueueTickets tickets, Appointments appointments, Board board) {
		this.settings = settings;
		this.tickets = tickets;
		this.appointments = appointments;
		this.board = board;
	}

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

	record IssueTicket(String category, String phone, Ticket.PriorityReason priority) {
	}

	record CheckIn(String code) {
	}

	record TicketView(String number, String category, String queueCategory, Ticket.Status status,
			Ticket.PriorityReason priority, String token, Instant issuedAt, Integer peopleAhead, Long estimatedMinutes,
			String window, String phone, Instant slotStart, Instant slotEnd, List<String> caseReceipts, Long id) {
	}

	/** A ticket as the API shows it: where it stands in the queue, and its id only to the clerk who serves it. */
	static TicketView view(QueueTickets tickets, Ticket t, boolean withId) {
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
		return ResponseEntity.created(URI.create("/api/v1/hall/tickets/" + t.token())).body(view(tickets, t, false));
	}

	@PostMapping("/tickets/check-in")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The V ticket of the appointment", useReturnTypeSchema = true)
	@Operation(summary = "Check in an appointment with its confirmation code for a V ticket; public")
	ResponseEntity<TicketView> checkIn(@RequestBody CheckIn request) {
		Ticket t = appointments.checkIn(request.code());
		return ResponseEntity.created(URI.create("/api/v1/hall/tickets/" + t.token())).body(view(tickets, t, false));
	}

	@GetMapping("/tickets/{token}")
	@Operation(summary = "A ticket by its token: status, people ahead and estimated wait")
	TicketView ticket(@PathVariable String token) {
		return view(tickets, tickets.byToken(token).orElseThrow(() -> Problem.notFound("hall.error.noSuchTicket")), false);
	}

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

}
