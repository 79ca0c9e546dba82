package org.hetao.estation.hall.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.catalog.Matter;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.hall.internal.Appointments;
import org.hetao.estation.hall.internal.HallSettings;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.LateBeans;
import org.hetao.estation.shared.Problem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Online appointments: choose the item (the catalogue's service guide links here with {@code ?item=})
 * or matter, a working day and a slot; see, cancel or move one's own appointments.
 */
@Controller
class AppointmentsController {

	private final Appointments appointments;

	private final Supplier<Optional<Catalog>> catalog;

	private final HallSettings settings;

	AppointmentsController(Appointments appointments, ObjectProvider<Catalog> catalog, HallSettings settings) {
		this.appointments = appointments;
		this.catalog = LateBeans.optional(catalog);
		this.settings = settings;
	}

	/** The booking form: steps by GET (item, date) until a slot is chosen and posted. */
	static class BookForm {

		private String item;

		private String matter;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate date;

		private Long slot;

		public String getItem() {
			return item;
		}

		public void setItem(String item) {
			this.item = item;
		}

		public String getMatter() {
			return matter;
		}

		public void setMatter(String matter) {
			this.matter = matter;
		}

		public LocalDate getDate() {
			return date;
		}

		public void setDate(LocalDate date) {
			this.date = date;
		}

		public Long getSlot() {
			return slot;
		}

		public void setSlot(Long slot) {
			this.slot = slot;
		}

	}

	@GetMapping("/hall/appointments")
	String mine(Model model) {
		EstationUser user = applicant();
		model.addAttribute("appointments", appointments.mine(user.id()));
		model.addAttribute("blockedUntil", appointments.blockedUntil(user.id()).orElse(null));
		model.addAttribute("rules", settings.appointments());
		return "hall/appointments";
	}

	@GetMapping("/hall/appointments/new")
	String initBookForm(@ModelAttribute("form") BookForm form, BindingResult result, Model model) {
		EstationUser user = applicant();
		return bookPage(user, form, result, model);
	}

	private String bookPage(EstationUser user, BookForm form, BindingResult result, Model model) {
		model.addAttribute("blockedUntil", appointments.blockedUntil(user.id()).orElse(null));
		model.addAttribute("rules", settings.appointments());
		Catalog cat = catalog.get().orElse(null);
		model.addAttribute("items", cat == null ? List.of()
				: cat.items().stream().filter(i -> i.ticketCategory() != null
						&& settings.appointments().capacityPerSlot().getOrDefault(i.ticketCategory(), 0) > 0)
					.sorted(Comparator.comparing(ServiceItem::code))
					.toList());
		model.addAttribute("matters", cat == null ? List.<Matter>of() : cat.matters());
		model.addAttribute("dates", appointments.bookableDates());
		boolean chosen = (form.getItem() != null && !form.getItem().isBlank())
				|| (form.getMatter() != null && !form.getMatter().isBlank());
		if (chosen && !result.hasErrors()) {
			try {
				Appointments.Purpose purpose = appointments.purpose(form.getItem(), form.getMatter());
				model.addAttribute("purpose", purpose);
				cat.item(purpose.itemCode() == null ? "" : purpose.itemCode()).ifPresent(i -> model.addAttribute("item", i));
				cat.matter(purpose.matterCode() == null ? "" : purpose.matterCode()).ifPresent(m -> model.addAttribute("matter", m));
				if (form.getDate() != null) {
					model.addAttribute("slots", appointments.slots(purpose.category(), form.getDate()));
				}
			}
			catch (Problem problem) {
				ProblemFields.bind(problem, result);
			}
		}
		return "hall/appointment-new";
	}

	@PostMapping("/hall/appointments")
	String processBookForm(@ModelAttribute("form") BookForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		EstationUser user = applicant();
		if (form.getSlot() == null) {
			result.rejectValue("slot", "hall.appointment.slot.choose");
		}
		if (result.hasErrors()) {
			return bookPage(user, form, result, model);
		}
		try {
			Appointments.Appointment booked = appointments.book(user.id(),
					appointments.purpose(form.getItem(), form.getMatter()), form.getSlot());
			flash.addFlashAttribute("booked", true);
			return "redirect:/hall/appointments/" + booked.id();
		}
		catch (Problem problem) {
			if (problem.kind() == Problem.Kind.CONFLICT || problem.kind() == Problem.Kind.FORBIDDEN) {
				result.reject(problem.messageKey(), problem.args(), null);
			}
			else {
				ProblemFields.bind(problem, result);
			}
			return bookPage(user, form, result, model);
		}
	}

	@GetMapping("/hall/appointments/{id}")
	String show(@PathVariable long id, Model model) {
		EstationUser user = applicant();
		Appointments.Appointment appointment = appointments.own(id, user.id());
		model.addAttribute("appointment", appointment);
		model.addAttribute("rules", settings.appointments());
		Catalog cat = catalog.get().orElse(null);
		if (cat != null && appointment.itemCode() != null) {
			cat.item(appointment.itemCode()).ifPresent(i -> model.addAttribute("item", i));
		}
		if (cat != null && appointment.matterCode() != null) {
			cat.matter(appointment.matterCode()).ifPresent(m -> model.addAttribute("matter", m));
		}
		return "hall/appointment";
	}

	@PostMapping("/hall/appointments/{id}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes flash) {
		EstationUser user = applicant();
		try {
			appointments.cancel(id, user.id());
			flash.addFlashAttribute("cancelled", true);
		}
		catch (Problem problem) {
			if (problem.kind() == Problem.Kind.NOT_FOUND) {
				throw problem;
			}
			flash.addFlashAttribute("failureKey", problem.messageKey());
			flash.addFlashAttribute("failureArgs", problem.args());
		}
		return "redirect:/hall/appointments/" + id;
	}

	@GetMapping("/hall/appointments/{id}/reschedule")
	String initReschedule(@PathVariable long id, @ModelAttribute("form") BookForm form, BindingResult result,
			Model model) {
		EstationUser user = applicant();
		Appointments.Appointment appointment = appointments.own(id, user.id());
		model.addAttribute("appointment", appointment);
		model.addAttribute("dates", appointments.bookableDates());
		if (form.getDate() != null) {
			model.addAttribute("slots", appointments.slots(appointment.category(), form.getDate()));
		}
		return "hall/appointment-reschedule";
	}

	@PostMapping("/hall/appointments/{id}/reschedule")
	String processReschedule(@PathVariable long id, @ModelAttribute("form") BookForm form, BindingResult result,
			Model model, RedirectAttributes flash) {
		EstationUser user = applicant();
		if (form.getSlot() == null) {
			result.rejectValue("slot", "hall.appointment.slot.choose");
			return initReschedule(id, form, result, model);
		}
		try {
			Appointments.Appointment moved = appointments.reschedule(id, user.id(), form.getSlot());
			flash.addFlashAttribute("rescheduled", true);
			return "redirect:/hall/appointments/" + moved.id();
		}
		catch (Problem problem) {
			if (problem.kind() == Problem.Kind.NOT_FOUND) {
				throw problem;
			}
			if (problem.fieldErrors().isEmpty()) {
				result.reject(problem.messageKey(), problem.args(), null);
			}
			else {
				ProblemFields.bind(problem, result);
			}
			return initReschedule(id, form, result, model);
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
