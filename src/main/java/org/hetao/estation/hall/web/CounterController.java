package org.hetao.estation.hall.web;

import java.util.Arrays;
import java.util.List;

import org.hetao.estation.hall.internal.HallSettings;
import org.hetao.estation.hall.internal.QueueTickets;
import org.hetao.estation.hall.internal.Ticket;
import org.hetao.estation.hall.internal.WindowSessions;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.Problem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The clerk's counter page: sign in at a window for the shift, call the next ticket, recall, start,
 * finish (linking the cases handled), mark a no-show or transfer. Plain forms: it works without
 * JavaScript. Each action answers with a redirect and a message (post/redirect/get).
 */
@Controller
class CounterController {

	private final QueueTickets tickets;

	private final WindowSessions sessions;

	private final HallSettings settings;

	private final MessageSource messages;

	CounterController(QueueTickets tickets, WindowSessions sessions, HallSettings settings, MessageSource messages) {
		this.tickets = tickets;
		this.sessions = sessions;
		this.settings = settings;
		this.messages = messages;
	}

	@GetMapping("/hall/counter")
	String counter(Model model) {
		EstationUser clerk = CurrentUser.require();
		String window = sessions.windowOf(clerk.id()).orElse(null);
		model.addAttribute("windows", settings.windows());
		model.addAttribute("signedIn", sessions.signedIn());
		model.addAttribute("categories", settings.categories());
		model.addAttribute("waiting", tickets.waitingCounts(tickets.today()));
		if (window != null) {
			model.addAttribute("window", settings.window(window).orElseThrow());
			model.addAttribute("current", tickets.current(window).orElse(null));
		}
		return "hall/counter";
	}

	@PostMapping("/hall/counter/sign-in")
	String signIn(@RequestParam(defaultValue = "") String window, RedirectAttributes flash, HttpServletRequest request) {
		EstationUser clerk = CurrentUser.require();
		return act(flash, request, () -> {
			sessions.signIn(window, clerk.id(), clerk.displayName());
			return message(request, "hall.counter.signedIn", window);
		});
	}

	@PostMapping("/hall/counter/sign-out")
	String signOut(RedirectAttributes flash, HttpServletRequest request) {
		EstationUser clerk = CurrentUser.require();
		return act(flash, request, () -> {
			sessions.signOut(clerk.id());
			return message(request, "hall.counter.signedOut");
		});
	}

	@PostMapping("/hall/counter/call-next")
	String callNext(RedirectAttributes flash, HttpServletRequest request) {
		EstationUser clerk = CurrentUser.require();
		return act(flash, request, () -> {
			String window = sessions.windowOf(clerk.id()).orElseThrow(() -> Problem.forbidden("hall.error.notAtWindow", "-"));
			return tickets.callNext(window, clerk.id())
				.map(t -> message(request, "hall.counter.called", t.displayNumber()))
				.orElseGet(() -> message(request, "hall.counter.nobodyWaiting"));
		});
	}

	@PostMapping("/hall/counter/tickets/{id}/{action}")
	String ticketAction(@PathVariable long id, @PathVariable String action,
			@RequestParam(required = false) String caseReceipts, @RequestParam(required = false) String toCategory,
			@RequestParam(required = false) String toWindow, RedirectAttributes flash, HttpServletRequest request) {
		EstationUser clerk = CurrentUser.require();
		return act(flash, request, () -> {
			Ticket ticket = switch (action) {
				case "recall" -> tickets.recall(id, clerk.id());
				case "start" -> tickets.startService(id, clerk.id());
				case "finish" -> tickets.finish(id, clerk.id(), receipts(caseReceipts));
				case "no-show" -> tickets.noShow(id, clerk.id());
				case "transfer" -> tickets.transfer(id, clerk.id(), toCategory, toWindow);
				default -> throw Problem.notFound("hall.error.noSuchAction");
			};
			return message(request, "hall.counter.done." + action, ticket.displayNumber());
		});
	}

	static List<String> receipts(String typed) {
		if (typed == null || typed.isBlank()) {
			return List.of();
		}
		return Arrays.stream(typed.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
	}

	private String act(RedirectAttributes flash, HttpServletRequest request, java.util.function.Supplier<String> action) {
		try {
			flash.addFlashAttribute("success", action.get());
		}
		catch (Problem problem) {
			String text = messages.getMessage(problem.messageKey(), problem.args(), problem.messageKey(),
					RequestContextUtils.getLocale(request));
			List<String> details = problem.fieldErrors()
				.stream()
				.map(e -> messages.getMessage(e.messageKey(), e.args(), e.messageKey(), RequestContextUtils.getLocale(request)))
				.toList();
			flash.addFlashAttribute("failure", text);
			flash.addFlashAttribute("failureDetails", details);
		}
		return "redirect:/hall/counter";
	}

	private String message(HttpServletRequest request, String key, Object... args) {
		return messages.getMessage(key, args, RequestContextUtils.getLocale(request));
	}

}
