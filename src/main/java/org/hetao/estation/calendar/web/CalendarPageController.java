package org.hetao.estation.calendar.web;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.hetao.estation.calendar.CalendarDay;
import org.hetao.estation.calendar.WorkingCalendars.Deadline;
import org.hetao.estation.calendar.internal.CalendarService;
import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.shared.Problem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public working-day calendar: a month of Mainland and Hong Kong working days, holidays named in
 * the reader's language, make-up days marked, and a deadline calculator (htmx, works without script).
 */
@Controller
class CalendarPageController {

	/** The calculator's answer. */
	public record DeadlineResult(Jurisdiction jurisdiction, LocalDate start, int workingDays, Deadline deadline,
			CalendarDay deadlineDay) {
	}

	private final CalendarService calendars;

	private final MessageSource messages;

	CalendarPageController(CalendarService calendars, MessageSource messages) {
		this.calendars = calendars;
		this.messages = messages;
	}

	@GetMapping("/calendars")
	String calendars(@RequestParam(required = false) String month, @ModelAttribute("form") DeadlineForm form,
			BindingResult errors, Model model, Locale locale) {
		LocalDate today = calendars.today();
		YearMonth shown = month(month, today);
		model.addAttribute("month", shown);
		model.addAttribute("monthLabel", format(shown.atDay(1), "calendar.page.monthPattern", locale));
		model.addAttribute("previousMonth", shown.minusMonths(1));
		model.addAttribute("nextMonth", shown.plusMonths(1));
		model.addAttribute("monthViews", List.of(MonthView.of(calendars.calendar(Jurisdiction.CN), shown, today),
				MonthView.of(calendars.calendar(Jurisdiction.HK), shown, today)));
		model.addAttribute("weekdays", DayOfWeek.values());
		if (form.getStart() == null) {
			form.setStart(today.toString());
		}
		calculate(form, errors, model, locale);
		return "calendar/calendars";
	}

	/** The calculator alone, for htmx. */
	@GetMapping("/calendars/deadline")
	String deadline(@ModelAttribute("form") DeadlineForm form, BindingResult errors, Model model, Locale locale,
			@RequestHeader(name = "HX-Request", required = false) String htmx, @RequestParam(required = false) String month) {
		if (htmx == null) {
			// Without script the form posts to /calendars; a bookmarked fragment URL shows the whole page.
			return calendars(month, form, errors, model, locale);
		}
		model.addAttribute("month", month(month, calendars.today()));
		calculate(form, errors, model, locale);
		return "calendar/calendars :: calculator";
	}

	private void calculate(DeadlineForm form, BindingResult errors, Model model, Locale locale) {
		model.addAttribute("jurisdictions", Jurisdiction.values());
		if (form.isEmpty() || form.getWorkingDays() == null) {
			return;
		}
		Jurisdiction jurisdiction = null;
		LocalDate start = null;
		int workingDays = 0;
		try {
			jurisdiction = CalendarRequests.jurisdiction(form.getJurisdiction());
		}
		catch (Problem p) {
			errors.rejectValue("jurisdiction", "calendar.page.jurisdiction.invalid");
		}
		try {
			start = CalendarRequests.date(form.getStart(), "start");
		}
		catch (Problem p) {
			errors.rejectValue("start", "calendar.page.start.invalid");
		}
		try {
			workingDays = CalendarRequests.workingDays(form.getWorkingDays());
		}
		catch (Problem p) {
			errors.rejectValue("workingDays", "calendar.page.workingDays.invalid",
					new Object[] { CalendarRequests.MAX_WORKING_DAYS }, null);
		}
		if (errors.hasErrors()) {
			return;
		}
		Deadline deadline = calendars.addWorkingDays(jurisdiction, start, workingDays);
		model.addAttribute("result",
				new DeadlineResult(jurisdiction, start, workingDays, deadline, calendars.day(jurisdiction, deadline.date())));
		model.addAttribute("startLabel", format(start, "calendar.page.datePattern", locale));
		model.addAttribute("deadlineLabel", format(deadline.date(), "calendar.page.datePattern", locale));
	}

	private static YearMonth month(String value, LocalDate today) {
		if (value != null && !value.isBlank()) {
			try {
				YearMonth month = YearMonth.parse(value.strip());
				if (month.getYear() >= 1900 && month.getYear() <= 2200) {
					return month;
				}
			}
			catch (DateTimeException e) {
				// an unreadable month shows the current one
			}
		}
		return YearMonth.from(today);
	}

	private String format(LocalDate date, String patternKey, Locale locale) {
		return DateTimeFormatter.ofPattern(messages.getMessage(patternKey, null, locale), locale).format(date);
	}

}
