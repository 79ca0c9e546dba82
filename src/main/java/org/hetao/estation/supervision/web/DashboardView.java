package org.hetao.estation.supervision.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.feedback.Satisfaction;
import org.hetao.estation.supervision.Figures;
import org.hetao.estation.supervision.Supervision;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Labels the dashboard's keys (codes) in the reader's language, for the page, the chart and the exports. */
@Component
class DashboardView {

	record Labelled(String key, String label, Figures.Row row) {
	}

	record LabelledSatisfaction(String key, String label, Satisfaction.Figure figure) {
	}

	private final Catalog catalog;

	private final MessageSource messages;

	DashboardView(Catalog catalog, MessageSource messages) {
		this.catalog = catalog;
		this.messages = messages;
	}

	String label(String dimension, String key, Locale locale) {
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

}
