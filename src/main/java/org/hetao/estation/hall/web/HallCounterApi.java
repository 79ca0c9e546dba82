package org.hetao.estation.hall.web;

import java.util.List;

import org.hetao.estation.hall.internal.QueueTickets;
import org.hetao.estation.hall.internal.Ticket;
import org.hetao.estation.hall.internal.WindowSessions;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
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

/** A clerk at a window over the API: signing in for the shift, calling, serving and passing on tickets. */
@RestController
@RequestMapping("/api/v1/hall")
@Tag(name = "Hall", description = "Queue tickets, windows, the live board, appointments, rooms and events of the e-Station hall")
class HallCounterApi {

	private final WindowSessions sessions;

	private final QueueTickets tickets;

	HallCounterApi(WindowSessions sessions, QueueTickets tickets) {
		this.sessions = sessions;
		this.tickets = tickets;
	}

	record SignIn(String window) {
	}

	record Finish(List<String> caseReceipts) {
	}

	record Transfer(String toCategory, String toWindow) {
	}

	record CounterView(String window, HallQueueApi.TicketView current) {
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
		return new CounterView(window, current == null ? null : served(current));
	}

	@PostMapping("/counter/call-next")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The ticket called", useReturnTypeSchema = true)
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Nobody waits for this window")
	@Operation(summary = "Call the next ticket the clerk's window may serve (CLERK); 204 when nobody waits",
			description = "Appointment holders within their slot first, then priority tickets, then first come first served. A ticket is never called twice.")
	ResponseEntity<HallQueueApi.TicketView> callNext() {
		EstationUser clerk = CurrentUser.require();
		String window = sessions.windowOf(clerk.id()).orElseThrow(() -> Problem.forbidden("hall.error.notAtWindow", "-"));
		return tickets.callNext(window, clerk.id())
			.map(t -> ResponseEntity.ok(served(t)))
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@PostMapping("/counter/tickets/{id}/recall")
	@Operation(summary = "Call the current ticket again (CLERK)")
	HallQueueApi.TicketView recall(@PathVariable long id) {
		return served(tickets.recall(id, CurrentUser.require().id()));
	}

	@PostMapping("/counter/tickets/{id}/start")
	@Operation(summary = "Start serving the called ticket (CLERK)")
	HallQueueApi.TicketView start(@PathVariable long id) {
		return served(tickets.startService(id, CurrentUser.require().id()));
	}

	@PostMapping("/counter/tickets/{id}/finish")
	@Operation(summary = "Finish the service, linking the case receipt numbers handled (CLERK)")
	HallQueueApi.TicketView finish(@PathVariable long id, @RequestBody(required = false) Finish request) {
		return served(tickets.finish(id, CurrentUser.require().id(), request == null ? List.of() : request.caseReceipts()));
	}

	@PostMapping("/counter/tickets/{id}/no-show")
	@Operation(summary = "The called applicant did not come (CLERK)")
	HallQueueApi.TicketView noShow(@PathVariable long id) {
		return served(tickets.noShow(id, CurrentUser.require().id()));
	}

	@PostMapping("/counter/tickets/{id}/transfer")
	@Operation(summary = "Send the ticket to another category or window (CLERK); it keeps its number")
	HallQueueApi.TicketView transfer(@PathVariable long id, @RequestBody Transfer request) {
		return served(tickets.transfer(id, CurrentUser.require().id(), request.toCategory(), request.toWindow()));
	}

	/** The ticket as its clerk sees it, id and all. */
	private HallQueueApi.TicketView served(Ticket t) {
		return HallQueueApi.view(tickets, t, true);
	}

}
