package org.hetao.estation.leisure.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.hetao.estation.leisure.QueueLevel;
import org.hetao.estation.leisure.internal.LeisureGuide;
import org.hetao.estation.leisure.internal.ServiceDay;
import org.hetao.estation.leisure.internal.ShuttleFile;
import org.hetao.estation.shared.LocalizedText;
import org.hetao.estation.shared.Problem;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The ports' queues and the shuttle's next departures for other screens and integrators. */
@RestController
@RequestMapping(path = "/api/v1/leisure", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Leisure information", description = "Land ports' hours and queue levels, the zone's shuttle departures")
class LeisureApiController {

	static final int MAX_COUNT = 20;

	private final LeisureGuide guide;

	LeisureApiController(LeisureGuide guide) {
		this.guide = guide;
	}

	/**
	 * A port now.
	 *
	 * @param feedCode the Immigration Department feed's code for the port
	 * @param opens passenger clearance opens, "HH:mm"
	 * @param closes closes, "HH:mm" or "24:00"
	 */
	record PortAnswer(String code, String feedCode, LocalizedText name, String opens, String closes, boolean openNow,
			QueueLevel arrival, QueueLevel departure) {
	}

	/**
	 * The ports and their queue levels.
	 *
	 * @param updatedAt when the reading was taken; null before the first
	 * @param stale older than the configured threshold
	 * @param sample the shipped sample, not live figures
	 * @param lastAttemptFailed the feed's last request failed (the reading is the last good one)
	 */
	record PortsAnswer(Instant updatedAt, boolean stale, boolean sample, boolean lastAttemptFailed,
			List<PortAnswer> ports) {
	}

	record DepartureAnswer(LocalDateTime at, ServiceDay serviceDay) {
	}

	record DirectionAnswer(String code, LocalizedText from, LocalizedText to, List<DepartureAnswer> next) {
	}

	record ShuttleAnswer(String route, LocalizedText name, ServiceDay today, List<DirectionAnswer> directions) {
	}

	@GetMapping("/ports")
	@Operation(summary = "The land ports near the zone, their hours and queue levels (arrival, departure) with when they were read")
	PortsAnswer ports() {
		LeisureGuide.PortsNow now = guide.portsNow();
		return new PortsAnswer(now.updatedAt() == null ? null : now.updatedAt().toInstant(), now.stale(), now.sample(),
				now.lastAttemptFailed(),
				now.ports()
					.stream()
					.map(p -> new PortAnswer(p.port().code(), p.port().feedCode(), p.port().name(), p.port().opens(),
							p.port().closes(), p.openNow(), p.queue().arrival(), p.queue().departure()))
					.toList());
	}

	@GetMapping("/shuttle/next")
	@Operation(summary = "The next departures of a shuttle route in each direction, from now (zone time)")
	ShuttleAnswer next(@RequestParam(required = false) String route, @RequestParam(required = false) Integer count) {
		if (route == null || route.isBlank()) {
			throw new Problem(Problem.Kind.INVALID, "leisure.api.invalid",
					List.of(new Problem.FieldError("route", "leisure.api.routeRequired")));
		}
		int n = count == null ? 3 : count;
		if (n < 1 || n > MAX_COUNT) {
			throw new Problem(Problem.Kind.INVALID, "leisure.api.invalid",
					List.of(new Problem.FieldError("count", "leisure.api.countRange", 1, MAX_COUNT)));
		}
		ShuttleFile.Route r = guide.data()
			.shuttle()
			.route(route.strip())
			.orElseThrow(() -> Problem.notFound("leisure.api.unknownRoute", route.strip()));
		LeisureGuide.RouteNext next = guide.routeNext(r, n);
		return new ShuttleAnswer(r.code(), r.name(), guide.serviceDay(guide.now().toLocalDate()),
				next.directions()
					.stream()
					.map(d -> new DirectionAnswer(d.direction().code(), d.direction().from(), d.direction().to(),
							d.next().stream().map(x -> new DepartureAnswer(x.at(), x.serviceDay())).toList()))
					.toList());
	}

}
