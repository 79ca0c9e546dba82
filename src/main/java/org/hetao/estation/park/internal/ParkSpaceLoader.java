package org.hetao.estation.park.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hetao.estation.directory.ScienceBase;
import org.hetao.estation.shared.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the bases' buildings and units from {@code park/units.json} at start-up. Idempotent: only
 * buildings and units not yet in the database are added, so allocations made since are never undone.
 */
@Component
@Order(30)
public class ParkSpaceLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ParkSpaceLoader.class);

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/** The total area of the four bases, as the article gives it. */
	public static final BigDecimal TOTAL_AREA_M2 = BigDecimal.valueOf(150_000);

	private final ParkSpace space;

	private final Resource file;

	public ParkSpaceLoader(ParkSpace space, @Value("${estation.park.units:classpath:park/units.json}") Resource file) {
		this.space = space;
		this.file = file;
	}

	public record DataFile(String version, String note, List<BaseData> bases) {
	}

	public record BaseData(ScienceBase base, BigDecimal areaM2, List<BuildingData> buildings) {
	}

	public record BuildingData(String code, LocalizedText name, BigDecimal longitude, BigDecimal latitude,
			List<FloorData> floors) {
	}

	public record FloorData(int number, List<UnitData> units) {
	}

	public record UnitData(String label, BigDecimal areaM2, UnitUse use, RentBand rentBand, UnitState state,
			String organisation) {
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) throws IOException {
		DataFile data = read(file);
		int buildings = 0;
		int units = 0;
		for (BaseData base : data.bases()) {
			for (BuildingData b : base.buildings()) {
				if (space.building(b.code()).isEmpty()) {
					space.insertBuilding(new Building(b.code(), base.base(), b.name(), b.longitude(), b.latitude()));
					buildings++;
				}
				for (Unit unit : units(base, b)) {
					if (space.unit(unit.code()).isEmpty()) {
						space.insertUnit(unit);
						units++;
					}
				}
			}
		}
		log.info("Park space {}: {} buildings and {} units added", data.version(), buildings, units);
	}

	static List<Unit> units(BaseData base, BuildingData b) {
		List<Unit> units = new ArrayList<>();
		for (FloorData floor : b.floors()) {
			for (UnitData u : floor.units()) {
				units.add(new Unit(b.code() + "-" + floor.number() + "-" + u.label(), base.base(), b.code(),
						floor.number(), u.label(), u.areaM2(), u.use(), u.rentBand(), u.state(), null, u.organisation()));
			}
		}
		return units;
	}

	/** Reads and checks the file: every base once, units with a positive area, each base adding up to its stated area. */
	public static DataFile read(Resource resource) throws IOException {
		DataFile data;
		try (InputStream in = resource.getInputStream()) {
			data = JSON.readValue(in, DataFile.class);
		}
		List<String> problems = new ArrayList<>();
		Set<ScienceBase> seen = new HashSet<>();
		Set<String> codes = new HashSet<>();
		BigDecimal total = BigDecimal.ZERO;
		for (BaseData base : data.bases()) {
			if (!seen.add(base.base())) {
				problems.add(base.base() + " appears twice");
			}
			BigDecimal sum = BigDecimal.ZERO;
			for (BuildingData b : base.buildings()) {
				for (Unit u : units(base, b)) {
					if (u.areaM2() == null || u.areaM2().signum() <= 0) {
						problems.add(u.code() + ": area must be positive");
					}
					else {
						sum = sum.add(u.areaM2());
					}
					if (!codes.add(u.code())) {
						problems.add(u.code() + ": unit code used twice");
					}
					if (u.use() == null || u.rentBand() == null || u.state() == null) {
						problems.add(u.code() + ": use, rent band and state are required");
					}
				}
			}
			if (sum.compareTo(base.areaM2()) != 0) {
				problems.add(base.base() + ": units add up to " + sum + " m², not " + base.areaM2());
			}
			total = total.add(sum);
		}
		if (seen.size() != ScienceBase.values().length) {
			problems.add("all four bases are needed");
		}
		if (total.compareTo(TOTAL_AREA_M2) != 0) {
			problems.add("the four bases add up to " + total + " m², not " + TOTAL_AREA_M2);
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("park/units.json: " + String.join("; ", problems));
		}
		return data;
	}

}
