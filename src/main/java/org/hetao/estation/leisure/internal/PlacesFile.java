package org.hetao.estation.leisure.internal;

import java.util.List;

import org.hetao.estation.shared.LocalizedText;

/** {@code places.json}: car parks, dining and facilities in and near the zone. */
public record PlacesFile(String version, LocalizedText notice, LocalizedText source, List<String> parkingItems,
		List<String> diningItems, List<String> facilityItems, List<CarPark> carParks, List<Eatery> dining,
		List<Facility> facilities) {

	public PlacesFile {
		parkingItems = parkingItems == null ? List.of() : List.copyOf(parkingItems);
		diningItems = diningItems == null ? List.of() : List.copyOf(diningItems);
		facilityItems = facilityItems == null ? List.of() : List.copyOf(facilityItems);
		carParks = carParks == null ? List.of() : List.copyOf(carParks);
		dining = dining == null ? List.of() : List.copyOf(dining);
		facilities = facilities == null ? List.of() : List.copyOf(facilities);
	}

	/**
	 * A car park.
	 *
	 * @param spaces parking spaces
	 * @param evChargers spaces with a charger for electric vehicles
	 * @param crossBoundaryVehicles whether cars with Hong Kong and Guangdong plates may park
	 */
	public record CarPark(String code, LocalizedText name, LocalizedText location, String opens, String closes,
			int spaces, int evChargers, boolean crossBoundaryVehicles, LocalizedText tariff, List<PaymentMethod> payment) {

		public CarPark {
			payment = payment == null ? List.of() : List.copyOf(payment);
		}

		public OpeningHours hours() {
			return OpeningHours.parse(opens, closes);
		}

	}

	public enum DiningKind {
		CANTEEN, CAFE, RESTAURANT, FOOD_COURT
	}

	/** A canteen, café or restaurant. */
	public record Eatery(String code, DiningKind kind, LocalizedText name, LocalizedText location, LocalizedText hours,
			LocalizedText cuisine, List<PaymentMethod> payment, LocalizedText note) {

		public Eatery {
			payment = payment == null ? List.of() : List.copyOf(payment);
		}

		/** Whether a Hong Kong visitor can pay with what they carry (a Hong Kong e-wallet, Octopus or HK dollars). */
		public boolean acceptsHongKongPayment() {
			return payment.stream().anyMatch(PaymentMethod::hongKong);
		}

	}

	public enum FacilityKind {
		GYM, VENUE, SPORTS_GROUND, NURSING_ROOM, PRAYER_ROOM, ATM, CURRENCY_EXCHANGE, CLINIC
	}

	/** A facility: a gym, a venue, a nursing or prayer room, an ATM… */
	public record Facility(String code, FacilityKind kind, LocalizedText name, LocalizedText location,
			LocalizedText hours, LocalizedText access) {
	}

}
