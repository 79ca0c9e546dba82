package org.hetao.estation.feedback;

import static org.hetao.estation.shared.Timestamps.ts;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Satisfaction figures over the evaluations given in a period, per item, department, window or channel. */
@Service
public class Satisfaction {

	public enum Dimension {
		ITEM("s.item_code"), DEPARTMENT("s.department_code"), WINDOW("s.window_number"), CHANNEL("s.service_channel");

		private final String column;

		Dimension(String column) {
			this.column = column;
		}
	}

	/**
	 * One group's figures.
	 *
	 * @param satisfiedPercent the share rated basically satisfied or better, 0–100
	 * @param averageScore 1 (very dissatisfied) to 5 (very satisfied)
	 */
	public record Figure(String key, int evaluations, int veryDissatisfied, int dissatisfied, int satisfiedPercent,
			double averageScore) {

		public int bad() {
			return veryDissatisfied + dissatisfied;
		}

	}

	private static final Set<String> BAD = Set.of(Rating.DISSATISFIED.name(), Rating.VERY_DISSATISFIED.name());

	private final JdbcClient jdbc;

	Satisfaction(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Figure> by(Dimension dimension, Instant from, Instant to) {
		return breakdown(dimension, from, to).stream().map(b -> figure(b.key(), b.counts())).toList();
	}

	/** How many evaluations of each rating one group received, the best rating first. */
	public record Breakdown(String key, Map<Rating, Integer> counts) {

		public int evaluations() {
			return counts.values().stream().mapToInt(Integer::intValue).sum();
		}

	}

	/** Per group, the count of each rating given in the period (a rating nobody gave counts 0). */
	public List<Breakdown> breakdown(Dimension dimension, Instant from, Instant to) {
		String sql = """
				select %s as k, e.rating, count(*) as n
				from feedback_evaluation e join feedback_service s on s.id = e.service_id
				where e.created_at >= :from and e.created_at < :to and %s is not null
				group by %s, e.rating
				""".formatted(dimension.column, dimension.column, dimension.column);
		Map<String, Map<Rating, Integer>> groups = new TreeMap<>();
		jdbc.sql(sql)
			.param("from", ts(from))
			.param("to", ts(to))
			.query(rs -> {
				groups.computeIfAbsent(rs.getString(1), k -> zero()).merge(Rating.valueOf(rs.getString(2)), rs.getInt(3), Integer::sum);
			});
		return groups.entrySet().stream().map(e -> new Breakdown(e.getKey(), e.getValue())).toList();
	}

	/** All evaluations given in the period as one figure (key "*"); empty when none was given. */
	public Optional<Figure> overall(Instant from, Instant to) {
		Map<Rating, Integer> counts = zero();
		jdbc.sql("select rating, count(*) from feedback_evaluation where created_at >= :from and created_at < :to group by rating")
			.param("from", ts(from))
			.param("to", ts(to))
			.query(rs -> {
				counts.merge(Rating.valueOf(rs.getString(1)), rs.getInt(2), Integer::sum);
			});
		if (counts.values().stream().allMatch(n -> n == 0)) {
			return Optional.empty();
		}
		return Optional.of(figure("*", counts));
	}

	/** The figure of one group's count of each rating (at least one evaluation). */
	private static Figure figure(String key, Map<Rating, Integer> counts) {
		int total = counts.values().stream().mapToInt(Integer::intValue).sum();
		int satisfied = counts.entrySet().stream().filter(e -> e.getKey().satisfied()).mapToInt(Map.Entry::getValue).sum();
		double score = counts.entrySet().stream().mapToDouble(e -> e.getKey().score() * e.getValue()).sum() / total;
		return new Figure(key, total, counts.get(Rating.VERY_DISSATISFIED), counts.get(Rating.DISSATISFIED),
				Math.round(satisfied * 100f / total), Math.round(score * 100) / 100.0);
	}

	private static Map<Rating, Integer> zero() {
		Map<Rating, Integer> counts = new EnumMap<>(Rating.class);
		for (Rating r : Rating.values()) {
			counts.put(r, 0);
		}
		return counts;
	}

	/** Rectifications not closed yet, and how many of them are past their deadline on {@code today}. */
	public record OpenRectifications(int open, int overdue) {
	}

	public OpenRectifications openRectifications(java.time.LocalDate today) {
		return jdbc.sql("select count(*), coalesce(sum(case when deadline < :today then 1 else 0 end), 0) from feedback_rectification where status <> 'CLOSED'")
			.param("today", today)
			.query((rs, i) -> new OpenRectifications(rs.getInt(1), rs.getInt(2)))
			.single();
	}

	static boolean bad(String rating) {
		return BAD.contains(rating);
	}

}
