package org.hetao.estation.park.web;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.park.internal.NoticeCategory;
import org.hetao.estation.park.internal.Notices;
import org.hetao.estation.shared.LocalizedText;
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
 * Leisure information (休閒資訊): the public page, the fragment the home page loads with htmx
 * ({@code hx-get="/notices/latest" hx-trigger="load"}), and the operator's publishing page.
 */
@Controller
class NoticesController {

	private final Notices notices;

	private final Clock clock;

	NoticesController(Notices notices, Clock clock) {
		this.notices = notices;
		this.clock = clock;
	}

	@GetMapping("/notices")
	String notices(Model model) {
		model.addAttribute("notices", notices.current());
		return "park/notices";
	}

	/** An HTML fragment of the current notices (at most five), for the home page. */
	@GetMapping("/notices/latest")
	String latest(Model model) {
		model.addAttribute("notices", notices.current().stream().limit(5).toList());
		return "park/notices-latest :: latest";
	}

	/** What the operator fills in to publish a notice. */
	record NoticeForm(@NotNull(message = "{park.form.required}") NoticeCategory category,
			@NotBlank(message = "{park.form.required}") @Size(max = 300, message = "{park.form.tooLong}") String titleZhHant,
			@NotBlank(message = "{park.form.required}") @Size(max = 300, message = "{park.form.tooLong}") String titleZhHans,
			@NotBlank(message = "{park.form.required}") @Size(max = 300, message = "{park.form.tooLong}") String titleEn,
			@NotBlank(message = "{park.form.required}") @Size(max = 4000, message = "{park.form.tooLong}") String bodyZhHant,
			@NotBlank(message = "{park.form.required}") @Size(max = 4000, message = "{park.form.tooLong}") String bodyZhHans,
			@NotBlank(message = "{park.form.required}") @Size(max = 4000, message = "{park.form.tooLong}") String bodyEn,
			@NotNull(message = "{park.form.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate publishOn,
			@NotNull(message = "{park.form.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn) {
	}

	@ModelAttribute("categories")
	NoticeCategory[] categories() {
		return NoticeCategory.values();
	}

	@GetMapping("/park/notices")
	String initNoticeForm(Model model) {
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("form", new NoticeForm(null, "", "", "", "", "", "", today, today.plusDays(30)));
		return manage(model);
	}

	@PostMapping("/park/notices")
	String processNoticeForm(@Valid @ModelAttribute("form") NoticeForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors() && form.expiresOn().isBefore(form.publishOn())) {
			result.rejectValue("expiresOn", "park.notice.error.dates");
		}
		if (result.hasErrors()) {
			return manage(model);
		}
		notices.publish(form.category(), LocalizedText.of(form.titleZhHant().strip(), form.titleZhHans().strip(),
				form.titleEn().strip()),
				LocalizedText.of(form.bodyZhHant().strip(), form.bodyZhHans().strip(), form.bodyEn().strip()),
				form.publishOn(), form.expiresOn(), CurrentUser.require().username());
		redirect.addFlashAttribute("published", true);
		return "redirect:/park/notices";
	}

	@PostMapping("/park/notices/{id}/withdraw")
	String withdraw(@PathVariable long id, RedirectAttributes redirect) {
		notices.withdraw(id);
		redirect.addFlashAttribute("withdrawn", true);
		return "redirect:/park/notices";
	}

	private String manage(Model model) {
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("allNotices", notices.all());
		model.addAttribute("today", today);
		return "park/notices-manage";
	}


}
