package org.hetao.estation.payments.web;

import java.math.BigDecimal;
import java.util.Locale;

import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.payments.Payments;
import org.hetao.estation.payments.RefundDesk;
import org.hetao.estation.shared.Money;
import org.hetao.estation.shared.Problem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The deciding department's officer refunds part or all of a payment: the amount as people write money (12.50,
 * read exactly with BigDecimal: never floating point) and a reason the payer will read. The page shows what was
 * paid and refunded already, and says why when no refund can be made.
 */
@Controller
class RefundController {

	private final RefundDesk desk;

	private final Payments payments;

	private final Catalog catalog;

	private final MessageSource messages;

	RefundController(RefundDesk desk, Payments payments, Catalog catalog, MessageSource messages) {
		this.desk = desk;
		this.payments = payments;
		this.catalog = catalog;
		this.messages = messages;
	}

	@GetMapping("/payments/{paymentId}/refund")
	String initRefundForm(@PathVariable String paymentId, Model model, Locale locale) {
		fill(model, CurrentUser.require(), paymentId, locale);
		return "payments/refund";
	}

	@PostMapping("/payments/{paymentId}/refund")
	String processRefundForm(@PathVariable String paymentId, @RequestParam(defaultValue = "") String amount,
			@RequestParam(defaultValue = "") String reason, Model model, Locale locale, RedirectAttributes redirect) {
		EstationUser user = CurrentUser.require();
		RefundDesk.Refundable view = fill(model, user, paymentId, locale);
		model.addAttribute("amountText", amount);
		model.addAttribute("reasonText", reason);
		Long minor = minorUnits(amount);
		boolean invalid = false;
		if (minor == null) {
			model.addAttribute("amountError", t("payments.refund.amountInvalid", locale));
			invalid = true;
		}
		if (reason.isBlank() || reason.length() > 500) {
			model.addAttribute("reasonError", t("payments.error.refundReason", locale));
			invalid = true;
		}
		if (invalid || view.whyNot() != null) {
			return "payments/refund";
		}
		try {
			payments.refund(user, paymentId, minor, reason.strip());
		}
		catch (Problem refused) {
			switch (refused.messageKey()) {
				case "payments.error.refundTooMuch" -> model.addAttribute("amountError",
						messages.getMessage("payments.refund.tooMuch", new Object[] { view.left().format(locale) }, locale));
				case "payments.error.refundInvalid" -> refused.fieldErrors()
					.forEach(e -> model.addAttribute(e.field() + "Error", t(e.field().equals("amount")
							? "payments.refund.amountInvalid" : e.messageKey(), locale)));
				default -> model.addAttribute("refusal", t(refused.messageKey(), locale));
			}
			return "payments/refund";
		}
		redirect.addFlashAttribute("refunded", Money.of(minor, view.paid().currency()).format(locale));
		return "redirect:/payments/" + paymentId + "/refund";
	}

	/** An amount as people write it (12.50, 1,200) in minor units; null when it is not a positive amount of cents. */
	static Long minorUnits(String typed) {
		String s = typed == null ? "" : typed.strip().replace(",", "");
		if (!s.matches("\\d{1,12}(\\.\\d{1,2})?")) {
			return null;
		}
		long minor = new BigDecimal(s).movePointRight(2).longValueExact();
		return minor > 0 ? minor : null;
	}

	private String t(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private RefundDesk.Refundable fill(Model model, EstationUser user, String paymentId, Locale locale) {
		RefundDesk.Refundable view = desk.of(user, paymentId);
		model.addAttribute("view", view);
		model.addAttribute("items", view.lines()
			.stream()
			.map(l -> catalog.item(l.itemCode()).map(i -> i.name().in(locale)).orElse(l.itemCode()))
			.toList());
		return view;
	}

}
