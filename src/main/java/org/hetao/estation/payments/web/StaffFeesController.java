package org.hetao.estation.payments.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hetao.estation.casework.CaseReading;
import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.payments.FeeLine;
import org.hetao.estation.payments.FeeStatus;
import org.hetao.estation.payments.Payments;
import org.hetao.estation.shared.Money;
import org.hetao.estation.shared.Problem;
import org.hetao.estation.shared.ReceiptNumberFormat;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The fees on staff's pages, loaded into casework's pages (which do not know of payments) or shown on their own
 * without JavaScript: at the window, the case's fees and "record a payment" (cash, card terminal, FPS) for what is
 * due, made once per form (it carries its idempotency key); on the officer's task page, the task's fee and "waive"
 * with a reason.
 */
@Controller
class StaffFeesController {

	private final Payments payments;

	private final CaseReading cases;

	private final Catalog catalog;

	private final MessageSource messages;

	StaffFeesController(Payments payments, CaseReading cases, Catalog catalog, MessageSource messages) {
		this.payments = payments;
		this.cases = cases;
		this.catalog = catalog;
		this.messages = messages;
	}

	/** One fee as staff see it. */
	record Row(long taskId, String itemName, Money amount, FeeStatus status, String waiveReason) {
	}

	// ------------------------------------------------------------------ the window

	@GetMapping("/payments/window/" + ReceiptNumberFormat.ROUTE_VARIABLE)
	String window(@PathVariable String receipt, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model, Locale locale) {
		windowModel(model, CurrentUser.require(), receipt, locale, Map.of(), Map.of());
		return htmx != null ? "payments/window :: fees" : "payments/window";
	}

	@PostMapping("/payments/window/" + ReceiptNumberFormat.ROUTE_VARIABLE)
	String recordPayment(@PathVariable String receipt, @RequestParam(required = false) String key,
			@RequestParam(required = false) String method, @RequestParam(required = false) String reference,
			@RequestParam(required = false) String currency, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		EstationUser user = CurrentUser.require();
		try {
			payments.payAtWindow(user, receipt, key, method, reference, currency);
			redirect.addFlashAttribute("done", "payments.window.recorded");
			return "redirect:/window/cases/" + cases.viewByReceipt(user, receipt).id();
		}
		catch (Problem problem) {
			if (problem.kind() != Problem.Kind.UNPROCESSABLE && problem.kind() != Problem.Kind.CONFLICT) {
				throw problem;
			}
			response.setStatus(problem.kind().status());
			Map<String, String> errors = new LinkedHashMap<>();
			problem.fieldErrors().forEach(e -> errors.put(e.field(), messages.getMessage(e.messageKey(), e.args(), locale)));
			if (problem.fieldErrors().isEmpty()) {
				errors.put("form", messages.getMessage(problem.messageKey(), problem.args(), locale));
			}
			Map<String, String> form = new LinkedHashMap<>();
			form.put("method", method);
			form.put("reference", reference);
			windowModel(model, user, receipt, locale, errors, form);
			return "payments/window";
		}
	}

	private void windowModel(Model model, EstationUser user, String receipt, Locale locale, Map<String, String> errors,
			Map<String, String> form) {
		if (!user.hasRole(org.hetao.estation.identity.Role.CLERK)) {
			throw Problem.forbidden("payments.error.windowOnly");
		}
		List<FeeLine> lines = payments.fees(user, receipt);
		model.addAttribute("receipt", receipt);
		model.addAttribute("caseId", cases.viewByReceipt(user, receipt).id());
		model.addAttribute("rows", rows(lines, locale));
		model.addAttribute("due", FeesController.Due
			.byCurrency(lines.stream().filter(l -> l.status() == FeeStatus.DUE && !l.amount().isZero())));
		Map<String, String> methods = new LinkedHashMap<>();
		for (String m : List.of("CASH", "CARD", "FPS")) {
			methods.put(m, messages.getMessage("payments.window.method." + m, null, locale));
		}
		model.addAttribute("methods", methods);
		model.addAttribute("windowErrors", errors);
		model.addAttribute("windowForm", form);
	}

	private List<Row> rows(List<FeeLine> lines, Locale locale) {
		return lines.stream()
			.map(l -> new Row(l.taskId(), catalog.item(l.itemCode()).map(i -> i.name().in(locale)).orElse(l.itemCode()),
					l.amount(), l.status(), l.waiveReason()))
			.toList();
	}

	// ------------------------------------------------------------------ the officer's task page

	@GetMapping("/payments/waivers/" + ReceiptNumberFormat.ROUTE_VARIABLE + "/{taskId}")
	String waiver(@PathVariable String receipt, @PathVariable long taskId,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
		waiverModel(model, CurrentUser.require(), receipt, taskId, locale, null, null);
		return htmx != null ? "payments/waiver :: fee" : "payments/waiver";
	}

	@PostMapping("/payments/waivers/" + ReceiptNumberFormat.ROUTE_VARIABLE + "/{taskId}")
	String waive(@PathVariable String receipt, @PathVariable long taskId, @RequestParam(required = false) String reason,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		EstationUser user = CurrentUser.require();
		try {
			payments.waive(user, receipt, taskId, reason);
			redirect.addFlashAttribute("done", "payments.waiver.done");
			return user.hasRole(org.hetao.estation.identity.Role.OFFICER) ? "redirect:/work-queue/tasks/" + taskId
					: "redirect:/payments/waivers/" + receipt + "/" + taskId;
		}
		catch (Problem problem) {
			if (problem.kind() != Problem.Kind.UNPROCESSABLE && problem.kind() != Problem.Kind.CONFLICT) {
				throw problem;
			}
			response.setStatus(problem.kind().status());
			var first = problem.fieldErrors().stream().findFirst();
			String message = first.map(e -> messages.getMessage(e.messageKey(), e.args(), locale))
				.orElseGet(() -> messages.getMessage(problem.messageKey(), problem.args(), locale));
			waiverModel(model, user, receipt, taskId, locale, message, reason);
			return "payments/waiver";
		}
	}

	private void waiverModel(Model model, EstationUser user, String receipt, long taskId, Locale locale,
			String reasonError, String reasonGiven) {
		FeeLine line = payments.fees(user, receipt)
			.stream()
			.filter(l -> l.taskId() == taskId)
			.findFirst()
			.orElse(null);
		model.addAttribute("receipt", receipt);
		model.addAttribute("taskId", taskId);
		model.addAttribute("fee", line == null ? null : rows(List.of(line), locale).get(0));
		model.addAttribute("waivable", line != null && (line.status() == FeeStatus.DUE || line.status() == FeeStatus.NOT_YET_DUE));
		model.addAttribute("reasonError", reasonError);
		model.addAttribute("reasonGiven", reasonGiven);
	}

}
