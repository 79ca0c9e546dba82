package org.hetao.estation.feedback.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.hetao.estation.feedback.Evaluation;
import org.hetao.estation.feedback.EvaluationChannel;
import org.hetao.estation.feedback.Evaluations;
import org.hetao.estation.feedback.Rating;
import org.hetao.estation.feedback.Reason;
import org.hetao.estation.identity.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Evaluations through the open API (an app): the API is its own channel. */
@RestController
@RequestMapping("/api/v1/evaluations")
@Tag(name = "Evaluations", description = "Rating finished services (好差評)")
class EvaluationApiController {

	record RateRequest(Rating rating, List<Reason> reasons, String comment) {
	}

	private final Evaluations evaluations;

	EvaluationApiController(Evaluations evaluations) {
		this.evaluations = evaluations;
	}

	@GetMapping
	@Operation(summary = "The signed-in applicant's finished services and their evaluations")
	List<Evaluations.ServiceWithEvaluations> mine() {
		return evaluations.servicesOf(CurrentUser.require().id());
	}

	@PostMapping("/{serviceId}")
	@Operation(summary = "Rate a finished service (or change the rating once, within the window)",
			description = "404 when the service is not the applicant's; 409 when the rating was already changed or the window closed; 422 with field errors when a bad rating gives no reason")
	Evaluation rate(@PathVariable long serviceId, @RequestBody RateRequest request) {
		return evaluations.rate(CurrentUser.require().id(), serviceId, EvaluationChannel.API,
				new Evaluations.Rate(request.rating(), request.reasons(), request.comment()));
	}

}
