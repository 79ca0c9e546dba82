package org.hetao.estation.hall.web;

import org.hetao.estation.hall.internal.HallSettings;
import org.hetao.estation.hall.internal.HallStatistics;
import org.hetao.estation.hall.internal.RoomBookings;
import org.hetao.estation.hall.internal.WindowSessions;
import org.hetao.estation.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The hall manager's day: queue figures, waiting times, windows, appointments, rooms and approvals. */
@Controller
class ManagerController {

	private final HallStatistics statistics;

	private final RoomBookings rooms;

	private final HallSettings settings;

	private final WindowSessions sessions;

	private final org.hetao.estation.hall.internal.KioskDevices kiosks;

	ManagerController(HallStatistics statistics, RoomBookings rooms, HallSettings settings, WindowSessions sessions,
			org.hetao.estation.hall.internal.KioskDevices kiosks) {
		this.kiosks = kiosks;
		this.statistics = statistics;
		this.rooms = rooms;
		this.settings = settings;
		this.sessions = sessions;
	}

	@GetMapping("/hall/manager")
	String manager(Model model) {
		model.addAttribute("stats", statistics.today());
		model.addAttribute("pending", rooms.pending());
		model.addAttribute("categories", settings.categories());
		model.addAttribute("windows", settings.windows());
		model.addAttribute("signedIn", sessions.signedIn());
		model.addAttribute("kiosks", kiosks.active());
		return "hall/manager";
	}

	@PostMapping("/hall/manager/bookings/{id}/{decision:approve|reject}")
	String decide(@PathVariable long id, @PathVariable String decision, RedirectAttributes flash) {
		rooms.decide(id, "approve".equals(decision), CurrentUser.require().id());
		flash.addFlashAttribute("decided", decision);
		return "redirect:/hall/manager";
	}

}
