package org.hetao.estation.park.internal;

/** A unit is vacant, reserved for an allocated enterprise that has not moved in yet, or occupied. */
public enum UnitState {

	VACANT, RESERVED, OCCUPIED;

	public String messageKey() {
		return "park.unitState." + name();
	}

}
