package org.hetao.estation.supervision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.hetao.estation.supervision.Supervision;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Supervision", description = "Deadlines, corrections, queues and satisfaction over a period")
class SupervisionApiController {

	private final Supervision supervision;

	SupervisionApiController(Supervision supervision) {
		this.supervision = supervision;
	}

	@GetMapping("/api/v1/supervision/figures")
	@Operation(summary = "The dashboard's figures over a period (ISO dates, both included; default the last 30 days)",
			description = "400 problem detail when the period is malformed, reversed or longer than a year")
	Supervision.Dashboard figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		SupervisionController.Period p = SupervisionController.period(supervision, from, to);
		return supervision.dashboard(p.from(), p.to());
	}

}
