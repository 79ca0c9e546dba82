package org.hetao.estation.directory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hetao.estation.directory.Organisation;

/**
 * Draws the zone map as SVG geometry: an equirectangular projection of the (small) zone, good enough
 * at this scale, into a 1000-unit-wide view box. No tiles, no external server.
 */
public final class MapPicture {

	static final double WIDTH = 1000;

	static final double MARGIN = 0.0015;

	/**
	 * One shape: its SVG path (polygons and lines) or point, its full name and the label drawn where it goes. Science
	 * bases and buildings carry a short {@code key} (1, 2… and A, B…) drawn inside their top-left corner at
	 * ({@code keyX}, {@code keyY}) and explained in the map's key: full names would not fit beside each other.
	 */
	public record Shape(String id, String kind, String name, String label, String path, double x, double y,
			boolean point, String key, double keyX, double keyY) {

		Shape(String id, String kind, String name, String label, String path, double x, double y, boolean point) {
			this(id, kind, name, label, path, x, y, point, null, 0, 0);
		}

		/** The key and the name as the map's key lists them, e.g. "A — Incubator block". */
		public boolean keyed() {
			return key != null;
		}

		/** CSS class of the shape, e.g. {@code zone-map__base}. */
		public String cssClass() {
			return "zone-map__" + kind.toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	/** An organisation's marker. */
	public record Marker(Organisation organisation, String label, double x, double y) {
	}

	public record Picture(double width, double height, List<Shape> shapes, List<Marker> markers) {

		public String viewBox() {
			return "0 0 " + format(width) + " " + format(height);
		}

	}

	private MapPicture() {
	}

	public static Picture draw(ZoneMap map, List<Organisation> organisations, Locale locale) {
		double[] b = map.bounds();
		double minLon = b[0] - MARGIN, minLat = b[1] - MARGIN, maxLon = b[2] + MARGIN, maxLat = b[3] + MARGIN;
		double cos = Math.cos(Math.toRadians((minLat + maxLat) / 2));
		double scale = WIDTH / ((maxLon - minLon) * cos);
		double height = (maxLat - minLat) * scale;
		Projection p = new Projection(minLon, maxLat, cos, scale);
		List<Shape> shapes = new ArrayList<>();
		int bases = 0;
		int buildings = 0;
		for (ZoneMap.Feature f : map.features()) {
			String name = f.name().get(locale);
			String label = f.shortName().get(locale);
			switch (f.geometry()) {
				case POINT -> {
					ZoneMap.Position pos = f.rings().get(0).get(0);
					shapes.add(new Shape(f.id(), f.kind().name(), name, label, "", p.x(pos), p.y(pos), true));
				}
				case LINE_STRING, POLYGON -> {
					StringBuilder d = new StringBuilder();
					double sx = 0, sy = 0;
					int n = 0;
					for (List<ZoneMap.Position> ring : f.rings()) {
						for (int i = 0; i < ring.size(); i++) {
							ZoneMap.Position pos = ring.get(i);
							d.append(i == 0 ? "M" : "L").append(format(p.x(pos))).append(' ').append(format(p.y(pos))).append(' ');
							if (f.rings().indexOf(ring) == 0) {
								sx += p.x(pos);
								sy += p.y(pos);
								n++;
							}
						}
						if (f.geometry() == ZoneMap.GeometryType.POLYGON) {
							d.append("Z ");
						}
					}
					double lx = sx / n, ly = sy / n;
					List<ZoneMap.Position> outer = f.rings().get(0);
					if (f.kind() == ZoneMap.FeatureKind.BASE) {
						// Below the box: above it sit the buildings of the park's northern row.
						ly = outer.stream().mapToDouble(p::y).max().orElse(ly) + 18;
					}
					else if (f.geometry() == ZoneMap.GeometryType.LINE_STRING) {
						ZoneMap.Position at = outer.get(Math.max(0, outer.size() / 3));
						lx = p.x(at);
						ly = p.y(at) + 22;
					}
					String key = null;
					if (f.kind() == ZoneMap.FeatureKind.BASE) {
						key = label != null && label.matches("^\\d+.*") ? label.replaceFirst("^(\\d+).*", "$1")
								: String.valueOf(++bases);
					}
					else if (f.kind() == ZoneMap.FeatureKind.BUILDING) {
						key = String.valueOf((char) ('A' + buildings++));
					}
					double minX = outer.stream().mapToDouble(p::x).min().orElse(lx);
					double minY = outer.stream().mapToDouble(p::y).min().orElse(ly);
					shapes.add(new Shape(f.id(), f.kind().name(), name, label, d.toString().trim(), lx, ly, false, key,
							minX + 7, minY + 17));
				}
			}
		}
		List<Marker> markers = organisations.stream()
			.filter(o -> o.location() != null && o.location().onMap())
			.map(o -> new Marker(o, o.name().get(locale), p.x(o.location().longitude().doubleValue(),
					o.location().latitude().doubleValue()), p.y(o.location().latitude().doubleValue())))
			.toList();
		return new Picture(WIDTH, height, shapes, markers);
	}

	private record Projection(double minLon, double maxLat, double cos, double scale) {

		double x(ZoneMap.Position p) {
			return x(p.longitude(), p.latitude());
		}

		double x(double lon, double lat) {
			return (lon - minLon) * cos * scale;
		}

		double y(ZoneMap.Position p) {
			return y(p.latitude());
		}

		double y(double lat) {
			return (maxLat - lat) * scale;
		}

	}

	static String format(double v) {
		return String.format(Locale.ROOT, "%.1f", v);
	}

}
