package org.hetao.estation.payments.web;

import org.hetao.estation.payments.Payments;
import org.hetao.estation.payments.internal.SandboxPayments;
import org.hetao.estation.shared.Problem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sandbox provider's hosted page (what {@code nextUrl} points to): the payer types a test card number; the
 * sandbox decides, queues its signed notification, and sends the payer back to the platform.
 */
@Controller
class SandboxPayController {

	private final SandboxPayments sandbox;

	private final Payments payments;

	private final MessageSource messages;

	SandboxPayController(SandboxPayments sandbox, Payments payments, MessageSource messages) {
		this.sandbox = sandbox;
		this.payments = payments;
		this.messages = messages;
	}

	@GetMapping("/sandbox-pay/{ref}")
	String page(@PathVariable String ref, Model model) {
		model.addAttribute("checkout", session(ref));
		return "payments/sandbox-pay";
	}

	@PostMapping("/sandbox-pay/{ref}")
	String pay(@PathVariable String ref, @RequestParam(defaultValue = "") String cardNumber, Model model,
			java.util.Locale locale) {
		SandboxPayments.Session session = session(ref);
		SandboxPayments.Decision decision = sandbox.decide(ref, cardNumber);
		if (decision == SandboxPayments.Decision.NOT_A_TEST_CARD) {
			model.addAttribute("checkout", session);
			model.addAttribute("cardNumber", cardNumber);
			model.addAttribute("cardError", messages.getMessage(
					cardNumber.isBlank() ? "payments.sandbox.cardMissing" : "payments.sandbox.cardInvalid", null, locale));
			return "payments/sandbox-pay";
		}
		if (decision != SandboxPayments.Decision.ALREADY_DECIDED) {
			payments.submitted(sandbox.name(), ref);
		}
		return "redirect:" + session.returnUrl();
	}

	private SandboxPayments.Session session(String ref) {
		return sandbox.session(ref).orElseThrow(() -> Problem.notFound("payments.error.notFound"));
	}

}
