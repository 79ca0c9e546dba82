package org.hetao.estation.payments.web;

import java.util.List;

import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.payments.Payment;
import org.hetao.estation.payments.RefundDesk;
import org.springframework.stereotype.Component;

/**
 * The payments an officer's task page offers to refund ({@code ${@paymentLinks.refunds(receipt)}} in
 * {@code payments/links :: refunds}): those of the case that went through and paid a fee of the officer's
 * department, each linking its refund page.
 */
@Component("paymentLinks")
public class PaymentLinks {

	private final RefundDesk desk;

	PaymentLinks(RefundDesk desk) {
		this.desk = desk;
	}

	public List<Payment> refunds(String receiptNumber) {
		return CurrentUser.get().map(user -> desk.forOfficer(user, receiptNumber)).orElse(List.of());
	}

}
