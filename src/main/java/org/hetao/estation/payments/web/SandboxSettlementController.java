package org.hetao.estation.payments.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.hetao.estation.payments.PaymentProvider;
import org.hetao.estation.payments.internal.SandboxPayments;
import org.hetao.estation.shared.Problem;
import org.hetao.estation.shared.TableExports;
import org.hetao.estation.shared.Zone;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox provider's settlement file of a day, as a provider hands one over: CSV, a header row, one row per
 * payment it took and refund it made that day (the same lines the nightly reconciliation reads). For supervisors
 * and administrators only (the access rules): it is the money of every payer of the day, and a signed download
 * like the provider's notifications would let any holder of the sandbox secret read it — the staff sign-in, with
 * its second factor, is the stronger lock and what the reconciliation page's readers already have.
 */
@RestController
class SandboxSettlementController {

	static final List<String> HEADER = List.of("settlement_date", "provider", "provider_ref", "type", "currency",
			"amount_minor", "amount");

	private final SandboxPayments sandbox;

	SandboxSettlementController(SandboxPayments sandbox) {
		this.sandbox = sandbox;
	}

	@GetMapping("/sandbox-pay/settlements/{day}.csv")
	ResponseEntity<byte[]> settlement(@PathVariable String day) {
		LocalDate date;
		try {
			date = LocalDate.parse(day);
		}
		catch (DateTimeParseException e) {
			throw Problem.invalid("payments.reconciliation.badDate");
		}
		List<List<?>> table = new ArrayList<>();
		table.add(HEADER);
		for (PaymentProvider.SettlementLine line : sandbox.settlement(date, Zone.ID)) {
			table.add(List.of(date.toString(), sandbox.name(), line.providerRef(), line.kind().name(),
					line.amount().currency(), line.amount().minor(), line.amount().major().toPlainString()));
		}
		return TableExports.download(TableExports.csv(table), TableExports.CSV_TYPE,
				"settlement-" + sandbox.name() + "-" + date + ".csv");
	}

}
