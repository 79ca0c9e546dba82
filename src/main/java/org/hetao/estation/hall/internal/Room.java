package org.hetao.estation.hall.internal;

import java.time.LocalTime;
import java.util.List;

import org.hetao.estation.shared.LocalizedText;

/** A bookable meeting room (商務洽談) or exhibition space (展示交流), from {@code hall/rooms.json}. */
public record Room(String code, String kind, LocalizedText name, int capacity, List<LocalizedText> equipment,
		boolean approvalRequired, LocalTime opens, LocalTime closes) {

	public Room {
		equipment = equipment == null ? List.of() : List.copyOf(equipment);
	}

}
