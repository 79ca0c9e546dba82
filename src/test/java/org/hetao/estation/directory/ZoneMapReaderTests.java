package org.hetao.estation.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.hetao.estation.directory.internal.InvalidZoneMapException;
import org.hetao.estation.directory.internal.MapPicture;
import org.hetao.estation.directory.internal.ZoneMap;
import org.hetao.estation.directory.internal.ZoneMapReader;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The zone's GeoJSON: the shipped file is complete, and a broken one is refused with the feature named. */
class ZoneMapReaderTests {

	@Test
	void shippedMapHasTheParkTheFourBasesTheRiverAndBothPorts() throws IOException {
		ZoneMap map;
		try (InputStream in = new ClassPathResource("directory/zone.geojson").getInputStream()) {
			map = ZoneMapReader.read(in);
		}
		assertThat(map.features()).extracting(ZoneMap.Feature::kind)
			.contains(ZoneMap.FeatureKind.PARK_OUTLINE, ZoneMap.FeatureKind.RIVER, ZoneMap.FeatureKind.BUILDING);
		assertThat(map.features()).filteredOn(f -> f.kind() == ZoneMap.FeatureKind.BASE)
			.extracting(ZoneMap.Feature::base)
			.containsExactlyInAnyOrder(ScienceBase.values());
		assertThat(map.features()).filteredOn(f -> f.kind() == ZoneMap.FeatureKind.PORT)
			.extracting(f -> f.name().en())
			.containsExactlyInAnyOrder("Futian Port", "Huanggang Port");
	}

	@Test
	void drawsShapesAndMarkersInsideTheViewBox() throws IOException {
		ZoneMap map;
		try (InputStream in = new ClassPathResource("directory/zone.geojson").getInputStream()) {
			map = ZoneMapReader.read(in);
		}
		Organisation o = new Organisation("x-test", OrganisationKind.ENTERPRISE,
				org.hetao.estation.shared.LocalizedText.of("甲", "甲", "A"),
				org.hetao.estation.shared.LocalizedText.of("甲", "甲", "A"), Background.HONG_KONG, null,
				List.of(ResearchField.AI), new Organisation.Location(null, null, null, null,
						new java.math.BigDecimal("114.07"), new java.math.BigDecimal("22.515")),
				null, null, null, "test", true, Organisation.Origin.DATA, 0);
		MapPicture.Picture picture = MapPicture.draw(map, List.of(o), Locale.ENGLISH);
		assertThat(picture.shapes()).hasSize(map.features().size());
		assertThat(picture.shapes()).filteredOn(s -> s.kind().equals("BASE")).allSatisfy(s -> {
			assertThat(s.path()).startsWith("M").endsWith("Z");
			assertThat(s.key()).as("a science base is numbered on the map and named in its key").matches("\\d+");
		});
		assertThat(picture.shapes()).filteredOn(s -> s.kind().equals("BUILDING")).extracting(MapPicture.Shape::key)
			.as("buildings are lettered A, B, C… in order").isNotEmpty().allMatch(k -> k.matches("[A-Z]"))
			.doesNotHaveDuplicates();
		assertThat(picture.markers()).singleElement().satisfies(m -> {
			assertThat(m.x()).isBetween(0.0, picture.width());
			assertThat(m.y()).isBetween(0.0, picture.height());
			assertThat(m.label()).isEqualTo("A");
		});
	}

	@Test
	void unclosedPolygonIsRefusedNamingTheFeature() {
		String geojson = collection(feature("base-broken", "BASE", "\"base\":\"HKSTP_SHENZHEN\",",
				"{\"type\":\"Polygon\",\"coordinates\":[[[114.0,22.5],[114.1,22.5],[114.1,22.6],[114.0,22.6]]]}"));
		assertThatThrownBy(() -> read(geojson)).isInstanceOf(InvalidZoneMapException.class)
			.hasMessageContaining("'base-broken'")
			.hasMessageContaining("closed ring")
			.extracting(e -> ((InvalidZoneMapException) e).featureId())
			.isEqualTo("base-broken");
	}

	@Test
	void latitudeAndLongitudeSwappedOrOutOfRangeIsRefused() {
		String geojson = collection(feature("port-x", "PORT", "", "{\"type\":\"Point\",\"coordinates\":[22.5,114.0]}"));
		assertThatThrownBy(() -> read(geojson)).hasMessageContaining("'port-x'").hasMessageContaining("out of range");
	}

	@Test
	void unknownKindGeometryTypeOrBaseIsRefused() {
		assertThatThrownBy(() -> read(collection(feature("a", "CASTLE", "", point()))))
			.hasMessageContaining("'a'")
			.hasMessageContaining("properties.kind");
		assertThatThrownBy(() -> read(collection(feature("b", "PORT", "",
				"{\"type\":\"MultiPoint\",\"coordinates\":[[114.0,22.5]]}"))))
			.hasMessageContaining("'b'")
			.hasMessageContaining("MultiPoint");
		assertThatThrownBy(() -> read(collection(feature("c", "BASE", "\"base\":\"MOON_BASE\",",
				"{\"type\":\"Polygon\",\"coordinates\":[[[114.0,22.5],[114.1,22.5],[114.1,22.6],[114.0,22.5]]]}"))))
			.hasMessageContaining("'c'")
			.hasMessageContaining("four bases");
	}

	@Test
	void featureWithoutIdIsNamedByItsPositionAndNonNumbersAreRefused() {
		String noId = "{\"type\":\"Feature\",\"properties\":{\"kind\":\"PORT\",\"name\":{\"zh-Hant\":\"a\",\"zh-Hans\":\"a\",\"en\":\"a\"}},\"geometry\":"
				+ point() + "}";
		assertThatThrownBy(() -> read(collection(feature("ok", "PORT", "", point()) + "," + noId)))
			.hasMessageContaining("'#1'")
			.hasMessageContaining("properties.id");
		assertThatThrownBy(() -> read(collection(feature("d", "PORT", "",
				"{\"type\":\"Point\",\"coordinates\":[\"114\",\"22\"]}"))))
			.hasMessageContaining("'d'")
			.hasMessageContaining("[longitude, latitude]");
	}

	@Test
	void notJsonOrNotACollectionIsRefused() {
		assertThatThrownBy(() -> read("{\"type\": \"FeatureCollection\", ")).isInstanceOf(InvalidZoneMapException.class)
			.hasMessageContaining("not valid JSON");
		assertThatThrownBy(() -> read("{\"type\": \"Feature\"}")).hasMessageContaining("FeatureCollection");
		assertThatThrownBy(() -> read(collection(feature("dup", "PORT", "", point()) + ","
				+ feature("dup", "PORT", "", point())))).hasMessageContaining("'dup'").hasMessageContaining("twice");
	}

	private static String point() {
		return "{\"type\":\"Point\",\"coordinates\":[114.05,22.51]}";
	}

	private static String feature(String id, String kind, String extra, String geometry) {
		return "{\"type\":\"Feature\",\"properties\":{\"id\":\"" + id + "\",\"kind\":\"" + kind + "\"," + extra
				+ "\"name\":{\"zh-Hant\":\"甲\",\"zh-Hans\":\"甲\",\"en\":\"A\"}},\"geometry\":" + geometry + "}";
	}

	private static String collection(String features) {
		return "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}";
	}

	private static ZoneMap read(String json) throws IOException {
		return ZoneMapReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
	}

}
