package org.hetao.estation.feedback;

import static org.hetao.estation.shared.Timestamps.ts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.shared.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rating finished services: only the service's applicant may rate it, once per channel, and change the rating
 * once within {@code estation.feedback.change-window}. A bad rating opens a rectification for the department
 * with a deadline of {@code estation.feedback.rectification-working-days} working days.
 */
@Service
public class Evaluations {

	/** A service and its evaluations, as the applicant sees it. */
	public record ServiceWithEvaluations(EvaluableService service, List<Evaluation> evaluations) {

		public Optional<Evaluation> in(EvaluationChannel channel) {
			return evaluations.stream().filter(e -> e.channel() == channel).findFirst();
		}

	}

	/** What the applicant submits. */
	public record Rate(Rating rating, List<Reason> reasons, String comment) {
	}

	private final FeedbackStore store;

	private final WorkingCalendars calendars;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration changeWindow;

	private final int rectificationDays;

	Evaluations(FeedbackStore store, WorkingCalendars calendars, ApplicationEventPublisher events, Clock clock,
			@Value("${estation.feedback.change-window:P7D}") Duration changeWindow,
			@Value("${estation.feedback.rectification-working-days:5}") int rectificationDays) {
		this.store = store;
		this.calendars = calendars;
		this.events = events;
		this.clock = clock;
		this.changeWindow = changeWindow;
		this.rectificationDays = rectificationDays;
	}

	public Duration changeWindow() {
		return changeWindow;
	}

	public List<ServiceWithEvaluations> servicesOf(long accountId) {
		return store.servicesOf(accountId)
			.stream()
			.map(s -> new ServiceWithEvaluations(s, store.evaluationsOf(s.id())))
			.toList();
	}

	/** The service if it is this applicant's; otherwise "not found" (they need not know it exists). */
	public ServiceWithEvaluations serviceOf(long accountId, long serviceId) {
		EvaluableService service = store.service(serviceId)
			.filter(s -> s.applicantAccountId() == accountId)
			.orElseThrow(() -> Problem.notFound("feedback.service.notFound"));
		return new ServiceWithEvaluations(service, store.evaluationsOf(serviceId));
	}

	/** Rates a service, or changes the rating given through this channel (once, within the window). */
	@Transactional
	public Evaluation rate(long accountId, long serviceId, EvaluationChannel channel, Rate rate) {
		EvaluableService service = serviceOf(accountId, serviceId).service();
		List<Problem.FieldError> errors = new ArrayList<>();
		if (rate.rating() == null) {
			errors.add(new Problem.FieldError("rating", "feedback.rating.required"));
		}
		List<Reason> reasons = rate.reasons() == null ? List.of() : List.copyOf(new LinkedHashSet<>(rate.reasons()));
		String comment = rate.comment() == null || rate.comment().isBlank() ? null : rate.comment().strip();
		if (comment != null && comment.length() > 2000) {
			errors.add(new Problem.FieldError("comment", "feedback.comment.tooLong"));
		}
		if (rate.rating() != null) {
			if (reasons.stream().anyMatch(r -> !EvaluationRules.fits(rate.rating(), r))) {
				errors.add(new Problem.FieldError("reasons", "feedback.reasons.mismatch"));
			}
			if (!EvaluationRules.explained(rate.rating(), reasons.size(), comment)) {
				errors.add(new Problem.FieldError("reasons", "feedback.reasons.required"));
			}
		}
		if (!errors.isEmpty()) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "feedback.rate.invalid", errors);
		}
		Instant now = clock.instant();
		String reasonText = reasons.stream().map(Reason::name).collect(Collectors.joining(","));
		Optional<Evaluation> existing = store.evaluation(serviceId, channel);
		long evaluationId;
		if (existing.isEmpty()) {
			KeyHolder keys = new GeneratedKeyHolder();
			try {
				store.jdbc.sql("""
						insert into feedback_evaluation (service_id, channel, rating, reasons, comment, created_at, changes, version)
						values (:s, :c, :r, :reasons, :comment, :now, 0, 0)
						""")
					.param("s", serviceId)
					.param("c", channel.name())
					.param("r", rate.rating().name())
					.param("reasons", reasonText)
					.param("comment", comment)
					.param("now", ts(now))
					.update(keys, "id");
			}
			catch (org.springframework.dao.DuplicateKeyException e) {
				throw Problem.conflict("feedback.rate.alreadyRated");
			}
			evaluationId = keys.getKeyAs(Number.class).longValue();
		}
		else {
			Evaluation e = existing.get();
			switch (EvaluationRules.mayChange(e.createdAt(), e.changes(), now, changeWindow)) {
				case ALREADY_CHANGED -> throw Problem.conflict("feedback.rate.alreadyChanged");
				case WINDOW_CLOSED -> throw Problem.conflict("feedback.rate.windowClosed");
				case ALLOWED -> {
				}
			}
			int updated = store.jdbc.sql("""
					update feedback_evaluation set rating = :r, reasons = :reasons, comment = :comment, changed_at = :now,
					       changes = changes + 1, version = version + 1
					where id = :id and version = :v and changes = 0
					""")
				.param("r", rate.rating().name())
				.param("reasons", reasonText)
				.param("comment", comment)
				.param("now", ts(now))
				.param("id", e.id())
				.param("v", e.version())
				.update();
			if (updated != 1) {
				throw Problem.conflict("feedback.rate.alreadyChanged");
			}
			evaluationId = e.id();
		}
		if (rate.rating().bad() && store.rectificationOfEvaluation(evaluationId).isEmpty()) {
			open(evaluationId, service, now);
		}
		return store.evaluation(serviceId, channel).orElseThrow();
	}

	private void open(long evaluationId, EvaluableService service, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, clock.getZone());
		LocalDate deadline = calendars.addWorkingDays(Jurisdiction.CN, today, rectificationDays).date();
		KeyHolder keys = new GeneratedKeyHolder();
		store.jdbc.sql("""
				insert into feedback_rectification (evaluation_id, service_id, department_code, window_number, status,
				                                    deadline, created_at, version)
				values (:e, :s, :d, :w, 'OPEN', :deadline, :now, 0)
				""")
			.param("e", evaluationId)
			.param("s", service.id())
			.param("d", service.departmentCode())
			.param("w", service.windowNumber())
			.param("deadline", deadline)
			.param("now", ts(now))
			.update(keys, "id");
		events.publishEvent(new RectificationOpened(keys.getKeyAs(Number.class).longValue(), evaluationId,
				service.departmentCode(), service.windowNumber(), deadline, now));
	}

}
