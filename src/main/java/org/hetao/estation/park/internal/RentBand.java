package org.hetao.estation.park.internal;

/** The rent band of a unit (illustrative bands: the article gives no rents). */
public enum RentBand {

	SUBSIDISED, STANDARD, PREMIUM;

	public String messageKey() {
		return "park.rentBand." + name();
	}

}
