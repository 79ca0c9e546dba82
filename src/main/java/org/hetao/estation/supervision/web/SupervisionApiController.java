package org.hetao.estation.supervision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.hetao.estation.supervision.Supervision;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Supervision", description = "Deadlines, corrections, queues and satisfaction over a period")
class SupervisionApiController {

	private final Supervision supervision;

	private final org.hetao.estation.payments.Payments payments;

	SupervisionApiController(Supervision supervision, org.hetao.estation.payments.Payments payments) {
		this.supervision = supervision;
		this.payments = payments;
	}

	/** One currency's fee figures, in minor units; {@code department} null for all departments. */
	record FeeFigureJson(String department, String currency, long collected, long outstanding, long notYetDue,
			long waived) {

		static FeeFigureJson of(org.hetao.estation.payments.FeeFigures.Figure f) {
			return new FeeFigureJson(f.departmentCode(), f.collected().currency(), f.collected().minor(),
					f.outstanding().minor(), f.notYetDue().minor(), f.waivedCount());
		}

	}

	record FeesJson(java.util.List<FeeFigureJson> byCurrency, java.util.List<FeeFigureJson> byDepartment) {
	}

	@GetMapping("/api/v1/supervision/fees")
	@Operation(summary = "Fees collected and outstanding to date, per currency and per department",
			description = "Amounts in minor units (fen, cents), never summed across currencies: collected (paid, not refunded), "
					+ "outstanding (due and unpaid), notYetDue (assessed, not yet accepted by the window); waived counts the fees waived.")
	FeesJson fees() {
		var figures = payments.figures();
		return new FeesJson(figures.byCurrency().stream().map(FeeFigureJson::of).toList(),
				figures.byDepartment().stream().map(FeeFigureJson::of).toList());
	}

	@GetMapping("/api/v1/supervision/figures")
	@Operation(summary = "The dashboard's figures over a period (ISO dates, both included; default the last 30 days)",
			description = "400 problem detail when the period is malformed, reversed or longer than a year")
	Supervision.Dashboard figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		SupervisionController.Period p = SupervisionController.period(supervision, from, to);
		return supervision.dashboard(p.from(), p.to());
	}

}
