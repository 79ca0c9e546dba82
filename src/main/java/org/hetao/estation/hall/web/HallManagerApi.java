package org.hetao.estation.hall.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hetao.estation.hall.internal.HallStatistics;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The hall manager's figures of the day over the API. */
@RestController
@RequestMapping("/api/v1/hall")
@Tag(name = "Hall", description = "Queue tickets, windows, the live board, appointments, rooms and events of the e-Station hall")
class HallManagerApi {

	private final HallStatistics statistics;

	HallManagerApi(HallStatistics statistics) {
		this.statistics = statistics;
	}

	record CategoryFigures(String category, int issued, int served, int noShow, int waiting) {
	}

	record Statistics(LocalDate day, List<CategoryFigures> categories, long averageWaitSeconds, long p90WaitSeconds,
			Map<String, Integer> servedPerWindow, int upcomingAppointments, Map<String, Integer> roomOccupancyPercent) {
	}

	@GetMapping("/manager/statistics")
	@Operation(summary = "Today in the hall (HALL_MANAGER): tickets per category, waiting times, windows, appointments, rooms")
	Statistics statistics() {
		HallStatistics.Day d = statistics.today();
		Map<String, Integer> occupancy = new java.util.LinkedHashMap<>();
		d.roomOccupancy().forEach((room, pct) -> occupancy.put(room.code(), pct));
		return new Statistics(d.day(),
				d.categories().stream().map(c -> new CategoryFigures(c.category(), c.issued(), c.served(), c.noShow(), c.waiting())).toList(),
				d.averageWait().toSeconds(), d.p90Wait().toSeconds(), d.servedPerWindow(), d.upcomingAppointments().size(),
				occupancy);
	}

}
