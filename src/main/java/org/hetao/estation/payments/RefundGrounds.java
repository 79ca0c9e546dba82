package org.hetao.estation.payments;

import java.util.List;

import org.hetao.estation.casework.CaseView;
import org.hetao.estation.casework.TaskStatus;

/**
 * When an officer may refund a payment: the officer's department's task that the fee paid for was not accepted
 * (refused before acceptance) or was withdrawn. (A payment that paid fees already paid another way — an
 * overpayment — is refunded by the platform itself when its notification comes.)
 */
final class RefundGrounds {

	private RefundGrounds() {
	}

	static boolean hold(CaseView c, List<FeeLine> lines, String department) {
		return c != null && lines.stream()
			.filter(l -> l.departmentCode().equals(department))
			.map(l -> c.task(l.taskId()).status())
			.anyMatch(s -> s == TaskStatus.NOT_ACCEPTED || s == TaskStatus.WITHDRAWN);
	}

}
