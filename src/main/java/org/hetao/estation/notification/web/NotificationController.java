package org.hetao.estation.notification.web;

import java.util.List;

import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.notification.Inbox;
import org.hetao.estation.notification.NotificationChannel;
import org.hetao.estation.notification.NotificationPreference;
import org.hetao.estation.notification.NotificationPreferences;
import org.hetao.estation.notification.NotificationStatus;
import org.hetao.estation.shared.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The applicant's inbox and channel choices, and the staff's view of every message's delivery. */
@Controller
class NotificationController {

	private final Inbox inbox;

	private final NotificationPreferences preferences;

	NotificationController(Inbox inbox, NotificationPreferences preferences) {
		this.inbox = inbox;
		this.preferences = preferences;
	}

	@GetMapping("/inbox")
	String inbox(Model model) {
		EstationUser user = CurrentUser.require();
		model.addAttribute("messages", inbox.messages(user.id()));
		model.addAttribute("unread", inbox.unread(user.id()));
		return "notification/inbox";
	}

	/** The header's badge, loaded by htmx on every page. */
	@GetMapping("/inbox/badge")
	String badge(Model model) {
		model.addAttribute("unread", CurrentUser.get().map(u -> inbox.unread(u.id())).orElse(0));
		return "notification/badge :: badge";
	}

	@GetMapping("/inbox/{id}")
	String message(@PathVariable long id, Model model) {
		EstationUser user = CurrentUser.require();
		model.addAttribute("message", inbox.open(user.id(), id)
			.orElseThrow(() -> Problem.notFound("notification.inbox.notFound")));
		return "notification/message";
	}

	@GetMapping("/account/notifications")
	String initPreferencesForm(Model model) {
		model.addAttribute("preference", preferences.of(CurrentUser.require().id()));
		return "notification/preferences";
	}

	@PostMapping("/account/notifications")
	String processPreferencesForm(@RequestParam(defaultValue = "false") boolean email,
			@RequestParam(defaultValue = "false") boolean sms, @RequestParam(defaultValue = "false") boolean inbox,
			Model model, RedirectAttributes redirect) {
		NotificationPreference preference = new NotificationPreference(email, sms, inbox);
		if (!preference.any()) {
			model.addAttribute("preference", preference);
			model.addAttribute("noChannel", true);
			return "notification/preferences";
		}
		preferences.save(CurrentUser.require().id(), preference);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/account/notifications";
	}

	@GetMapping("/admin/notifications")
	String admin(@RequestParam(required = false) NotificationStatus status,
			@RequestParam(required = false) NotificationChannel channel, Model model) {
		model.addAttribute("messages", inbox.latest(status, channel));
		model.addAttribute("statuses", List.of(NotificationStatus.values()));
		model.addAttribute("channels", List.of(NotificationChannel.values()));
		model.addAttribute("status", status);
		model.addAttribute("channel", channel);
		return "notification/admin";
	}

	@PostMapping("/admin/notifications/{id}/resend")
	String resend(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("resent", inbox.resend(id));
		return "redirect:/admin/notifications";
	}

}
