package org.hetao.estation.supervision.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.hetao.estation.supervision.Figures;
import org.hetao.estation.supervision.Supervision;
import org.hetao.estation.shared.Problem;
import org.hetao.estation.shared.TableExports;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The supervision dashboard (督查), its chart data, its exports and the drill-down to a case. */
@Controller
class SupervisionController {

	/** The longest period one request may cover. */
	static final int MAX_DAYS = 366;

	/** How many running items the "needs attention" table shows; the lists behind the tiles show the rest. */
	static final int ATTENTION_ROWS = 10;

	/** The longest list of running items one page shows. */
	static final int TASK_LIST_LIMIT = 200;

	private final Supervision supervision;

	private final DashboardView view;

	private final org.hetao.estation.hall.HallQueue hallQueue;

	private final org.hetao.estation.payments.Payments payments;

	private final org.hetao.estation.catalog.Catalog catalog;

	SupervisionController(Supervision supervision, DashboardView view, org.hetao.estation.hall.HallQueue hallQueue,
			org.hetao.estation.payments.Payments payments, org.hetao.estation.catalog.Catalog catalog) {
		this.payments = payments;
		this.catalog = catalog;
		this.supervision = supervision;
		this.view = view;
		this.hallQueue = hallQueue;
	}

	record Period(LocalDate from, LocalDate to) {
	}

	static Period period(Supervision supervision, String from, String to) {
		LocalDate today = supervision.today();
		try {
			LocalDate f = from == null || from.isBlank() ? today.minusDays(29) : LocalDate.parse(from);
			LocalDate t = to == null || to.isBlank() ? today : LocalDate.parse(to);
			if (t.isBefore(f) || f.plusDays(MAX_DAYS).isBefore(t)) {
				throw Problem.invalid("supervision.period.invalid");
			}
			return new Period(f, t);
		}
		catch (DateTimeParseException e) {
			throw Problem.invalid("supervision.period.invalid");
		}
	}

	@GetMapping("/supervision")
	String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Model model, Locale locale) {
		Period p = period(supervision, from, to);
		Supervision.Dashboard d = supervision.dashboard(p.from(), p.to());
		model.addAttribute("d", d);
		model.addAttribute("rows", view.rows(d, locale));
		model.addAttribute("satisfaction", view.satisfaction(d, locale));
		model.addAttribute("dimensions", Figures.Dimension.values());
		model.addAttribute("queue", hallQueue.waits(p.from(), p.to()));
		fees(model, locale);
		model.addAttribute("tiles", view.tiles(d, locale));
		model.addAttribute("charts", List.of(view.workload(d, locale), view.trend(d, locale), view.ratings(d, locale)));
		model.addAttribute("attention", view.attention(d, ATTENTION_ROWS, locale));
		model.addAttribute("promises", supervision.promises(d.from(), d.to()));
		model.addAttribute("attentionMore", d.overdue().size() + d.dueSoon().size() > ATTENTION_ROWS);
		return "supervision/dashboard";
	}

	/** One line of the fees table: whose (all departments, or one by name) and its figures. */
	record FeeRow(String department, org.hetao.estation.payments.FeeFigures.Figure figure) {
	}

	/**
	 * The fees collected and outstanding to date (not over the period: a fee is collected once, whenever it fell
	 * due), per currency and per department, as the payments module adds up its fee lines.
	 */
	private void fees(Model model, Locale locale) {
		var figures = payments.figures();
		model.addAttribute("feeTotals", figures.byCurrency());
		model.addAttribute("feeDepartments", figures.byDepartment()
			.stream()
			.map(f -> new FeeRow(catalog.department(f.departmentCode()).map(d -> d.name().in(locale)).orElse(f.departmentCode()), f))
			.toList());
	}

	@GetMapping("/supervision/cases/{receipt}")
	String caseDrillDown(@PathVariable String receipt, Model model) {
		var tasks = supervision.caseTasks(receipt);
		if (tasks.isEmpty()) {
			throw Problem.notFound("supervision.case.notFound");
		}
		model.addAttribute("receipt", receipt);
		model.addAttribute("tasks", tasks);
		model.addAttribute("today", supervision.today());
		model.addAttribute("overdueItems",
				tasks.stream().filter(supervision::overdue).map(org.hetao.estation.supervision.TaskRecord::itemCode).toList());
		return "supervision/case";
	}

	/** The running items behind a headline figure: all, due soon or overdue, the nearest deadline first. */
	@GetMapping("/supervision/tasks")
	String tasks(@RequestParam(defaultValue = "OPEN") String show, Model model, Locale locale) {
		Supervision.Show which;
		try {
			which = Supervision.Show.valueOf(show);
		}
		catch (IllegalArgumentException e) {
			throw Problem.invalid("supervision.tasks.invalid");
		}
		var tasks = supervision.running(which, TASK_LIST_LIMIT + 1);
		model.addAttribute("show", which);
		model.addAttribute("tasks", view.attention(tasks.stream().limit(TASK_LIST_LIMIT).toList(), supervision.today(), locale));
		model.addAttribute("more", tasks.size() > TASK_LIST_LIMIT);
		model.addAttribute("limit", TASK_LIST_LIMIT);
		return "supervision/tasks";
	}

	@GetMapping("/supervision/export.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Locale locale) {
		Period p = period(supervision, from, to);
		List<List<Object>> table = view.table(supervision.dashboard(p.from(), p.to()), locale);
		return TableExports.download(TableExports.csv(table), TableExports.CSV_TYPE,
				"supervision-" + p.from() + "-" + p.to() + ".csv");
	}

	@GetMapping("/supervision/export.xlsx")
	ResponseEntity<byte[]> excel(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Locale locale) {
		Period p = period(supervision, from, to);
		List<List<Object>> table = view.table(supervision.dashboard(p.from(), p.to()), locale);
		return TableExports.download(TableExports.xlsx(view.msg("supervision.title", locale), table),
				TableExports.XLSX_TYPE,
				"supervision-" + p.from() + "-" + p.to() + ".xlsx");
	}


}
