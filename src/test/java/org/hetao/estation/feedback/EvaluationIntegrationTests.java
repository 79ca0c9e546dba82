package org.hetao.estation.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.casework.CaseChannel;
import org.hetao.estation.casework.CaseSubmitted;
import org.hetao.estation.casework.DeliveryMethod;
import org.hetao.estation.casework.TaskDelivered;
import org.hetao.estation.hall.TicketServed;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

/** Evaluations end to end: invited on the event, rated once per channel, changed once, bad → rectification. */
@SpringBootTest
@AutoConfigureMockMvc
class EvaluationIntegrationTests {

	@Autowired
	Accounts accounts;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Evaluations evaluations;

	@Autowired
	Rectifications rectifications;

	@Autowired
	WorkingCalendars calendars;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	java.time.Clock clock;

	EstationUser person(Set<Role> roles, String department) {
		String name = "f-" + UUID.randomUUID().toString().substring(0, 8);
		long id = accounts.create(new Accounts.NewAccount(name, "{noop}x", "Person " + name, name + "@example.hk", null,
				Language.EN, roles.contains(Role.APPLICANT) ? ApplicantType.HK_RESIDENT : null, department, roles));
		return accounts.findById(id).orElseThrow();
	}

	static long id() {
		return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
	}

	static String receipt() {
		return "HT20261127-" + ThreadLocalRandom.current().nextInt(300000, 999999);
	}

	/** A delivered task of a case of {@code applicant}; returns the service to rate. */
	long deliveredTask(EstationUser applicant, String receipt) {
		long caseId = id();
		tx.executeWithoutResult(s -> {
			events.publishEvent(new CaseSubmitted(caseId, receipt, applicant.id(), null, List.of("GOV-002"),
					CaseChannel.ONLINE, Instant.now()));
			events.publishEvent(new TaskDelivered(caseId, receipt, applicant.id(), id(), "GOV-002",
					DeliveryMethod.ELECTRONIC, Instant.now()));
		});
		return evaluations.servicesOf(applicant.id())
			.stream()
			.filter(s -> s.service().receiptNumber().equals(receipt) && s.service().kind() == ServiceKind.TASK)
			.findFirst()
			.orElseThrow()
			.service()
			.id();
	}

	@Test
	void aDeliveredTaskCanBeRatedOncePerChannelAndChangedOnce() {
		EstationUser applicant = person(Set.of(Role.APPLICANT), null);
		long service = deliveredTask(applicant, receipt());
		EvaluableService s = evaluations.serviceOf(applicant.id(), service).service();
		assertThat(s.departmentCode()).isEqualTo("market-regulation");
		assertThat(s.itemCode()).isEqualTo("GOV-002");

		Evaluation first = evaluations.rate(applicant.id(), service, EvaluationChannel.WEB,
				new Evaluations.Rate(Rating.VERY_SATISFIED, List.of(Reason.FAST), null));
		assertThat(first.changes()).isZero();
		assertThat(rectifications.all(null)).noneMatch(r -> r.service().id() == service);

		// The app is another channel: its own evaluation.
		evaluations.rate(applicant.id(), service, EvaluationChannel.API, new Evaluations.Rate(Rating.SATISFIED, List.of(), null));
		assertThat(evaluations.serviceOf(applicant.id(), service).evaluations()).hasSize(2);

		// The database holds one evaluation per service and channel whatever the code does.
		assertThatThrownBy(() -> jdbc.sql("insert into feedback_evaluation (service_id, channel, rating, reasons, created_at) values (:s, 'WEB', 'SATISFIED', '', current_timestamp)")
			.param("s", service)
			.update()).isInstanceOf(DuplicateKeyException.class);

		Evaluation changed = evaluations.rate(applicant.id(), service, EvaluationChannel.WEB,
				new Evaluations.Rate(Rating.SATISFIED, List.of(), "fine"));
		assertThat(changed.rating()).isEqualTo(Rating.SATISFIED);
		assertThat(changed.changes()).isEqualTo(1);
		assertThatThrownBy(() -> evaluations.rate(applicant.id(), service, EvaluationChannel.WEB,
				new Evaluations.Rate(Rating.VERY_SATISFIED, List.of(), null)))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.messageKey()).isEqualTo("feedback.rate.alreadyChanged"));
	}

	@Test
	void aRatingCannotBeChangedAfterTheWindow() {
		EstationUser applicant = person(Set.of(Role.APPLICANT), null);
		long service = deliveredTask(applicant, receipt());
		evaluations.rate(applicant.id(), service, EvaluationChannel.WEB, new Evaluations.Rate(Rating.SATISFIED, List.of(), null));
		jdbc.sql("update feedback_evaluation set created_at = :t where service_id = :s")
			.param("t", java.time.OffsetDateTime.now().minusDays(8))
			.param("s", service)
			.update();
		assertThatThrownBy(() -> evaluations.rate(applicant.id(), service, EvaluationChannel.WEB,
				new Evaluations.Rate(Rating.VERY_SATISFIED, List.of(), null)))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.messageKey()).isEqualTo("feedback.rate.windowClosed"));
	}

	@Test
	void aBadRatingWithoutAReasonIsRefusedAndNothingStored() {
		EstationUser applicant = person(Set.of(Role.APPLICANT), null);
		long service = deliveredTask(applicant, receipt());
		assertThatThrownBy(() -> evaluations.rate(applicant.id(), service, EvaluationChannel.WEB,
				new Evaluations.Rate(Rating.DISSATISFIED, List.of(), " ")))
			.isInstanceOfSatisfying(Problem.class, p -> {
				assertThat(p.kind()).isEqualTo(Problem.Kind.UNPROCESSABLE);
				assertThat(p.fieldErrors()).extracting(Problem.FieldError::field).containsExactly("reasons");
			});
		assertThat(evaluations.serviceOf(applicant.id(), service).evaluations()).isEmpty();
	}

	@Test
	void aBadRatingOpensARectificationWhichTheDepartmentWorksAndTheSupervisorCloses() {
		EstationUser applicant = person(Set.of(Role.APPLICANT), null);
		EstationUser officer = person(Set.of(Role.OFFICER), "market-regulation");
		EstationUser otherOfficer = person(Set.of(Role.OFFICER), "tax");
		EstationUser supervisor = person(Set.of(Role.SUPERVISOR), null);
		long service = deliveredTask(applicant, receipt());
		Evaluation bad = evaluations.rate(applicant.id(), service, EvaluationChannel.WEB,
				new Evaluations.Rate(Rating.VERY_DISSATISFIED, List.of(Reason.SLOW, Reason.UNCLEAR_GUIDANCE), "Took ages"));

		Rectification r = rectifications.visibleTo(officer, null)
			.stream()
			.filter(x -> x.evaluationId() == bad.id())
			.findFirst()
			.orElseThrow();
		LocalDate today = LocalDate.now(clock);
		assertThat(r.status()).isEqualTo(RectificationStatus.OPEN);
		assertThat(r.deadline()).isEqualTo(calendars.addWorkingDays(Jurisdiction.CN, today, 5).date());
		assertThat(calendars.workingDaysBetween(Jurisdiction.CN, today, r.deadline())).isEqualTo(5);
		assertThat(r.reasons()).isEqualTo("SLOW,UNCLEAR_GUIDANCE");

		// Another department neither sees nor touches it.
		assertThat(rectifications.visibleTo(otherOfficer, null)).noneMatch(x -> x.id() == r.id());
		assertThatThrownBy(() -> rectifications.get(otherOfficer, r.id()))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.NOT_FOUND));
		// A supervisor cannot close what the department has not done yet.
		assertThatThrownBy(() -> rectifications.review(supervisor, r.id(), r.version(), true, null))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT));

		Rectification submitted = rectifications.record(officer, r.id(), r.version(), "Guide rewritten",
				"Called the applicant on 27 Nov");
		assertThat(submitted.status()).isEqualTo(RectificationStatus.SUBMITTED);
		Rectification back = rectifications.review(supervisor, r.id(), submitted.version(), false, "Say what changed in the guide");
		assertThat(back.status()).isEqualTo(RectificationStatus.OPEN);
		Rectification again = rectifications.record(officer, r.id(), back.version(), "Guide section 3 rewritten", "Called again");
		Rectification closed = rectifications.review(supervisor, r.id(), again.version(), true, null);
		assertThat(closed.status()).isEqualTo(RectificationStatus.CLOSED);
		assertThat(closed.closedAt()).isNotNull();
		// A stale version is refused.
		assertThatThrownBy(() -> rectifications.review(supervisor, r.id(), again.version(), true, null))
			.isInstanceOf(Problem.class);
	}

	@Test
	void aCounterServiceIsRatedAndABadRatingGoesToTheWindow() {
		EstationUser applicant = person(Set.of(Role.APPLICANT), null);
		EstationUser hallManager = person(Set.of(Role.HALL_MANAGER, Role.CLERK), null);
		String receipt = receipt();
		deliveredTask(applicant, receipt);
		long ticket = id();
		tx.executeWithoutResult(s -> events.publishEvent(new TicketServed(ticket, "A042", "A", "3", 99L, List.of(receipt),
				Instant.now().minusSeconds(600), Instant.now())));
		EvaluableService counter = evaluations.servicesOf(applicant.id())
			.stream()
			.map(Evaluations.ServiceWithEvaluations::service)
			.filter(s -> s.kind() == ServiceKind.COUNTER)
			.findFirst()
			.orElseThrow();
		assertThat(counter.windowNumber()).isEqualTo("3");
		assertThat(counter.receiptNumber()).isEqualTo(receipt);
		Evaluation bad = evaluations.rate(applicant.id(), counter.id(), EvaluationChannel.WEB,
				new Evaluations.Rate(Rating.DISSATISFIED, List.of(Reason.DISCOURTEOUS), null));
		assertThat(rectifications.visibleTo(hallManager, RectificationStatus.OPEN))
			.anySatisfy(r -> {
				assertThat(r.evaluationId()).isEqualTo(bad.id());
				assertThat(r.windowNumber()).isEqualTo("3");
			});
	}

	@Test
	void onlyTheApplicantOfTheCaseMayRateIt() {
		EstationUser applicant = person(Set.of(Role.APPLICANT), null);
		EstationUser other = person(Set.of(Role.APPLICANT), null);
		long service = deliveredTask(applicant, receipt());

		assertThat(mvc.get().uri("/evaluations/{id}", service).with(user(other))).hasStatus(404);
		assertThat(mvc.post().uri("/evaluations/{id}", service).param("rating", "VERY_SATISFIED").with(user(other)).with(csrf()))
			.hasStatus(404);
		assertThat(mvc.post()
			.uri("/api/v1/evaluations/{id}", service)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"rating\":\"VERY_DISSATISFIED\",\"reasons\":[\"SLOW\"]}")
			.with(user(other))).hasStatus(404).bodyJson().extractingPath("$.status").isEqualTo(404);
		assertThat(evaluations.serviceOf(applicant.id(), service).evaluations()).isEmpty();

		// The applicant rates on the page; a bad rating without reason shows the field error and stores nothing.
		assertThat(mvc.post().uri("/evaluations/{id}", service).param("rating", "DISSATISFIED").with(user(applicant)).with(csrf()))
			.hasStatusOk()
			.bodyText()
			.contains("不滿意時請至少選擇一個原因或填寫意見。")
			.contains("aria-invalid=\"true\"");
		assertThat(mvc.post()
			.uri("/evaluations/{id}", service)
			.param("rating", "SATISFIED")
			.param("reasons", "COURTEOUS")
			.with(user(applicant))
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/evaluations").with(user(applicant))).hasStatusOk().bodyText().contains(">滿意<");
		assertThat(mvc.post()
			.uri("/api/v1/evaluations/{id}", service)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"rating\":\"VERY_SATISFIED\",\"reasons\":[\"FAST\"]}")
			.with(user(applicant))).hasStatusOk().bodyJson().extractingPath("$.channel").isEqualTo("API");
	}

}
