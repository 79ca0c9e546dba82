package org.hetao.estation.park.internal;

/** What a unit is fitted out for. */
public enum UnitUse {

	OFFICE, LAB, WET_LAB, CLEAN_ROOM;

	public String messageKey() {
		return "park.use." + name();
	}

}
