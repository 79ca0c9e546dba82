package org.hetao.estation.leisure.internal;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.hetao.estation.shared.LocalizedText;

/** {@code shuttle.json}: the zone's shuttle bus routes and their timetables. */
public record ShuttleFile(String version, LocalizedText notice, LocalizedText source, LocalizedText fare,
		List<String> catalogItems, List<Route> routes) {

	public ShuttleFile {
		catalogItems = catalogItems == null ? List.of() : List.copyOf(catalogItems);
		routes = routes == null ? List.of() : List.copyOf(routes);
	}

	public Optional<Route> route(String code) {
		return routes.stream().filter(r -> r.code().equalsIgnoreCase(code)).findFirst();
	}

	/** A route, run in one or two directions. */
	public record Route(String code, LocalizedText name, LocalizedText note, List<Direction> directions) {

		public Route {
			directions = directions == null ? List.of() : List.copyOf(directions);
		}

	}

	/**
	 * One direction of a route with its departure times from the first stop.
	 *
	 * @param workingDay "HH:mm" departures on working days, ascending
	 * @param restDay "HH:mm" departures on weekends and public holidays, ascending
	 */
	public record Direction(String code, LocalizedText from, LocalizedText to, List<Stop> stops, List<String> workingDay,
			List<String> restDay) {

		public Direction {
			stops = stops == null ? List.of() : List.copyOf(stops);
			workingDay = workingDay == null ? List.of() : List.copyOf(workingDay);
			restDay = restDay == null ? List.of() : List.copyOf(restDay);
		}

		public List<String> timetable(ServiceDay day) {
			return day == ServiceDay.WORKING_DAY ? workingDay : restDay;
		}

		public List<LocalTime> times(ServiceDay day) {
			return timetable(day).stream().map(LocalTime::parse).toList();
		}

		/** Minutes from the first stop to the last. */
		public int journeyMinutes() {
			return stops.isEmpty() ? 0 : stops.get(stops.size() - 1).minutes();
		}

	}

	/** A stop, reached this many minutes after the first. */
	public record Stop(LocalizedText name, int minutes) {
	}

}
