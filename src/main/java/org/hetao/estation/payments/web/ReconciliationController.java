package org.hetao.estation.payments.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.payments.Reconciliations;
import org.hetao.estation.shared.Problem;
import org.hetao.estation.shared.TableExports;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The daily reconciliation for supervisors: totals per department, channel and currency, and every difference. */
@Controller
class ReconciliationController {

	private final Reconciliations reconciliations;

	private final Catalog catalog;

	private final MessageSource messages;

	ReconciliationController(Reconciliations reconciliations, Catalog catalog, MessageSource messages) {
		this.reconciliations = reconciliations;
		this.catalog = catalog;
		this.messages = messages;
	}

	/** A day's row of the totals, named for people. */
	record TotalRow(String department, String channel, String paid, String refunded) {
	}

	@GetMapping("/payments/reconciliation")
	String page(@RequestParam(required = false) String date, Model model, Locale locale) {
		Reconciliations.Report report = reconciliations.report(day(date));
		model.addAttribute("report", report);
		model.addAttribute("ranAt", report.ranAt() == null ? null
				: java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(report.ranAt().atZone(reconciliations.zone())));
		model.addAttribute("totals", report.totals()
			.stream()
			.map(t -> new TotalRow(department(t.departmentCode(), locale), channel(t.channel(), locale),
					t.paid().format(locale), t.refunded().format(locale)))
			.toList());
		return "payments/reconciliation";
	}

	@PostMapping("/payments/reconciliation")
	String run(@RequestParam(required = false) String date) {
		LocalDate day = day(date);
		reconciliations.run(day);
		return "redirect:/payments/reconciliation?date=" + day + "&ran";
	}

	@GetMapping("/payments/reconciliation/export.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String date, Locale locale) {
		LocalDate day = day(date);
		return TableExports.download(TableExports.csv(table(day, locale)), TableExports.CSV_TYPE, "reconciliation-" + day + ".csv");
	}

	@GetMapping("/payments/reconciliation/export.xlsx")
	ResponseEntity<byte[]> excel(@RequestParam(required = false) String date, Locale locale) {
		LocalDate day = day(date);
		return TableExports.download(TableExports.xlsx(msg("payments.reconciliation.title", locale), table(day, locale)),
				TableExports.XLSX_TYPE, "reconciliation-" + day + ".xlsx");
	}

	/** The report as one table: the totals, then the differences (amounts in major units, as numbers). */
	private List<List<Object>> table(LocalDate day, Locale locale) {
		Reconciliations.Report report = reconciliations.report(day);
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of(msg("payments.reconciliation.department", locale), msg("payments.reconciliation.channel", locale),
				msg("payments.reconciliation.currency", locale), msg("payments.reconciliation.paid", locale),
				msg("payments.reconciliation.refunded", locale)));
		for (Reconciliations.Total t : report.totals()) {
			rows.add(List.of(department(t.departmentCode(), locale), channel(t.channel(), locale), t.paid().currency(),
					t.paid().major(), t.refunded().major()));
		}
		rows.add(List.of());
		rows.add(List.of(msg("payments.reconciliation.reference", locale), msg("payments.reconciliation.kind", locale),
				msg("payments.reconciliation.currency", locale), msg("payments.reconciliation.ours", locale),
				msg("payments.reconciliation.theirs", locale)));
		for (Reconciliations.Mismatch m : report.mismatches()) {
			rows.add(List.of(m.providerRef(), msg("payments.reconciliation.kind." + m.kind().name(), locale),
					m.platform().currency(), m.platform().major(), m.provider_().major()));
		}
		return rows;
	}

	private LocalDate day(String date) {
		if (date == null || date.isBlank()) {
			return reconciliations.yesterday();
		}
		try {
			return LocalDate.parse(date);
		}
		catch (DateTimeParseException e) {
			throw Problem.invalid("payments.reconciliation.badDate");
		}
	}

	private String department(String code, Locale locale) {
		return catalog.department(code).map(d -> d.name().in(locale)).orElse(code);
	}

	/** A provider's label; one added without a label of its own (a new adapter) is shown by its name, not an error. */
	private String channel(String provider, Locale locale) {
		String label = messages.getMessage("payments.channel." + provider, null, null, locale);
		return label != null ? label : messages.getMessage("payments.channel.other", new Object[] { provider }, locale);
	}

	private String msg(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}


}
