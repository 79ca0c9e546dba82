package org.hetao.estation.leisure.internal;

import java.math.BigDecimal;

import org.hetao.estation.shared.LocalizedText;

/**
 * A land control point between Shenzhen and Hong Kong near the zone.
 *
 * @param code our code
 * @param feedCode the queue feed's code for it (e.g. {@code LSC} for the Lok Ma Chau Spur Line)
 * @param opens passenger clearance opens, "HH:mm"
 * @param closes passenger clearance closes, "HH:mm" or "24:00"
 * @param distanceKm from the zone's service centre
 */
public record Port(String code, String feedCode, LocalizedText name, String opens, String closes, BigDecimal distanceKm,
		LocalizedText transport, LocalizedText note) {

	public OpeningHours hours() {
		return OpeningHours.parse(opens, closes);
	}

}
