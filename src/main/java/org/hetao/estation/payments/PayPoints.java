package org.hetao.estation.payments;

import java.util.Optional;

import org.hetao.estation.casework.FeeGate;
import org.hetao.estation.payments.internal.PaymentBooks;
import org.hetao.estation.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The pay points casework asks about: a task's fee holds it back while it is due or not yet due and its item says
 * to pay before this point. A task with no fee line (free, or from before fees were kept) is never held.
 */
@Component
class PayPoints implements FeeGate {

	private final PaymentBooks books;

	PayPoints(PaymentBooks books) {
		this.books = books;
	}

	@Override
	public Optional<Money> unpaid(long taskId, Point point) {
		return books.lineOfTask(taskId)
			.filter(l -> l.status() == FeeStatus.DUE || l.status() == FeeStatus.NOT_YET_DUE)
			.filter(l -> point.holds(l.payBefore()) && !l.amount().isZero())
			.map(FeeLine::amount);
	}

}
