package org.hetao.estation.payments.web;

import java.util.List;
import java.util.UUID;

import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.payments.FeeLine;
import org.hetao.estation.payments.FeeStatus;
import org.hetao.estation.payments.Payment;
import org.hetao.estation.payments.Payments;
import org.hetao.estation.shared.Money;
import org.hetao.estation.shared.Problem;
import org.hetao.estation.shared.ReceiptNumberFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The fees of an application as its applicant (or a clerk) sees them: each item's fee and where it stands, and
 * "pay now" for what is due — one payment per currency, made once however often the button is pressed (the form
 * carries its idempotency key).
 */
@Controller
class FeesController {

	private final Payments payments;

	private final Catalog catalog;

	FeesController(Payments payments, Catalog catalog) {
		this.payments = payments;
		this.catalog = catalog;
	}

	/** One line as the page shows it. */
	record Row(String itemName, Money amount, FeeStatus status) {
	}

	/** What is due now in one currency, with the key that makes (or records) its payment once. */
	record Due(Money total, String key) {

		/** The lines' amounts added up per currency, in currency order, each with a fresh key. */
		static List<Due> byCurrency(java.util.stream.Stream<FeeLine> lines) {
			return lines.map(FeeLine::amount)
				.collect(java.util.stream.Collectors.groupingBy(Money::currency, java.util.TreeMap::new,
						java.util.stream.Collectors.reducing(null, (a, b) -> a == null ? b : a.plus(b))))
				.values()
				.stream()
				.map(total -> new Due(total, UUID.randomUUID().toString()))
				.toList();
		}

	}

	@GetMapping("/applications/" + ReceiptNumberFormat.ROUTE_VARIABLE + "/fees")
	String page(@PathVariable String receipt, @RequestParam(required = false) String payment, Model model,
			java.util.Locale locale) {
		EstationUser user = CurrentUser.require();
		fill(model, user, receipt, locale);
		if (payment != null) {
			try {
				model.addAttribute("payment", payments.payment(user, payment));
			}
			catch (Problem notTheirs) {
				// a payment that is not theirs (or none): say nothing about it
			}
		}
		return "payments/fees";
	}

	@GetMapping("/applications/" + ReceiptNumberFormat.ROUTE_VARIABLE + "/fees/summary")
	String summary(@PathVariable String receipt, Model model, java.util.Locale locale) {
		fill(model, CurrentUser.require(), receipt, locale);
		return "payments/fees :: summary";
	}

	@PostMapping("/applications/" + ReceiptNumberFormat.ROUTE_VARIABLE + "/fees/pay")
	String pay(@PathVariable String receipt, @RequestParam(required = false) String key,
			@RequestParam(required = false) String currency,
			RedirectAttributes redirect) {
		Payment p = payments.pay(CurrentUser.require(), receipt, key, currency);
		if (p.nextUrl() == null) {
			return "redirect:/applications/" + receipt + "/fees?payment=" + p.id();
		}
		return "redirect:" + p.nextUrl();
	}

	private void fill(Model model, EstationUser user, String receipt, java.util.Locale locale) {
		List<FeeLine> lines = payments.fees(user, receipt);
		model.addAttribute("receipt", receipt);
		// a payment begun and not finished at the provider: go on with it rather than start another
		model.addAttribute("open", payments.payments(user, receipt)
			.stream()
			.filter(p -> p.status() == org.hetao.estation.payments.PaymentStatus.CREATED && p.nextUrl() != null
					&& p.payerAccountId() == user.id())
			.toList());
		List<Payment> made = payments.payments(user, receipt);
		// each payment that went through has its e-receipt
		model.addAttribute("receipts", made.stream().filter(org.hetao.estation.payments.PaymentReceipts::hasReceipt).toList());
		model.addAttribute("rows", lines.stream()
			.map(l -> new Row(catalog.item(l.itemCode()).map(i -> i.name().in(locale)).orElse(l.itemCode()), l.amount(),
					l.status()))
			.toList());
		boolean payer = lines.stream().allMatch(l -> l.applicantAccountId() != null && l.applicantAccountId() == user.id());
		model.addAttribute("due", !payer ? List.of() : Due.byCurrency(lines.stream().filter(l -> l.status() == FeeStatus.DUE)));
	}

}
