package org.hetao.estation.policy.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.policy.EligibilityProfile;
import org.hetao.estation.policy.Policy;
import org.hetao.estation.policy.internal.ConsultationDesk;
import org.hetao.estation.policy.internal.Consultations;
import org.hetao.estation.policy.internal.Eligibility;
import org.hetao.estation.policy.internal.MatchRuns;
import org.hetao.estation.policy.internal.PolicyLibrary;
import org.hetao.estation.policy.internal.PolicyMatching;
import org.hetao.estation.policy.internal.Profiles;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Policies", description = "Support policies, eligibility, proactive matching and consultations")
@RestController
class PolicyApiController {

	private final PolicyLibrary library;

	private final Profiles profiles;

	private final PolicyMatching matching;

	private final ConsultationDesk desk;

	private final EligibilityViews views;

	private final SmartValidator validator;

	private final Clock clock;

	private final org.hetao.estation.policy.PolicyGrants grants;

	PolicyApiController(PolicyLibrary library, Profiles profiles, PolicyMatching matching, ConsultationDesk desk,
			EligibilityViews views, SmartValidator validator, Clock clock, org.hetao.estation.policy.PolicyGrants grants) {
		this.grants = grants;
		this.library = library;
		this.profiles = profiles;
		this.matching = matching;
		this.desk = desk;
		this.views = views;
		this.validator = validator;
		this.clock = clock;
	}

	record EligibilityResults(List<EligibilityViews.PolicyView> qualifying, List<EligibilityViews.PolicyView> nearly) {
	}

	record QuestionRequest(String subjectType, String subjectCode, String question) {
	}

	record AnswerRequest(String answer, Integer version) {
	}

	record Created(long id) {
	}

	@Operation(summary = "Every policy in force")
	@GetMapping("/api/v1/policies")
	List<Policy> policies() {
		LocalDate today = LocalDate.now(clock);
		return library.all().stream().filter(p -> p.inForce(today)).toList();
	}

	@Operation(summary = "One policy")
	@GetMapping("/api/v1/policies/{code}")
	Policy policy(@PathVariable String code) {
		return library.find(code).orElseThrow(() -> Problem.notFound("policy.notFound"));
	}

	@Operation(summary = "Policies a profile qualifies and nearly qualifies for",
			description = "Every field optional (unknown when absent); each condition is MET, NOT_MET or UNKNOWN with an explanation in the request's language.")
	@PostMapping("/api/v1/policies/eligibility")
	EligibilityResults eligibility(@RequestBody ProfileForm form, Locale locale) {
		EligibilityProfile profile = validated(form);
		LocalDate today = LocalDate.now(clock);
		List<Eligibility> results = library.evaluateAll(profile, today);
		return new EligibilityResults(
				results.stream().filter(r -> r.verdict() == Eligibility.Verdict.QUALIFIES)
					.map(r -> views.view(r, profile, today, locale)).toList(),
				results.stream().filter(r -> r.verdict() == Eligibility.Verdict.NEARLY)
					.map(r -> views.view(r, profile, today, locale)).toList());
	}

	@Operation(summary = "My saved profile (applicants)")
	@GetMapping("/api/v1/policies/profile")
	EligibilityProfile myProfile() {
		return profiles.find(CurrentUser.require().id()).orElseGet(EligibilityProfile::empty);
	}

	@Operation(summary = "Save my profile (applicants)")
	@PutMapping("/api/v1/policies/profile")
	EligibilityProfile saveProfile(@RequestBody ProfileForm form) {
		EligibilityProfile profile = validated(form);
		profiles.save(CurrentUser.require().id(), profile);
		return profile;
	}

	@Operation(summary = "免申即享: run a policy of my department against all enterprise profiles (officers)")
	@PostMapping("/api/v1/policies/{code}/matches")
	@ResponseStatus(HttpStatus.CREATED)
	MatchRuns.MatchRun run(@PathVariable String code) {
		return matching.run(code, CurrentUser.require());
	}

	@Operation(summary = "Notify the enterprises a run found (officers); publishes EnterprisesNotified")
	@PostMapping("/api/v1/policies/matches/{id}/notify")
	MatchRuns.MatchRun notifyRun(@PathVariable long id) {
		return matching.notifyQualified(id, CurrentUser.require());
	}

	@Operation(summary = "免申即享: my enterprise's grants (applicants): policy, sum (CNY, null when not a fixed sum), date, status")
	@GetMapping("/api/v1/policies/grants")
	List<org.hetao.estation.policy.PolicyGrants.Grant> myGrants() {
		return grants.of(CurrentUser.require().id());
	}

	@Operation(summary = "My consultations (applicants) or my department's queue (officers)")
	@GetMapping("/api/v1/consultations")
	List<Consultations.Consultation> consultations() {
		return desk.list(CurrentUser.require());
	}

	@Operation(summary = "One consultation (its applicant or an officer of its department)")
	@GetMapping("/api/v1/consultations/{id}")
	Consultations.Consultation consultation(@PathVariable long id) {
		return desk.view(id, CurrentUser.require());
	}

	@Operation(summary = "Ask a question about an item (subjectType ITEM) or a policy (POLICY)")
	@PostMapping("/api/v1/consultations")
	@ResponseStatus(HttpStatus.CREATED)
	Created ask(@RequestBody QuestionRequest request, Locale locale) {
		List<Problem.FieldError> errors = new ArrayList<>();
		if (request.subjectType() == null || !List.of("ITEM", "POLICY").contains(request.subjectType())) {
			errors.add(new Problem.FieldError("subjectType", "policy.consultation.subject.required"));
		}
		if (request.subjectCode() == null || request.subjectCode().isBlank() || request.subjectCode().length() > 40) {
			errors.add(new Problem.FieldError("subjectCode", "policy.consultation.subject.required"));
		}
		if (request.question() == null || request.question().isBlank()) {
			errors.add(new Problem.FieldError("question", "policy.consultation.question.required"));
		}
		else if (request.question().length() > ConsultationDesk.MAX_QUESTION) {
			errors.add(new Problem.FieldError("question", "policy.consultation.question.length"));
		}
		if (!errors.isEmpty()) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "error.invalidInput", errors);
		}
		EstationUser user = CurrentUser.require();
		return new Created(desk.ask(user, request.subjectType(), request.subjectCode(), request.question(),
				Language.of(locale)));
	}

	@Operation(summary = "Answer a consultation of my department (officers)")
	@PostMapping("/api/v1/consultations/{id}/answer")
	Consultations.Consultation answer(@PathVariable long id, @RequestBody AnswerRequest request) {
		if (request.answer() == null || request.answer().isBlank() || request.answer().length() > ConsultationDesk.MAX_ANSWER
				|| request.version() == null) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "error.invalidInput",
					List.of(new Problem.FieldError("answer", "policy.consultation.answer.required")));
		}
		EstationUser officer = CurrentUser.require();
		desk.answer(id, request.version(), request.answer(), officer);
		return desk.view(id, officer);
	}

	@Operation(summary = "Publish an answered consultation to its item's or policy's FAQ (officers)")
	@PostMapping("/api/v1/consultations/{id}/publish")
	Consultations.Consultation publish(@PathVariable long id) {
		EstationUser officer = CurrentUser.require();
		desk.publish(id, officer);
		return desk.view(id, officer);
	}

	private EligibilityProfile validated(ProfileForm form) {
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "profile");
		validator.validate(form, errors);
		form.validateChoices(errors, LocalDate.now(clock));
		if (errors.hasErrors()) {
			List<Problem.FieldError> fieldErrors = errors.getFieldErrors().stream()
				.map(e -> new Problem.FieldError(e.getField(), messageKey(e)))
				.toList();
			throw new Problem(Problem.Kind.UNPROCESSABLE, "policy.profile.invalid", fieldErrors);
		}
		return form.toProfile();
	}

	private static String messageKey(org.springframework.validation.FieldError error) {
		String message = error.getDefaultMessage();
		if (message != null && message.startsWith("{") && message.endsWith("}")) {
			return message.substring(1, message.length() - 1);
		}
		return error.getCode() != null && error.getCode().startsWith("policy.") ? error.getCode() : "policy.profile.invalid";
	}

}
