package org.hetao.estation.leisure.internal;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hetao.estation.shared.LocalizedText;

/**
 * What the leisure data files must satisfy: every name in the three languages, a notice saying where the
 * figures come from, unique codes, times that parse, timetables in order and stops in order.
 */
public final class LeisureDataRules {

	private static final String ITEM_CODE = "[A-Z]{2,4}-\\d{3}";

	private LeisureDataRules() {
	}

	/** Every fault, each naming its file, entry and field; empty when the data can be used. */
	public static List<String> check(LeisureData data) {
		List<String> problems = new ArrayList<>();
		ports(data.ports(), problems);
		shuttle(data.shuttle(), problems);
		places(data.places(), problems);
		return problems;
	}

	private static void ports(PortsFile file, List<String> problems) {
		String where = "ports.json";
		provenance(where, file.notice(), file.source(), problems);
		items(where, file.catalogItems(), problems);
		if (file.ports().isEmpty()) {
			problems.add(where + ": no ports");
		}
		Set<String> codes = new HashSet<>();
		Set<String> feedCodes = new HashSet<>();
		for (Port p : file.ports()) {
			String at = where + " " + p.code();
			code(at, p.code(), codes, problems);
			if (p.feedCode() == null || !p.feedCode().matches("[A-Z]{2,5}")) {
				problems.add(at + ": feedCode must be the feed's upper-case code, not " + p.feedCode());
			}
			else if (!feedCodes.add(p.feedCode())) {
				problems.add(at + ": feedCode " + p.feedCode() + " is used twice");
			}
			text(at + " name", p.name(), problems);
			text(at + " transport", p.transport(), problems);
			optionalText(at + " note", p.note(), problems);
			hours(at, p.opens(), p.closes(), problems);
			if (p.distanceKm() == null || p.distanceKm().signum() < 0) {
				problems.add(at + ": distanceKm must be 0 or more");
			}
		}
	}

	private static void shuttle(ShuttleFile file, List<String> problems) {
		String where = "shuttle.json";
		provenance(where, file.notice(), file.source(), problems);
		text(where + " fare", file.fare(), problems);
		items(where, file.catalogItems(), problems);
		Set<String> codes = new HashSet<>();
		for (ShuttleFile.Route r : file.routes()) {
			String at = where + " " + r.code();
			code(at, r.code(), codes, problems);
			text(at + " name", r.name(), problems);
			optionalText(at + " note", r.note(), problems);
			if (r.directions().isEmpty()) {
				problems.add(at + ": no directions");
			}
			Set<String> directions = new HashSet<>();
			for (ShuttleFile.Direction d : r.directions()) {
				String dir = at + "/" + d.code();
				code(dir, d.code(), directions, problems);
				text(dir + " from", d.from(), problems);
				text(dir + " to", d.to(), problems);
				if (d.stops().size() < 2) {
					problems.add(dir + ": a direction needs at least two stops");
				}
				int last = -1;
				for (ShuttleFile.Stop s : d.stops()) {
					text(dir + " stop", s.name(), problems);
					if (last < 0 ? s.minutes() != 0 : s.minutes() <= last) {
						problems.add(dir + ": stop minutes must start at 0 and increase (" + s.minutes() + ")");
					}
					last = s.minutes();
				}
				timetable(dir + " workingDay", d.workingDay(), problems);
				timetable(dir + " restDay", d.restDay(), problems);
			}
		}
		if (file.routes().isEmpty()) {
			problems.add(where + ": no routes");
		}
	}

	private static void places(PlacesFile file, List<String> problems) {
		String where = "places.json";
		provenance(where, file.notice(), file.source(), problems);
		items(where + " parkingItems", file.parkingItems(), problems);
		items(where + " diningItems", file.diningItems(), problems);
		items(where + " facilityItems", file.facilityItems(), problems);
		Set<String> codes = new HashSet<>();
		for (PlacesFile.CarPark c : file.carParks()) {
			String at = where + " " + c.code();
			code(at, c.code(), codes, problems);
			text(at + " name", c.name(), problems);
			text(at + " location", c.location(), problems);
			text(at + " tariff", c.tariff(), problems);
			hours(at, c.opens(), c.closes(), problems);
			if (c.spaces() <= 0 || c.evChargers() < 0 || c.evChargers() > c.spaces()) {
				problems.add(at + ": spaces must be positive and evChargers between 0 and spaces");
			}
			payment(at, c.payment(), problems);
		}
		for (PlacesFile.Eatery e : file.dining()) {
			String at = where + " " + e.code();
			code(at, e.code(), codes, problems);
			if (e.kind() == null) {
				problems.add(at + ": kind is required");
			}
			text(at + " name", e.name(), problems);
			text(at + " location", e.location(), problems);
			text(at + " hours", e.hours(), problems);
			text(at + " cuisine", e.cuisine(), problems);
			optionalText(at + " note", e.note(), problems);
			payment(at, e.payment(), problems);
		}
		for (PlacesFile.Facility f : file.facilities()) {
			String at = where + " " + f.code();
			code(at, f.code(), codes, problems);
			if (f.kind() == null) {
				problems.add(at + ": kind is required");
			}
			text(at + " name", f.name(), problems);
			text(at + " location", f.location(), problems);
			text(at + " hours", f.hours(), problems);
			text(at + " access", f.access(), problems);
		}
	}

	private static void provenance(String where, LocalizedText notice, LocalizedText source, List<String> problems) {
		text(where + " notice (where the figures come from, which are illustrative)", notice, problems);
		text(where + " source", source, problems);
	}

	private static void items(String where, List<String> items, List<String> problems) {
		items.stream()
			.filter(i -> i == null || !i.matches(ITEM_CODE))
			.forEach(i -> problems.add(where + ": not a catalogue item code: " + i));
	}

	private static void code(String where, String code, Set<String> seen, List<String> problems) {
		if (code == null || !code.matches("[A-Z0-9_]{1,32}")) {
			problems.add(where + ": code must be upper-case letters, digits or _");
		}
		else if (!seen.add(code)) {
			problems.add(where + ": code is used twice");
		}
	}

	private static void text(String where, LocalizedText text, List<String> problems) {
		if (text == null || !text.isComplete()) {
			problems.add(where + ": needs zh-Hant, zh-Hans and en");
		}
	}

	private static void optionalText(String where, LocalizedText text, List<String> problems) {
		if (text != null) {
			text(where, text, problems);
		}
	}

	private static void hours(String where, String opens, String closes, List<String> problems) {
		try {
			OpeningHours.parse(opens, closes);
		}
		catch (IllegalArgumentException e) {
			problems.add(where + ": " + e.getMessage());
		}
	}

	private static void payment(String where, List<PaymentMethod> payment, List<String> problems) {
		if (payment.isEmpty()) {
			problems.add(where + ": payment needs at least one known method");
		}
	}

	private static void timetable(String where, List<String> times, List<String> problems) {
		if (times.isEmpty()) {
			problems.add(where + ": no departures");
		}
		LocalTime previous = null;
		for (String t : times) {
			LocalTime time;
			try {
				if (t == null || !t.matches("\\d{2}:\\d{2}")) {
					throw new IllegalArgumentException();
				}
				time = LocalTime.parse(t);
			}
			catch (RuntimeException e) {
				problems.add(where + ": not a time HH:mm: " + t);
				continue;
			}
			if (previous != null && !time.isAfter(previous)) {
				problems.add(where + ": times must be in order, " + t + " comes after " + previous);
			}
			previous = time;
		}
	}

}
