package org.hetao.estation.leisure.internal;

import java.util.Optional;

/** The three data files as read and checked. Immutable. */
public record LeisureData(PortsFile ports, ShuttleFile shuttle, PlacesFile places) {

	/** The page with live information for a catalogue item, by the item lists in the files. */
	public Optional<String> pageForItem(String itemCode) {
		if (ports.catalogItems().contains(itemCode)) {
			return Optional.of("/leisure/ports");
		}
		if (shuttle.catalogItems().contains(itemCode)) {
			return Optional.of("/leisure/shuttle");
		}
		if (places.parkingItems().contains(itemCode)) {
			return Optional.of("/leisure/parking");
		}
		if (places.diningItems().contains(itemCode)) {
			return Optional.of("/leisure/dining");
		}
		if (places.facilityItems().contains(itemCode)) {
			return Optional.of("/leisure/facilities");
		}
		return Optional.empty();
	}

}
