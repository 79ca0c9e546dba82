package org.hetao.estation.supervision.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.calendar.WorkingDayClock;
import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.feedback.Rating;
import org.hetao.estation.feedback.Satisfaction;
import org.hetao.estation.supervision.Figures;
import org.hetao.estation.supervision.Supervision;
import org.hetao.estation.supervision.TaskRecord;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Labels the dashboard's keys (codes) in the reader's language, for the page, the chart and the exports. */
@Component
class DashboardView {

	record Labelled(String key, String label, Figures.Row row) {
	}

	record LabelledSatisfaction(String key, String label, Satisfaction.Figure figure) {
	}

	/**
	 * A headline figure: a big number, what it counts in plain words, how it compares with the period before, a tone
	 * that means something ({@code alert} only for overdue work, {@code warning} for work at risk, {@code good} for none
	 * overdue, else {@code neutral}) and the list behind it.
	 */
	record Tile(String id, String caption, String value, String comparison, String tone, String href, String link) {
	}

	/** A chart's data as the table that is also its text alternative: series as columns, categories as rows. */
	record ChartTable(String id, String caption, List<String> columns, List<ChartRow> rows) {

		/** Nothing to draw: no row, or no figure in any row (a trend of weeks where nothing was decided). */
		public boolean empty() {
			return rows.stream().flatMap(r -> r.values().stream()).allMatch(java.util.Objects::isNull);
		}

	}

	/** One category: its full label, a short one for the axis, and one value per column (null: no figure). */
	record ChartRow(String label, String shortLabel, List<Number> values) {
	}

	/** A running item for the "needs attention" lists, in words: item and department names, days past or left. */
	record Attention(String receipt, String item, String department, LocalDate deadline, boolean overdue,
			String state, boolean provisional) {
	}

	private static final List<Rating> RATINGS = List.of(Rating.VERY_SATISFIED, Rating.SATISFIED,
			Rating.BASICALLY_SATISFIED, Rating.DISSATISFIED, Rating.VERY_DISSATISFIED);

	private final Catalog catalog;

	private final MessageSource messages;

	private final WorkingCalendars calendars;

	DashboardView(Catalog catalog, MessageSource messages, WorkingCalendars calendars) {
		this.catalog = catalog;
		this.messages = messages;
		this.calendars = calendars;
	}

	String label(String dimension, String key, Locale locale) {
		if (key == null) {
			return "—";
		}
		return switch (dimension) {
			case "DOMAIN" -> messages.getMessage("supervision.domain." + key, null, key, locale);
			case "DEPARTMENT" -> catalog.department(key).map(d -> d.name().in(locale)).orElse(key);
			case "ITEM" -> catalog.item(key).map(i -> key + " " + i.name().in(locale)).orElse(key);
			case "CHANNEL" -> messages.getMessage("supervision.channel." + key, null, key, locale);
			case "WINDOW" -> messages.getMessage("supervision.window", new Object[] { key }, locale);
			default -> key;
		};
	}

	Map<Figures.Dimension, List<Labelled>> rows(Supervision.Dashboard d, Locale locale) {
		Map<Figures.Dimension, List<Labelled>> out = new LinkedHashMap<>();
		d.by().forEach((dim, rows) -> out.put(dim,
				rows.stream().map(r -> new Labelled(r.key(), label(dim.name(), r.key(), locale), r)).toList()));
		return out;
	}

	Map<Satisfaction.Dimension, List<LabelledSatisfaction>> satisfaction(Supervision.Dashboard d, Locale locale) {
		Map<Satisfaction.Dimension, List<LabelledSatisfaction>> out = new LinkedHashMap<>();
		d.satisfaction().forEach((dim, rows) -> out.put(dim, rows.stream()
			.map(r -> new LabelledSatisfaction(r.key(), label(dim.name(), r.key(), locale), r))
			.toList()));
		return out;
	}

	/** The figures as one table: a header row, then one row per dimension and group (for CSV and Excel). */
	List<List<Object>> table(Supervision.Dashboard d, Locale locale) {
		List<List<Object>> table = new ArrayList<>();
		table.add(List.of(msg("supervision.col.dimension", locale), msg("supervision.col.key", locale),
				msg("supervision.col.group", locale), msg("supervision.col.received", locale),
				msg("supervision.col.completed", locale), msg("supervision.col.overdue", locale),
				msg("supervision.col.onTime", locale), msg("supervision.col.taken", locale),
				msg("supervision.col.promised", locale), msg("supervision.col.corrections", locale)));
		add(table, msg("supervision.total", locale), "*", msg("supervision.total", locale), d.total());
		rows(d, locale).forEach((dim, rows) -> rows
			.forEach(r -> add(table, msg("supervision.dimension." + dim.name(), locale), r.key(), r.label(), r.row())));
		return table;
	}

	private static void add(List<List<Object>> table, String dimension, String key, String label, Figures.Row r) {
		List<Object> row = new ArrayList<>();
		row.add(dimension);
		row.add(key);
		row.add(label);
		row.add(r.received());
		row.add(r.completed());
		row.add(r.overdue());
		row.add(r.onTimePercent());
		row.add(r.averageTakenDays());
		row.add(r.averagePromisedDays());
		row.add(r.correctionPercent());
		table.add(row);
	}

	String msg(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private String msg(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	List<Tile> tiles(Supervision.Dashboard d, Locale locale) {
		Supervision.Glance g = d.glance();
		Figures.Row now = d.total();
		Figures.Row before = g.previous();
		String all = "/supervision/tasks?show=";
		return List.of(
				new Tile("open", msg("supervision.tile.open", locale), String.valueOf(g.openNow()),
						msg("supervision.tile.open.compare", locale, now.received(), before.received()), "neutral",
						all + Supervision.Show.OPEN, msg("supervision.tile.open.link", locale)),
				new Tile("dueSoon", msg("supervision.tile.dueSoon", locale, g.dueSoonWorkingDays()), String.valueOf(g.dueSoonNow()),
						msg("supervision.tile.dueSoon.compare", locale),
						g.dueSoonNow() > 0 ? "warning" : "neutral", all + Supervision.Show.DUE_SOON,
						msg("supervision.tile.dueSoon.link", locale)),
				new Tile("overdue", msg("supervision.tile.overdue", locale), String.valueOf(g.overdueNow()),
						msg("supervision.tile.overdue.compare", locale, now.overdue(), before.overdue()),
						g.overdueNow() > 0 ? "alert" : "good", all + Supervision.Show.OVERDUE,
						msg("supervision.tile.overdue.link", locale)),
				new Tile("onTime", msg("supervision.tile.onTime", locale, now.completed()), percent(now.onTimePercent()),
						points(now.onTimePercent(), before.onTimePercent(), locale), "neutral", "#table-DEPARTMENT",
						msg("supervision.tile.onTime.link", locale)),
				new Tile("satisfaction",
						msg("supervision.tile.satisfaction", locale, g.satisfaction() == null ? 0 : g.satisfaction().evaluations()),
						percent(g.satisfaction() == null ? null : g.satisfaction().satisfiedPercent()),
						points(g.satisfaction() == null ? null : g.satisfaction().satisfiedPercent(),
								g.previousSatisfaction() == null ? null : g.previousSatisfaction().satisfiedPercent(), locale),
						"neutral", "/rectifications", msg("supervision.tile.satisfaction.link", locale)),
				new Tile("days",
						now.averagePromisedDays() == null ? msg("supervision.tile.days.none", locale)
								: msg("supervision.tile.days", locale, now.averagePromisedDays()),
						now.averageTakenDays() == null ? "—" : String.valueOf(now.averageTakenDays()),
						days(now.averageTakenDays(), before.averageTakenDays(), locale), "neutral", "#table-ITEM",
						msg("supervision.tile.days.link", locale)));
	}

	private static String percent(Integer p) {
		return p == null ? "—" : p + "%";
	}

	/** A rate beside the period before, in percentage points and words. */
	private String points(Integer now, Integer before, Locale locale) {
		if (now == null || before == null) {
			return msg("supervision.tile.change.none", locale);
		}
		int change = now - before;
		return change == 0 ? msg("supervision.tile.change.same", locale)
				: msg(change > 0 ? "supervision.tile.change.pointsUp" : "supervision.tile.change.pointsDown", locale,
						Math.abs(change));
	}

	private String days(Double now, Double before, Locale locale) {
		if (now == null || before == null) {
			return msg("supervision.tile.change.none", locale);
		}
		double change = Math.round((now - before) * 10) / 10.0;
		return change == 0 ? msg("supervision.tile.change.same", locale)
				: msg(change < 0 ? "supervision.tile.change.faster" : "supervision.tile.change.slower", locale,
						String.valueOf(Math.abs(change)));
	}

	/** Received, completed and overdue per department. */
	ChartTable workload(Supervision.Dashboard d, Locale locale) {
		List<ChartRow> rows = rows(d, locale).get(Figures.Dimension.DEPARTMENT)
			.stream()
			.map(r -> new ChartRow(r.label(), r.label(),
					List.<Number>of(r.row().received(), r.row().completed(), r.row().overdue())))
			.toList();
		return new ChartTable("chart-workload", msg("supervision.chart.workload", locale),
				List.of(msg("supervision.col.received", locale), msg("supervision.col.completed", locale),
						msg("supervision.col.overdue", locale)),
				rows);
	}

	/** The on-time rate week by week. */
	ChartTable trend(Supervision.Dashboard d, Locale locale) {
		DateTimeFormatter day = DateTimeFormatter
			.ofPattern(msg("supervision.week.day", locale), locale);
		List<ChartRow> rows = d.glance()
			.weeks()
			.stream()
			.map(w -> new ChartRow(msg("supervision.week", locale, w.from().format(day), w.to().format(day), w.completed()),
					w.from().format(day), Arrays.<Number>asList(w.onTimePercent())))
			.toList();
		return new ChartTable("chart-trend", msg("supervision.chart.trend", locale),
				List.of(msg("supervision.col.onTime", locale)), rows);
	}

	/** Per department, how many evaluations of each rating. */
	ChartTable ratings(Supervision.Dashboard d, Locale locale) {
		List<ChartRow> rows = d.glance()
			.ratings()
			.stream()
			.map(b -> {
				String name = label("DEPARTMENT", b.key(), locale);
				return new ChartRow(name, name, RATINGS.stream().<Number>map(r -> b.counts().getOrDefault(r, 0)).toList());
			})
			.toList();
		return new ChartTable("chart-ratings", msg("supervision.chart.ratings", locale),
				RATINGS.stream().map(r -> msg(r.messageKey(), locale)).toList(), rows);
	}

	/** Overdue items first, then those due soon, the nearest deadline first, at most {@code limit}. */
	List<Attention> attention(Supervision.Dashboard d, int limit, Locale locale) {
		List<TaskRecord> all = new ArrayList<>(d.overdue());
		all.addAll(d.dueSoon());
		return attention(all.stream().limit(limit).toList(), d.today(), locale);
	}

	List<Attention> attention(List<TaskRecord> tasks, LocalDate today,
			Locale locale) {
		return tasks.stream().map(t -> {
			boolean overdue = t.overdue(today, calendars);
			WorkingDayClock.Status status = t.status(today, calendars);
			String state;
			if (t.deadline() == null) {
				state = msg("supervision.state.notAccepted", locale);
			}
			else if (overdue) {
				state = msg("supervision.state.overdueDays", locale,
						ChronoUnit.DAYS.between(t.deadline(), today));
			}
			else if (t.paused()) {
				state = msg("supervision.state.paused", locale);
			}
			else if (status == null) {
				long left = ChronoUnit.DAYS.between(today, t.deadline());
				state = left == 0 ? msg("supervision.state.dueToday", locale)
						: msg("supervision.state.dueInDays", locale, left);
			}
			else {
				// in the task's own jurisdiction's working days, as its officer sees it
				state = today.equals(t.deadline()) ? msg("supervision.state.dueToday", locale)
						: msg("supervision.state.workingDaysLeft", locale, status.remainingWorkingDays());
			}
			String item = catalog.item(t.itemCode()).map(i -> i.name().in(locale)).orElse(t.itemCode());
			return new Attention(t.receiptNumber(), item, label("DEPARTMENT", t.departmentCode(), locale), t.deadline(),
					overdue, state, t.deadlineProvisional() || (status != null && status.provisional()));
		}).toList();
	}

}
