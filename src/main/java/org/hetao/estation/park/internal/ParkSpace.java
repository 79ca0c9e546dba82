package org.hetao.estation.park.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.hetao.estation.directory.ScienceBase;
import org.hetao.estation.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Buildings and units of the four bases, and the one place a unit changes hands. */
@Repository
public class ParkSpace {

	private final JdbcClient jdbc;

	public ParkSpace(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Building> buildings() {
		return jdbc.sql("select * from park_building order by base_code, code").query(ParkSpace::building).list();
	}

	public Optional<Building> building(String code) {
		return jdbc.sql("select * from park_building where code = ?").param(code).query(ParkSpace::building).optional();
	}

	public List<Unit> units(ScienceBase base, UnitState state, UnitUse use) {
		// Conditions are added only for given values: PostgreSQL cannot type "? is null" on an untyped null.
		StringBuilder sql = new StringBuilder("select * from park_unit where 1 = 1");
		List<Object> params = new java.util.ArrayList<>();
		if (base != null) {
			sql.append(" and base_code = ?");
			params.add(base.name());
		}
		if (state != null) {
			sql.append(" and state = ?");
			params.add(state.name());
		}
		if (use != null) {
			sql.append(" and unit_use = ?");
			params.add(use.name());
		}
		sql.append(" order by base_code, building_code, floor_number, unit_label");
		return jdbc.sql(sql.toString()).params(params).query(ParkSpace::unit).list();
	}

	public Optional<Unit> unit(String code) {
		return jdbc.sql("select * from park_unit where code = ?").param(code).query(ParkSpace::unit).optional();
	}

	public List<Unit> unitsOf(long applicationId) {
		return jdbc.sql("select * from park_unit where application_id = ? order by code")
			.param(applicationId)
			.query(ParkSpace::unit)
			.list();
	}

	/**
	 * Takes a vacant unit for an application. The condition {@code state = 'VACANT'} is what makes a
	 * double allocation impossible: of two concurrent allocations of one unit, the database lets exactly
	 * one update the row. Returns whether this one did.
	 */
	public boolean take(String unitCode, long applicationId, String organisationCode, UnitState newState) {
		return jdbc.sql("update park_unit set state = ?, application_id = ?, organisation_code = ?, version = version + 1 "
				+ "where code = ? and state = 'VACANT'")
			.params(newState.name(), applicationId, organisationCode, unitCode)
			.update() == 1;
	}

	/** Area by base, building, use and state: the occupancy figures. */
	public List<OccupancyRow> occupancy() {
		return jdbc.sql("select base_code, building_code, unit_use, state, sum(area_m2) as area, count(*) as units "
				+ "from park_unit group by base_code, building_code, unit_use, state "
				+ "order by base_code, building_code, unit_use, state")
			.query((rs, n) -> new OccupancyRow(ScienceBase.valueOf(rs.getString("base_code")),
					rs.getString("building_code"), UnitUse.valueOf(rs.getString("unit_use")),
					UnitState.valueOf(rs.getString("state")), rs.getBigDecimal("area"), rs.getInt("units")))
			.list();
	}

	public BigDecimal totalArea() {
		return jdbc.sql("select coalesce(sum(area_m2), 0) from park_unit").query(BigDecimal.class).single();
	}

	/** One line of the occupancy figures. */
	public record OccupancyRow(ScienceBase base, String buildingCode, UnitUse use, UnitState state, BigDecimal area,
			int units) {
	}

	void insertBuilding(Building b) {
		jdbc.sql("insert into park_building (code, base_code, name_zh_hant, name_zh_hans, name_en, longitude, latitude) "
				+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(b.code(), b.base().name(), b.name().zhHant(), b.name().zhHans(), b.name().en(), b.longitude(),
					b.latitude())
			.update();
	}

	void insertUnit(Unit u) {
		jdbc.sql("insert into park_unit (code, base_code, building_code, floor_number, unit_label, area_m2, unit_use, "
				+ "rent_band, state, organisation_code) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(u.code(), u.base().name(), u.buildingCode(), u.floor(), u.label(), u.areaM2(), u.use().name(),
					u.rentBand().name(), u.state().name(), u.organisationCode())
			.update();
	}

	private static Building building(ResultSet rs, int n) throws SQLException {
		return new Building(rs.getString("code"), ScienceBase.valueOf(rs.getString("base_code")),
				LocalizedText.of(rs.getString("name_zh_hant"), rs.getString("name_zh_hans"), rs.getString("name_en")),
				rs.getBigDecimal("longitude"), rs.getBigDecimal("latitude"));
	}

	private static Unit unit(ResultSet rs, int n) throws SQLException {
		long app = rs.getLong("application_id");
		Long applicationId = rs.wasNull() ? null : app;
		return new Unit(rs.getString("code"), ScienceBase.valueOf(rs.getString("base_code")),
				rs.getString("building_code"), rs.getInt("floor_number"), rs.getString("unit_label"),
				rs.getBigDecimal("area_m2"), UnitUse.valueOf(rs.getString("unit_use")),
				RentBand.valueOf(rs.getString("rent_band")), UnitState.valueOf(rs.getString("state")), applicationId,
				rs.getString("organisation_code"));
	}

}
