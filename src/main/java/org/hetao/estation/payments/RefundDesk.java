package org.hetao.estation.payments;

import java.util.List;
import java.util.Set;

import org.hetao.estation.casework.CaseReading;
import org.hetao.estation.casework.CaseView;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.payments.internal.PaymentBooks;
import org.hetao.estation.shared.Money;
import org.hetao.estation.shared.Problem;
import org.springframework.stereotype.Service;

/**
 * What the officer's refund page shows before a refund: what was paid, what has been refunded already, what is
 * left, and — when no refund is possible — why, by the same rules {@link Payments#refund} enforces.
 */
@Service
public class RefundDesk {

	private static final EstationUser SYSTEM = new EstationUser(0, "payments", null, "payments", Set.of(Role.CLERK), null,
			null, null, true, null);

	private final PaymentBooks books;

	private final CaseReading cases;

	RefundDesk(PaymentBooks books, CaseReading cases) {
		this.books = books;
		this.cases = cases;
	}

	/**
	 * A payment as its refund page shows it.
	 *
	 * @param lines the fee lines it paid of the officer's department
	 * @param whyNot the message key saying why no refund can be made, {@code null} when one can
	 */
	public record Refundable(Payment payment, List<FeeLine> lines, Money paid, Money refunded, Money left, String whyNot) {
	}

	/**
	 * The payments of a case that went through and paid a fee of the officer's department: what the officer's task
	 * page offers to refund (nothing for anyone but an officer).
	 */
	public List<Payment> forOfficer(EstationUser user, String receipt) {
		String department = user.hasRole(Role.OFFICER) ? user.department().orElse(null) : null;
		if (department == null) {
			return List.of();
		}
		return books.payments(receipt)
			.stream()
			.filter(PaymentReceipts::hasReceipt)
			.filter(p -> books.linesOf(p.id()).stream().anyMatch(l -> l.departmentCode().equals(department)))
			.toList();
	}

	/** For an officer of a department whose fee the payment paid; anyone else 404 (as the refund API answers). */
	public Refundable of(EstationUser user, String paymentId) {
		Payment p = books.payment(paymentId).orElseThrow(() -> Problem.notFound("payments.error.notFound"));
		String department = user.hasRole(Role.OFFICER) ? user.department().orElse(null) : null;
		List<FeeLine> all = books.linesOf(paymentId);
		List<FeeLine> ours = all.stream().filter(l -> l.departmentCode().equals(department)).toList();
		if (department == null || ours.isEmpty()) {
			throw Problem.notFound("payments.error.notFound");
		}
		Money refunded = Money.of(p.refundedMinor(), p.amount().currency());
		Money left = p.amount().minus(refunded);
		String whyNot = null;
		if (p.status() == PaymentStatus.REFUNDED) {
			whyNot = "payments.refund.whyNot.allRefunded";
		}
		else if (p.status() != PaymentStatus.SUCCEEDED && p.status() != PaymentStatus.PARTIALLY_REFUNDED) {
			whyNot = "payments.refund.whyNot.notPaid";
		}
		else if (!RefundGrounds.hold(caseOf(p), all, department)) {
			whyNot = "payments.refund.whyNot.noGrounds";
		}
		return new Refundable(p, ours, p.amount(), refunded, left, whyNot);
	}

	private CaseView caseOf(Payment p) {
		try {
			return cases.viewByReceipt(SYSTEM, p.receiptNumber());
		}
		catch (Problem gone) {
			return null;
		}
	}

}
