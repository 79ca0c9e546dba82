package org.hetao.estation.directory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hetao.estation.directory.ScienceBase;
import org.hetao.estation.shared.LocalizedText;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and checks the zone's GeoJSON (RFC 7946 subset: a FeatureCollection of Polygon, LineString and
 * Point features). Anything wrong fails with a message that names the feature (its {@code id}
 * property, or its position in the collection when it has none) and the fault.
 */
public final class ZoneMapReader {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ZoneMapReader() {
	}

	public static ZoneMap read(InputStream in) throws IOException {
		JsonNode root;
		try {
			root = JSON.readTree(in);
		}
		catch (JacksonException e) {
			throw new InvalidZoneMapException("(file)", "not valid JSON: " + e.getOriginalMessage());
		}
		if (root == null || !"FeatureCollection".equals(root.path("type").asString(""))) {
			throw new InvalidZoneMapException("(file)", "the top level must be a FeatureCollection");
		}
		JsonNode features = root.path("features");
		if (!features.isArray() || features.isEmpty()) {
			throw new InvalidZoneMapException("(file)", "has no features");
		}
		List<ZoneMap.Feature> result = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		int index = 0;
		for (JsonNode feature : features) {
			String id = feature.path("properties").path("id").asString("#" + index);
			result.add(feature(id, feature));
			if (!ids.add(id)) {
				throw new InvalidZoneMapException(id, "id used twice");
			}
			index++;
		}
		return new ZoneMap(List.copyOf(result));
	}

	private static ZoneMap.Feature feature(String id, JsonNode feature) {
		if (!"Feature".equals(feature.path("type").asString(""))) {
			throw new InvalidZoneMapException(id, "type must be \"Feature\"");
		}
		JsonNode properties = feature.path("properties");
		if (!properties.path("id").isString() || properties.path("id").asString().isBlank()) {
			throw new InvalidZoneMapException(id, "properties.id is missing");
		}
		ZoneMap.FeatureKind kind;
		try {
			kind = ZoneMap.FeatureKind.valueOf(properties.path("kind").asString(""));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidZoneMapException(id, "properties.kind must be one of "
					+ java.util.Arrays.toString(ZoneMap.FeatureKind.values()));
		}
		JsonNode name = properties.path("name");
		String hant = name.path("zh-Hant").asString("");
		String hans = name.path("zh-Hans").asString("");
		String en = name.path("en").asString("");
		if (hant.isBlank() || hans.isBlank() || en.isBlank()) {
			throw new InvalidZoneMapException(id, "properties.name needs zh-Hant, zh-Hans and en");
		}
		LocalizedText full = LocalizedText.of(hant, hans, en);
		LocalizedText shortName = full;
		JsonNode shortNode = properties.path("short");
		if (!shortNode.isMissingNode()) {
			String sHant = shortNode.path("zh-Hant").asString("");
			String sHans = shortNode.path("zh-Hans").asString("");
			String sEn = shortNode.path("en").asString("");
			if (sHant.isBlank() || sHans.isBlank() || sEn.isBlank()) {
				throw new InvalidZoneMapException(id, "properties.short needs zh-Hant, zh-Hans and en");
			}
			shortName = LocalizedText.of(sHant, sHans, sEn);
		}
		ScienceBase base = null;
		if (kind == ZoneMap.FeatureKind.BASE) {
			base = ScienceBase.fromCode(properties.path("base").asString(""))
				.orElseThrow(() -> new InvalidZoneMapException(id, "properties.base must name one of the four bases"));
		}
		JsonNode geometry = feature.path("geometry");
		String type = geometry.path("type").asString("");
		JsonNode coordinates = geometry.path("coordinates");
		List<List<ZoneMap.Position>> rings = new ArrayList<>();
		ZoneMap.GeometryType geometryType;
		switch (type) {
			case "Point" -> {
				geometryType = ZoneMap.GeometryType.POINT;
				rings.add(List.of(position(id, coordinates)));
			}
			case "LineString" -> {
				geometryType = ZoneMap.GeometryType.LINE_STRING;
				List<ZoneMap.Position> line = positions(id, coordinates);
				if (line.size() < 2) {
					throw new InvalidZoneMapException(id, "a LineString needs at least 2 positions");
				}
				rings.add(line);
			}
			case "Polygon" -> {
				geometryType = ZoneMap.GeometryType.POLYGON;
				if (!coordinates.isArray() || coordinates.isEmpty()) {
					throw new InvalidZoneMapException(id, "a Polygon needs at least one ring");
				}
				for (JsonNode ringNode : coordinates) {
					List<ZoneMap.Position> ring = positions(id, ringNode);
					if (ring.size() < 4) {
						throw new InvalidZoneMapException(id, "a Polygon ring needs at least 4 positions");
					}
					if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
						throw new InvalidZoneMapException(id, "a Polygon ring must end where it starts (closed ring)");
					}
					rings.add(ring);
				}
			}
			default -> throw new InvalidZoneMapException(id,
					"geometry.type must be Point, LineString or Polygon, not \"" + type + "\"");
		}
		return new ZoneMap.Feature(id, kind, full, shortName, base, geometryType, List.copyOf(rings));
	}

	private static List<ZoneMap.Position> positions(String id, JsonNode array) {
		if (!array.isArray()) {
			throw new InvalidZoneMapException(id, "coordinates must be an array of positions");
		}
		List<ZoneMap.Position> positions = new ArrayList<>();
		for (JsonNode p : array) {
			positions.add(position(id, p));
		}
		return positions;
	}

	private static ZoneMap.Position position(String id, JsonNode p) {
		if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
			throw new InvalidZoneMapException(id, "a position must be [longitude, latitude] numbers, found " + p);
		}
		double lon = p.get(0).asDouble();
		double lat = p.get(1).asDouble();
		if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
			throw new InvalidZoneMapException(id, "position out of range (longitude first, then latitude): " + p);
		}
		return new ZoneMap.Position(lon, lat);
	}

}
