package org.hetao.estation.directory.internal;

import java.util.List;

import org.hetao.estation.directory.ScienceBase;
import org.hetao.estation.shared.LocalizedText;

/**
 * The zone's geography as read from {@code directory/zone.geojson}: outlines, bases, buildings, the
 * river that is the boundary, the ports. Illustrative geometry, for orientation only.
 */
public record ZoneMap(List<Feature> features) {

	public enum FeatureKind {
		PARK_OUTLINE, HK_PARK, BASE, BUILDING, RIVER, PORT
	}

	public enum GeometryType {
		POLYGON, LINE_STRING, POINT
	}

	/** A point in WGS 84. */
	public record Position(double longitude, double latitude) {
	}

	/**
	 * @param shortName the label drawn on the map (the name when the data gives no shorter one)
	 * @param rings for a polygon its rings (outer first), for a line one ring of its points, for a point
	 * one ring of one position
	 */
	public record Feature(String id, FeatureKind kind, LocalizedText name, LocalizedText shortName, ScienceBase base,
			GeometryType geometry, List<List<Position>> rings) {
	}

	/** Smallest longitude/latitude box around every feature. */
	public double[] bounds() {
		double minLon = Double.MAX_VALUE, minLat = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE, maxLat = -Double.MAX_VALUE;
		for (Feature f : features) {
			for (List<Position> ring : f.rings()) {
				for (Position p : ring) {
					minLon = Math.min(minLon, p.longitude());
					maxLon = Math.max(maxLon, p.longitude());
					minLat = Math.min(minLat, p.latitude());
					maxLat = Math.max(maxLat, p.latitude());
				}
			}
		}
		return new double[] { minLon, minLat, maxLon, maxLat };
	}

}
