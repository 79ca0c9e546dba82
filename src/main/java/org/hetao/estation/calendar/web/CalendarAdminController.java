package org.hetao.estation.calendar.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.hetao.estation.calendar.MissingYear;
import org.hetao.estation.calendar.internal.CalendarService;
import org.hetao.estation.calendar.internal.LoadedYear;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.shared.Problem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The calendars in use, the years still to load (a warning for administrators and supervisors), and
 * for administrators the upload of a year file that replaces that year's calendar.
 */
@Controller
class CalendarAdminController {

	/** A field's messages, for one of the two upload forms. */
	public record UploadErrors(String form, Map<String, List<String>> fields) {

		public boolean has(String field) {
			return fields.containsKey(field);
		}

		public List<String> get(String field) {
			return fields.getOrDefault(field, List.of());
		}

		public List<String> all() {
			return fields.values().stream().flatMap(List::stream).toList();
		}
	}

	private final CalendarService calendars;

	private final MessageSource messages;

	CalendarAdminController(CalendarService calendars, MessageSource messages) {
		this.calendars = calendars;
		this.messages = messages;
	}

	@GetMapping("/admin/calendars")
	String admin(Model model) {
		return page(model, null, null, null);
	}

	@PostMapping("/admin/calendars/cn")
	String uploadMainland(@RequestParam(required = false) String year,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			int y = year(year);
			if (file == null || file.isEmpty()) {
				throw fieldProblem("file", "calendar.file.missing");
			}
			LoadedYear loaded = calendars.uploadMainland(y, file.getOriginalFilename(), CalendarApiController.bytes(file),
					CurrentUser.require().username());
			return uploaded(loaded, redirect);
		}
		catch (Problem problem) {
			return refused(problem, "cn", year, model, locale, response);
		}
	}

	@PostMapping("/admin/calendars/hk")
	String uploadHongKong(@RequestParam(required = false) String year,
			@RequestParam(name = "en", required = false) MultipartFile en,
			@RequestParam(name = "tc", required = false) MultipartFile tc,
			@RequestParam(name = "sc", required = false) MultipartFile sc, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			int y = year(year);
			var files = CalendarApiController.files(en, tc, sc);
			if (files.isEmpty()) {
				throw fieldProblem("en", "calendar.file.missing");
			}
			return uploaded(calendars.uploadHongKong(y, files, CurrentUser.require().username()), redirect);
		}
		catch (Problem problem) {
			return refused(problem, "hk", year, model, locale, response);
		}
	}

	@PostMapping("/admin/calendars/{jurisdiction}/{year}/remove")
	String remove(@PathVariable String jurisdiction, @PathVariable int year, RedirectAttributes redirect) {
		Jurisdiction j = CalendarRequests.jurisdiction(jurisdiction);
		calendars.removeUpload(j, year, CurrentUser.require().username());
		redirect.addFlashAttribute("removed", new MissingYear(j, year));
		return "redirect:/admin/calendars";
	}

	private String uploaded(LoadedYear loaded, RedirectAttributes redirect) {
		redirect.addFlashAttribute("uploaded", loaded);
		return "redirect:/admin/calendars";
	}

	private String refused(Problem problem, String form, String year, Model model, Locale locale,
			HttpServletResponse response) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		if (problem.fieldErrors().isEmpty()) {
			fields.put("file", List.of(messages.getMessage(problem.messageKey(), problem.args(), locale)));
		}
		for (Problem.FieldError error : problem.fieldErrors()) {
			fields.computeIfAbsent(error.field(), f -> new ArrayList<>())
				.add(messages.getMessage(error.messageKey(), error.args(), locale));
		}
		response.setStatus(422);
		return page(model, new UploadErrors(form, fields), form, year);
	}

	private String page(Model model, UploadErrors errors, String form, String year) {
		LocalDate today = calendars.today();
		List<MissingYear> missing = calendars.missingYears(today);
		model.addAttribute("today", today);
		model.addAttribute("missingYears", missing);
		model.addAttribute("warningDays", calendars.warningDays());
		Map<Jurisdiction, List<LoadedYear>> loaded = new LinkedHashMap<>();
		for (Jurisdiction jurisdiction : Jurisdiction.values()) {
			loaded.put(jurisdiction, calendars.loadedYears(jurisdiction));
		}
		model.addAttribute("loadedYears", loaded);
		EstationUser user = CurrentUser.get().orElse(null);
		model.addAttribute("canUpload", user != null && user.hasRole(Role.ADMIN));
		int suggested = missing.stream().mapToInt(MissingYear::year).min().orElse(today.getYear() + 1);
		model.addAttribute("cnYear", "cn".equals(form) ? year : String.valueOf(suggested));
		model.addAttribute("hkYear", "hk".equals(form) ? year : String.valueOf(suggested));
		model.addAttribute("cnErrors", "cn".equals(form) ? errors : new UploadErrors("cn", Map.of()));
		model.addAttribute("hkErrors", "hk".equals(form) ? errors : new UploadErrors("hk", Map.of()));
		model.addAttribute("maxKb", CalendarService.MAX_FILE_BYTES / 1024);
		return "calendar/admin";
	}

	private static int year(String value) {
		try {
			int year = Integer.parseInt(value == null ? "" : value.strip());
			if (year >= CalendarService.FIRST_YEAR && year <= CalendarService.LAST_YEAR) {
				return year;
			}
		}
		catch (NumberFormatException e) {
			// below
		}
		throw fieldProblem("year", "calendar.upload.yearRange", CalendarService.FIRST_YEAR, CalendarService.LAST_YEAR);
	}

	private static Problem fieldProblem(String field, String key, Object... args) {
		return new Problem(Problem.Kind.UNPROCESSABLE, "calendar.file.invalid",
				List.of(new Problem.FieldError(field, key, args)));
	}

}
