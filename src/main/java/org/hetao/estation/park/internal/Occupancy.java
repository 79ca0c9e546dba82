package org.hetao.estation.park.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hetao.estation.directory.ScienceBase;

/** Occupancy figures by base and by building (area per state, and per use), plus the bars of the chart. */
public final class Occupancy {

	/** Area per state of one base or building. */
	public record Line(String key, ScienceBase base, Map<UnitState, BigDecimal> byState,
			Map<UnitUse, Map<UnitState, BigDecimal>> byUse) {

		public BigDecimal total() {
			return byState.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		}

		public BigDecimal area(UnitState state) {
			return byState.getOrDefault(state, BigDecimal.ZERO);
		}

		public BigDecimal area(UnitUse use, UnitState state) {
			return byUse.getOrDefault(use, Map.of()).getOrDefault(state, BigDecimal.ZERO);
		}

		/** Percent of the area in this state, one decimal. */
		public BigDecimal percent(UnitState state) {
			BigDecimal total = total();
			return total.signum() == 0 ? BigDecimal.ZERO
					: area(state).multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP);
		}

	}

	/** One segment of a horizontal stacked bar in the SVG chart. */
	public record Segment(UnitState state, double x, double width, BigDecimal area) {

		public String cssClass() {
			return "bar--" + state.name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** One bar: a base, its y position and segments. */
	public record Bar(Line line, double y, List<Segment> segments) {
	}

	public static final double CHART_LEFT = 0;

	public static final double CHART_WIDTH = 600;

	public static final double BAR_HEIGHT = 28;

	public static final double BAR_GAP = 46;

	private final List<Line> bases;

	private final List<Line> buildings;

	public Occupancy(List<ParkSpace.OccupancyRow> rows) {
		Map<String, Line> bases = new LinkedHashMap<>();
		Map<String, Line> buildings = new LinkedHashMap<>();
		for (ScienceBase base : ScienceBase.values()) {
			bases.put(base.name(), new Line(base.name(), base, new EnumMap<>(UnitState.class), new EnumMap<>(UnitUse.class)));
		}
		for (ParkSpace.OccupancyRow row : rows) {
			add(bases.get(row.base().name()), row);
			add(buildings.computeIfAbsent(row.buildingCode(),
					k -> new Line(k, row.base(), new EnumMap<>(UnitState.class), new EnumMap<>(UnitUse.class))), row);
		}
		this.bases = List.copyOf(bases.values());
		this.buildings = List.copyOf(buildings.values());
	}

	private static void add(Line line, ParkSpace.OccupancyRow row) {
		line.byState().merge(row.state(), row.area(), BigDecimal::add);
		line.byUse().computeIfAbsent(row.use(), u -> new EnumMap<>(UnitState.class)).merge(row.state(), row.area(), BigDecimal::add);
	}

	public List<Line> bases() {
		return bases;
	}

	public List<Line> buildings() {
		return buildings;
	}

	public BigDecimal total() {
		return bases.stream().map(Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** Bars scaled to the largest base. */
	public List<Bar> bars() {
		BigDecimal max = bases.stream().map(Line::total).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
		List<Bar> bars = new ArrayList<>();
		double y = 10;
		for (Line line : bases) {
			List<Segment> segments = new ArrayList<>();
			double x = CHART_LEFT;
			for (UnitState state : UnitState.values()) {
				BigDecimal area = line.area(state);
				double width = max.signum() == 0 ? 0 : area.doubleValue() / max.doubleValue() * CHART_WIDTH;
				segments.add(new Segment(state, x, width, area));
				x += width;
			}
			bars.add(new Bar(line, y, segments));
			y += BAR_GAP + BAR_HEIGHT;
		}
		return bars;
	}

	public double chartHeight() {
		return 10 + bases.size() * (BAR_GAP + BAR_HEIGHT);
	}

}
