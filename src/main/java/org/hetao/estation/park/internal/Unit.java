package org.hetao.estation.park.internal;

import java.math.BigDecimal;

import org.hetao.estation.directory.ScienceBase;

/** A lettable unit in a building of a science base. */
public record Unit(String code, ScienceBase base, String buildingCode, int floor, String label, BigDecimal areaM2,
		UnitUse use, RentBand rentBand, UnitState state, Long applicationId, String organisationCode) {
}
