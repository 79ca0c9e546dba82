package org.hetao.estation.payments;

import java.util.List;

import org.hetao.estation.shared.Money;

/**
 * What the fee lines add up to, for supervision: per currency and per department and currency — collected (paid
 * and not refunded), outstanding (due, unpaid), not yet due (assessed, the window has not accepted), waived.
 */
public record FeeFigures(List<Figure> byCurrency, List<Figure> byDepartment) {

	/** One currency's figures; {@code departmentCode} null for all departments. */
	public record Figure(String departmentCode, Money collected, Money outstanding, Money notYetDue, long waivedCount) {
	}

}
