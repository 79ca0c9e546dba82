package org.hetao.estation.hall.web;

import org.hetao.estation.hall.internal.Appointments;
import org.hetao.estation.hall.internal.HallSettings;
import org.hetao.estation.hall.internal.QueueTickets;
import org.hetao.estation.hall.internal.Ticket;
import org.hetao.estation.shared.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The kiosk (取號機) at the hall's entrance: no sign-in, big touch targets, plain forms that work without
 * JavaScript. Takes a walk-in ticket or checks in an appointment for a V ticket.
 */
@Controller
class KioskController {

	private final QueueTickets tickets;

	private final Appointments appointments;

	private final HallSettings settings;

	KioskController(QueueTickets tickets, Appointments appointments, HallSettings settings) {
		this.tickets = tickets;
		this.appointments = appointments;
		this.settings = settings;
	}

	/** The walk-in form: the category comes from the button pressed. */
	static class TicketForm {

		private String category;

		private String phone;

		private Ticket.PriorityReason priority;

		public String getCategory() {
			return category;
		}

		public void setCategory(String category) {
			this.category = category;
		}

		public String getPhone() {
			return phone;
		}

		public void setPhone(String phone) {
			this.phone = phone;
		}

		public Ticket.PriorityReason getPriority() {
			return priority;
		}

		public void setPriority(Ticket.PriorityReason priority) {
			this.priority = priority;
		}

	}

	static class CheckInForm {

		private String code;

		public String getCode() {
			return code;
		}

		public void setCode(String code) {
			this.code = code;
		}

	}

	@GetMapping("/hall/kiosk")
	String initKiosk(Model model) {
		model.addAttribute("ticketForm", new TicketForm());
		model.addAttribute("checkInForm", new CheckInForm());
		return kiosk(model);
	}

	private String kiosk(Model model) {
		// a touch screen in the hall: full screen, without the site's menu, search and footer
		model.addAttribute("bareLayout", true);
		model.addAttribute("categories", settings.walkInCategories());
		model.addAttribute("waiting", tickets.waitingCounts(tickets.today()));
		model.addAttribute("priorities", Ticket.PriorityReason.values());
		return "hall/kiosk";
	}

	@PostMapping("/hall/kiosk/tickets")
	String processTicket(@ModelAttribute("ticketForm") TicketForm form, BindingResult result, Model model) {
		if (result.hasErrors()) {
			model.addAttribute("checkInForm", new CheckInForm());
			return kiosk(model);
		}
		try {
			Ticket ticket = tickets.issue(form.getCategory(), form.getPhone(), form.getPriority());
			return "redirect:/hall/tickets/" + ticket.token();
		}
		catch (Problem problem) {
			ProblemFields.bind(problem, result);
			model.addAttribute("checkInForm", new CheckInForm());
			return kiosk(model);
		}
	}

	@PostMapping("/hall/kiosk/check-in")
	String processCheckIn(@ModelAttribute("checkInForm") CheckInForm form, BindingResult result, Model model) {
		try {
			Ticket ticket = appointments.checkIn(form.getCode());
			return "redirect:/hall/tickets/" + ticket.token();
		}
		catch (Problem problem) {
			ProblemFields.bind(problem, result);
			model.addAttribute("ticketForm", new TicketForm());
			return kiosk(model);
		}
	}

	/** The printable ticket; its address carries an unguessable token, so only the holder finds it. */
	@GetMapping("/hall/tickets/{token}")
	String ticket(@PathVariable String token, Model model) {
		Ticket ticket = tickets.byToken(token).orElseThrow(() -> Problem.notFound("hall.error.noSuchTicket"));
		model.addAttribute("ticket", ticket);
		model.addAttribute("position", tickets.position(ticket));
		model.addAttribute("category", settings.category(ticket.queueCategory()).orElseThrow());
		model.addAttribute("window", ticket.windowNumber() == null ? null : settings.window(ticket.windowNumber()).orElse(null));
		return "hall/ticket";
	}

}
