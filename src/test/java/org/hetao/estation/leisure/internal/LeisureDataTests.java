package org.hetao.estation.leisure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.hetao.estation.shared.LocalizedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped data files load and keep the rules; a faulty file is refused with each fault named. */
class LeisureDataTests {

	static final Path BUNDLED = Path.of("src/main/resources/leisure");

	final LeisureData data = new LeisureDataReader().read(LeisureProperties.BUNDLED);

	@Test
	void theShippedFilesLoadAndKeepEveryRule() {
		assertThat(LeisureDataRules.check(data)).isEmpty();
		assertThat(data.ports().ports()).extracting(Port::feedCode)
			.containsExactlyInAnyOrder("LSC", "LMC", "SBC", "LWS", "HYW", "MKT", "STK");
		assertThat(data.shuttle().routes()).hasSizeGreaterThanOrEqualTo(3);
		assertThat(data.places().carParks()).isNotEmpty();
		assertThat(data.places().dining()).isNotEmpty();
		assertThat(data.places().facilities()).isNotEmpty();
	}

	@Test
	void everyNameIsInThreeLanguagesAndEveryFileSaysWhereItsFiguresComeFrom() {
		List<LocalizedText> texts = new ArrayList<>();
		texts.add(data.ports().notice());
		texts.add(data.shuttle().notice());
		texts.add(data.places().notice());
		data.ports().ports().forEach(p -> texts.addAll(List.of(p.name(), p.transport())));
		data.shuttle().routes().forEach(r -> {
			texts.add(r.name());
			r.directions().forEach(d -> {
				texts.addAll(List.of(d.from(), d.to()));
				d.stops().forEach(s -> texts.add(s.name()));
			});
		});
		data.places().carParks().forEach(c -> texts.addAll(List.of(c.name(), c.tariff())));
		data.places().dining().forEach(e -> texts.add(e.name()));
		data.places().facilities().forEach(f -> texts.add(f.name()));
		assertThat(texts).allMatch(LocalizedText::isComplete);
		// the illustrative figures say so, in each language
		assertThat(data.shuttle().notice().zhHant()).contains("示範");
		assertThat(data.places().notice().en()).contains("llustrative");
		assertThat(data.ports().notice().en()).contains("Immigration Department");
	}

	@Test
	void thePortHoursAreThePublishedOnes() {
		assertThat(port("LSC").hours()).isEqualTo(OpeningHours.parse("06:30", "22:30"));
		assertThat(port("LMC").hours().roundTheClock()).isTrue();
		assertThat(port("SBC").hours().closesText()).isEqualTo("24:00");
		assertThat(port("LWS").hours().opens()).isEqualTo(LocalTime.of(6, 30));
		assertThat(port("HYW").hours()).isEqualTo(OpeningHours.parse("07:00", "22:00"));
	}

	@Test
	void timetablesParseAndAreInOrder() {
		data.shuttle().routes().forEach(r -> r.directions().forEach(d -> {
			for (ServiceDay day : ServiceDay.values()) {
				List<LocalTime> times = d.times(day);
				assertThat(times).as(r.code() + "/" + d.code() + " " + day).isNotEmpty().isSorted().doesNotHaveDuplicates();
			}
		}));
	}

	@Test
	void theCatalogueItemsLeadToTheirPages() {
		assertThat(data.pageForItem("CUS-038")).contains("/leisure/ports");
		assertThat(data.pageForItem("PSB-023")).contains("/leisure/ports");
		assertThat(data.pageForItem("GOV-087")).contains("/leisure/shuttle");
		assertThat(data.pageForItem("TRF-031")).contains("/leisure/parking");
		assertThat(data.pageForItem("GOV-088")).contains("/leisure/facilities");
		assertThat(data.pageForItem("GOV-001")).isEmpty();
	}

	@Test
	void aFaultyFileIsRefusedWithEachFaultNamed(@TempDir Path dir) throws IOException {
		for (String name : List.of("ports.json", "shuttle.json", "places.json")) {
			Files.copy(BUNDLED.resolve(name), dir.resolve(name));
		}
		Path shuttle = dir.resolve("shuttle.json");
		Files.writeString(shuttle, Files.readString(shuttle).replaceFirst("\"07:10\"", "\"06:10\""));
		Path ports = dir.resolve("ports.json");
		Files.writeString(ports, Files.readString(ports).replace("\"closes\": \"22:30\"", "\"closes\": \"25:61\""));
		assertThatThrownBy(() -> new LeisureDataReader().read(dir.toUri().toString()))
			.isInstanceOfSatisfying(LeisureDataException.class, e -> assertThat(e.problems())
				.anyMatch(p -> p.startsWith("shuttle.json H1/OUT workingDay") && p.contains("in order"))
				.anyMatch(p -> p.startsWith("ports.json FUTIAN") && p.contains("25:61")));
	}

	@Test
	void aNameMissingALanguageOrAMisspeltFieldIsRefused(@TempDir Path dir) throws IOException {
		for (String name : List.of("ports.json", "shuttle.json", "places.json")) {
			Files.copy(BUNDLED.resolve(name), dir.resolve(name));
		}
		Path places = dir.resolve("places.json");
		Files.writeString(places, Files.readString(places).replaceFirst("\"evChargers\"", "\"evCharger\""));
		assertThatThrownBy(() -> new LeisureDataReader().read(dir.toUri().toString()))
			.isInstanceOfSatisfying(LeisureDataException.class,
					e -> assertThat(e.problems()).anyMatch(p -> p.contains("places.json at carParks[0].evCharger")));
		Files.copy(BUNDLED.resolve("places.json"), places, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		Path ports = dir.resolve("ports.json");
		Files.writeString(ports, Files.readString(ports).replace("\"en\": \"Shenzhen Bay\"", "\"en\": \" \""));
		assertThatThrownBy(() -> new LeisureDataReader().read(dir.toUri().toString()))
			.isInstanceOfSatisfying(LeisureDataException.class, e -> assertThat(e.problems())
				.containsExactly("ports.json SHENZHEN_BAY name: needs zh-Hant, zh-Hans and en"));
	}

	private Port port(String feedCode) {
		return data.ports().ports().stream().filter(p -> p.feedCode().equals(feedCode)).findFirst().orElseThrow();
	}

}
