package org.hetao.estation.leisure.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.leisure.PortQueues;
import org.hetao.estation.shared.Jurisdiction;
import org.springframework.stereotype.Component;

/** What the leisure pages and API show now: the data files, the feed's last reading, and the clock. */
@Component
public class LeisureGuide {

	private final LeisureData data;

	private final PortQueueFeed feed;

	private final WorkingCalendars calendars;

	private final Clock clock;

	public LeisureGuide(LeisureData data, PortQueueFeed feed, WorkingCalendars calendars, Clock clock) {
		this.data = data;
		this.feed = feed;
		this.calendars = calendars;
		this.clock = clock;
	}

	public LeisureData data() {
		return data;
	}

	public ZonedDateTime now() {
		return ZonedDateTime.now(clock).withZoneSameInstant(org.hetao.estation.shared.Zone.ID);
	}

	/** Which timetable a day runs: the Mainland calendar's working days (make-up days included), else rest days. */
	public ServiceDay serviceDay(LocalDate date) {
		return calendars.isWorkingDay(Jurisdiction.CN, date) ? ServiceDay.WORKING_DAY : ServiceDay.REST_DAY;
	}

	/** A port with its hours and its queues now. */
	public record PortNow(Port port, boolean openNow, PortQueues.Queue queue) {
	}

	/**
	 * The ports now.
	 *
	 * @param reading the feed's last good reading, empty before the first one
	 * @param stale the reading is older than the configured threshold
	 * @param ageMinutes how old the reading is
	 * @param updatedAt when it was taken, in the zone's time
	 */
	public record PortsNow(List<PortNow> ports, Optional<PortQueues.Reading> reading, boolean stale, long ageMinutes,
			ZonedDateTime updatedAt, boolean sample, boolean lastAttemptFailed) {
	}

	public PortsNow portsNow() {
		ZonedDateTime now = now();
		Optional<PortQueues.Reading> reading = feed.current();
		List<PortNow> ports = data.ports()
			.ports()
			.stream()
			.map(p -> new PortNow(p, p.hours().isOpenAt(now.toLocalTime()),
					reading.map(r -> r.queue(p.feedCode())).orElse(PortQueues.Queue.UNKNOWN)))
			.toList();
		return new PortsNow(ports, reading, reading.map(r -> feed.isStale(r, now.toInstant())).orElse(false),
				reading.map(r -> Math.max(0, Duration.between(r.updatedAt(), now.toInstant()).toMinutes())).orElse(0L),
				reading.map(r -> r.updatedAt().atZone(org.hetao.estation.shared.Zone.ID)).orElse(null),
				reading.map(PortQueues.Reading::sample).orElse(false),
				reading.map(PortQueues.Reading::lastAttemptFailed).orElse(feed.failingWithoutReading()));
	}

	/** One direction of a route with its next departures. */
	public record DirectionNext(ShuttleFile.Direction direction, List<NextDepartures.Departure> next) {
	}

	/** A route with the next departures of each direction. */
	public record RouteNext(ShuttleFile.Route route, List<DirectionNext> directions) {
	}

	public List<RouteNext> shuttleNext(int count) {
		return data.shuttle().routes().stream().map(r -> routeNext(r, count)).toList();
	}

	public RouteNext routeNext(ShuttleFile.Route route, int count) {
		LocalDateTime now = now().toLocalDateTime();
		return new RouteNext(route, route.directions()
			.stream()
			.map(d -> new DirectionNext(d, NextDepartures.after(d, now, this::serviceDay, count)))
			.toList());
	}

}
