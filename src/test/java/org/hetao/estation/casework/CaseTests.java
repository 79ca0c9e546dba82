package org.hetao.estation.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.hetao.estation.catalog.Channel;
import org.hetao.estation.casework.internal.Case;
import org.hetao.estation.casework.internal.ItemTask;
import org.hetao.estation.catalog.Matter;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.calendar.WorkingDayClock;
import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.shared.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The task lifecycle, the DAG of a matter's items and the output mapping, in plain Java. */
class CaseTests {

	/** The window offers the items these cases are of: its acceptance completes them in person. */
	static final Set<Channel> AT_WINDOW = Set.of(Channel.WINDOW);

	static final WeekendCalendars CALENDARS = new WeekendCalendars();

	/** Wednesday 25 November 2026. */
	static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);

	static final Applicant APPLICANT = new Applicant(7L, "Chan Tai Man", ApplicantType.HK_RESIDENT, null, null,
			"+852 9123 4567");

	static Case.Step step(Actor actor, LocalDate today) {
		return new Case.Step(actor, CaseChannel.WINDOW, today.atStartOfDay().toInstant(java.time.ZoneOffset.ofHours(8)),
				today, CALENDARS);
	}

	static Case.Step clerk(LocalDate today) {
		return step(Actor.clerk(2, "clerk"), today);
	}

	static Case.Step officer(LocalDate today) {
		return step(Actor.officer(3, "officer", "market-regulation"), today);
	}

	static Case.Step applicant(LocalDate today) {
		return step(Actor.applicant(7L, "Chan"), today);
	}

	/** A stored one-task case whose task (id 1) is in the given status. */
	static Case caseWithTaskIn(TaskStatus status) {
		TaskClock clock = switch (status) {
			case WAITING_FOR_PREREQUISITE, SUBMITTED, NOT_ACCEPTED -> TaskClock.notStarted(Jurisdiction.CN, 5, null);
			case CORRECTION_REQUESTED -> TaskClock.of(WorkingDayClock.start(Jurisdiction.CN, WEDNESDAY, 5).pause(WEDNESDAY));
			default -> TaskClock.of(WorkingDayClock.start(Jurisdiction.CN, WEDNESDAY, 5));
		};
		ItemTask.State task = new ItemTask.State(1L, "MR-0001", "market-regulation",
				status == TaskStatus.WAITING_FOR_PREREQUISITE ? List.of("X") : List.of(), status, Map.of(), Map.of(),
				Set.of(), List.of(), null, Map.of(), null, clock, null, false, 0);
		return new Case(10L, "HT20261125-000001", APPLICANT, null, CaseChannel.ONLINE, Instant.EPOCH, List.of(),
				List.of(task), List.of());
	}

	record Action(String name, Set<TaskStatus> allowedFrom, BiConsumer<Case, LocalDate> run) {
		@Override
		public String toString() {
			return name;
		}
	}

	static final List<Action> ACTIONS = List.of(
			new Action("ACCEPT", EnumSet.of(TaskStatus.SUBMITTED), (c, d) -> c.accept(1, AT_WINDOW, clerk(d))),
			new Action("REJECT", EnumSet.of(TaskStatus.SUBMITTED), (c, d) -> c.reject(1, "out of scope", clerk(d))),
			new Action("REQUEST_CORRECTION",
					EnumSet.of(TaskStatus.SUBMITTED, TaskStatus.ACCEPTED, TaskStatus.UNDER_REVIEW),
					(c, d) -> c.requestCorrection(1, List.of(Deficiency.material("HKID_COPY")), clerk(d))),
			new Action("CHECK_MATERIALS",
					EnumSet.of(TaskStatus.SUBMITTED, TaskStatus.CORRECTION_REQUESTED, TaskStatus.ACCEPTED,
							TaskStatus.UNDER_REVIEW),
					(c, d) -> c.recordCheckedMaterials(1, Set.of("HKID_COPY"), clerk(d))),
			new Action("START_REVIEW", EnumSet.of(TaskStatus.ACCEPTED), (c, d) -> c.startReview(1, officer(d))),
			new Action("APPROVE", EnumSet.of(TaskStatus.UNDER_REVIEW),
					(c, d) -> c.approve(1, Map.of("licenceNumber", "L-1"), List.of("licenceNumber"), officer(d))),
			new Action("REFUSE", EnumSet.of(TaskStatus.UNDER_REVIEW), (c, d) -> c.refuse(1, "not eligible", officer(d))),
			new Action("DELIVER", EnumSet.of(TaskStatus.APPROVED, TaskStatus.REFUSED),
					(c, d) -> c.deliver(1, DeliveryMethod.ELECTRONIC, clerk(d))),
			new Action("RESUBMIT", EnumSet.of(TaskStatus.CORRECTION_REQUESTED), (c, d) -> c.resubmit(applicant(d))),
			new Action("WITHDRAW",
					EnumSet.of(TaskStatus.WAITING_FOR_PREREQUISITE, TaskStatus.SUBMITTED,
							TaskStatus.CORRECTION_REQUESTED, TaskStatus.ACCEPTED, TaskStatus.UNDER_REVIEW),
					(c, d) -> c.withdraw("changed my mind", applicant(d))));

	static Stream<Arguments> everyActionFromEveryStatus() {
		List<Arguments> all = new ArrayList<>();
		for (Action action : ACTIONS) {
			for (TaskStatus status : TaskStatus.values()) {
				all.add(Arguments.of(action, status));
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0} from {1}")
	@MethodSource("everyActionFromEveryStatus")
	void everyActionIsAllowedExactlyFromItsStatuses(Action action, TaskStatus status) {
		Case c = caseWithTaskIn(status);
		int timelineBefore = c.timeline().size();
		if (action.allowedFrom().contains(status)) {
			action.run().accept(c, WEDNESDAY.plusDays(1));
			assertThat(c.timeline()).hasSizeGreaterThan(timelineBefore);
		}
		else {
			assertThatThrownBy(() -> action.run().accept(c, WEDNESDAY.plusDays(1)))
				.isInstanceOf(IllegalTransition.class)
				.satisfies(e -> assertThat(((Problem) e).kind()).isEqualTo(Problem.Kind.CONFLICT));
			assertThat(c.tasks().get(0).status()).as("an illegal action changes nothing").isEqualTo(status);
			assertThat(c.timeline()).hasSize(timelineBefore);
			assertThat(c.events()).isEmpty();
		}
	}

	@Test
	void aWholeSingleItemJourneyIsRecordedStepByStep() {
		Case c = caseWithTaskIn(TaskStatus.SUBMITTED);
		c.requestCorrection(1, List.of(Deficiency.material("HKID_COPY"), Deficiency.note("Sign page 2")),
				clerk(WEDNESDAY));
		assertThat(c.status()).isEqualTo(CaseStatus.ACTION_REQUIRED);
		assertThat(c.tasks().get(0).deficiencies()).hasSize(2);
		assertThat(c.tasks().get(0).clock().started()).as("correction before acceptance: no clock yet").isFalse();
		c.resubmit(applicant(WEDNESDAY.plusDays(1)));
		assertThat(c.tasks().get(0).status()).isEqualTo(TaskStatus.SUBMITTED);
		assertThat(c.tasks().get(0).deficiencies()).isEmpty();
		assertThat(c.tasks().get(0).clock().started()).as("resubmitted, not yet accepted: still no clock").isFalse();
		c.accept(1, AT_WINDOW, clerk(WEDNESDAY.plusDays(1)));
		// accepted Thursday 26th: 5 working days → Thursday 3 December
		assertThat(c.tasks().get(0).deadline()).isEqualTo(LocalDate.of(2026, 12, 3));
		c.startReview(1, officer(WEDNESDAY.plusDays(2)));
		c.approve(1, Map.of("licenceNumber", " L-123 "), List.of("licenceNumber"), officer(WEDNESDAY.plusDays(5)));
		assertThat(c.tasks().get(0).outputs()).containsEntry("licenceNumber", "L-123");
		c.deliver(1, DeliveryMethod.COUNTER_PICKUP, clerk(WEDNESDAY.plusDays(6)));
		assertThat(c.status()).isEqualTo(CaseStatus.COMPLETED);
		assertThat(c.timeline()).extracting(TimelineEntry::action)
			.containsExactly("REQUEST_CORRECTION", "RESUBMIT", "ACCEPT", "START_REVIEW", "APPROVE", "DELIVER",
					"COMPLETE");
		assertThat(c.timeline().get(0).reason()).isEqualTo("HKID_COPY; Sign page 2");
		assertThat(c.timeline().get(2).actor().role()).isEqualTo("CLERK");
		assertThat(c.events()).extracting(e -> e.getClass().getSimpleName())
			.containsExactly("CorrectionRequested", "TaskAccepted", "TaskClockChanged", "MatterPromised", "TaskClockChanged",
					"TaskDecided", "TaskDelivered", "CaseCompleted");
		TaskDecided decided = (TaskDecided) c.events().get(5);
		assertThat(decided.approved()).isTrue();
		assertThat(decided.onTime()).isTrue();
	}

	@Test
	void aCorrectionNoticeListsAtLeastOneDeficiency() {
		Case c = caseWithTaskIn(TaskStatus.SUBMITTED);
		assertThatThrownBy(() -> c.requestCorrection(1, List.of(), clerk(WEDNESDAY))).isInstanceOf(Problem.class)
			.satisfies(e -> assertThat(((Problem) e).kind()).isEqualTo(Problem.Kind.INVALID));
		assertThatThrownBy(() -> new Deficiency(" ", null)).isInstanceOf(IllegalArgumentException.class);
		assertThat(c.tasks().get(0).status()).isEqualTo(TaskStatus.SUBMITTED);
	}

	@Test
	void notAcceptingAndRefusingNeedAReason() {
		Case submitted = caseWithTaskIn(TaskStatus.SUBMITTED);
		assertThatThrownBy(() -> submitted.reject(1, "  ", clerk(WEDNESDAY))).isInstanceOf(Problem.class);
		assertThat(submitted.tasks().get(0).status()).isEqualTo(TaskStatus.SUBMITTED);
		Case reviewed = caseWithTaskIn(TaskStatus.UNDER_REVIEW);
		assertThatThrownBy(() -> reviewed.refuse(1, null, officer(WEDNESDAY))).isInstanceOf(Problem.class);
		assertThat(reviewed.tasks().get(0).status()).isEqualTo(TaskStatus.UNDER_REVIEW);
	}

	@Test
	void approvingNeedsEveryOutputOfTheItem() {
		Case c = caseWithTaskIn(TaskStatus.UNDER_REVIEW);
		assertThatThrownBy(() -> c.approve(1, Map.of("licenceNumber", " "), List.of("licenceNumber", "creditCode"),
				officer(WEDNESDAY)))
			.isInstanceOf(Problem.class)
			.satisfies(e -> assertThat(((Problem) e).fieldErrors()).extracting(Problem.FieldError::field)
				.containsExactly("outputs.licenceNumber", "outputs.creditCode"));
		assertThat(c.tasks().get(0).status()).isEqualTo(TaskStatus.UNDER_REVIEW);
	}

	@Test
	void withdrawingLeavesDecidedTasksAlone() {
		Case c = matterCase();
		long registration = c.taskFor("MR-REG").orElseThrow().id();
		c.accept(registration, AT_WINDOW, clerk(WEDNESDAY));
		c.accept(c.taskFor("BANK-ACC").orElseThrow().id(), CaseTests.AT_WINDOW, clerk(WEDNESDAY));
		c.startReview(registration, officer(WEDNESDAY));
		c.approve(registration, Map.of("creditCode", "91440300MA5XXXXX1X"), List.of("creditCode"), officer(WEDNESDAY));
		c.withdraw("no longer needed", applicant(WEDNESDAY.plusDays(1)));
		assertThat(c.taskFor("MR-REG").orElseThrow().status()).isEqualTo(TaskStatus.APPROVED);
		assertThat(c.taskFor("TAX-REG").orElseThrow().status()).isEqualTo(TaskStatus.WITHDRAWN);
		assertThat(c.taskFor("BANK-ACC").orElseThrow().status()).isEqualTo(TaskStatus.WITHDRAWN);
		assertThat(c.events()).last().isInstanceOf(CaseWithdrawn.class);
		assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
		c.deliver(registration, DeliveryMethod.ELECTRONIC, clerk(WEDNESDAY.plusDays(2)));
		assertThat(c.status()).isEqualTo(CaseStatus.COMPLETED);
		assertThat(c.events()).last().isInstanceOf(CaseCompleted.class);
	}

	// ------------------------------------------------------------------ the matter's DAG

	static final List<Matter.OutputMapping> MAPPINGS = List.of(
			new Matter.OutputMapping("MR-REG", "creditCode", "TAX-REG", "creditCode"),
			new Matter.OutputMapping("MR-REG", "creditCode", "BANK-ACC", "creditCode"),
			new Matter.OutputMapping("MR-REG", "licenceNumber", "SEAL", "licenceNumber"));

	/** Registration first; tax after registration; seal after registration and tax; bank independent. */
	static Case matterCase() {
		List<Case.NewTask> tasks = List.of(
				new Case.NewTask("MR-REG", "market-regulation", List.of(), Jurisdiction.CN, 5,
						Map.of("companyName", "HK-SZ InnoTech"), Map.of("HKID_COPY", 100L)),
				new Case.NewTask("TAX-REG", "tax", List.of("MR-REG"), Jurisdiction.CN, 3,
						Map.of("companyName", "HK-SZ InnoTech"), Map.of("HKID_COPY", 100L)),
				new Case.NewTask("SEAL", "public-security", List.of("MR-REG", "TAX-REG"), Jurisdiction.CN, 1, Map.of(),
						Map.of()),
				new Case.NewTask("BANK-ACC", "bank", List.of("NOT-IN-THIS-CASE"), Jurisdiction.CN, 2, Map.of(),
						Map.of()));
		Case c = Case.submit("HT20261125-000002", APPLICANT, "HK-STARTUP-SETTLE", MAPPINGS, tasks,
				step(Actor.applicant(7L, "Chan"), WEDNESDAY));
		long id = 1;
		for (ItemTask t : c.tasks()) {
			t.stored(id++, 0);
		}
		c.stored(99);
		return c;
	}

	@Test
	void tasksWithPrerequisitesWaitAndTheOthersAreSubmitted() {
		Case c = matterCase();
		assertThat(c.tasks()).extracting(ItemTask::itemCode, ItemTask::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("MR-REG", TaskStatus.SUBMITTED),
					org.assertj.core.groups.Tuple.tuple("TAX-REG", TaskStatus.WAITING_FOR_PREREQUISITE),
					org.assertj.core.groups.Tuple.tuple("SEAL", TaskStatus.WAITING_FOR_PREREQUISITE),
					org.assertj.core.groups.Tuple.tuple("BANK-ACC", TaskStatus.SUBMITTED));
		assertThat(c.taskFor("BANK-ACC").orElseThrow().dependsOn())
			.as("a prerequisite outside the case does not block").isEmpty();
		assertThat(c.tasks()).allMatch(t -> t.deadline() == null);
	}

	@Test
	void aWaitingTaskStartsWhenAllItsPrerequisitesAreApprovedWithTheMappedOutputs() {
		Case c = matterCase();
		long registration = c.taskFor("MR-REG").orElseThrow().id();
		c.accept(registration, AT_WINDOW, clerk(WEDNESDAY));
		c.startReview(registration, officer(WEDNESDAY));
		c.approve(registration, Map.of("creditCode", "91440300MA5G12345X", "licenceNumber", "LIC-9"),
				List.of("creditCode"), officer(WEDNESDAY.plusDays(1)));

		ItemTask tax = c.taskFor("TAX-REG").orElseThrow();
		assertThat(tax.status()).isEqualTo(TaskStatus.SUBMITTED);
		assertThat(tax.formData()).containsEntry("creditCode", "91440300MA5G12345X")
			.containsEntry("companyName", "HK-SZ InnoTech");
		assertThat(tax.deadline()).as("a started task gets its deadline when accepted").isNull();
		ItemTask seal = c.taskFor("SEAL").orElseThrow();
		assertThat(seal.status()).as("still waits for the tax registration").isEqualTo(TaskStatus.WAITING_FOR_PREREQUISITE);
		assertThat(seal.formData()).isEmpty();
		assertThat(c.events()).filteredOn(TaskStarted.class::isInstance)
			.singleElement()
			.satisfies(e -> assertThat(((TaskStarted) e).itemCode()).isEqualTo("TAX-REG"));
		assertThat(c.timeline()).filteredOn(e -> "START".equals(e.action()))
			.singleElement()
			.satisfies(e -> assertThat(e.actor()).isEqualTo(Actor.SYSTEM));

		c.accept(tax.id(), AT_WINDOW, clerk(WEDNESDAY.plusDays(2)));
		assertThat(tax.deadline()).isEqualTo(LocalDate.of(2026, 12, 2));
		c.startReview(tax.id(), step(Actor.officer(4, "tax officer", "tax"), WEDNESDAY.plusDays(2)));
		c.approve(tax.id(), Map.of(), List.of(), step(Actor.officer(4, "tax officer", "tax"), WEDNESDAY.plusDays(5)));
		assertThat(seal.status()).isEqualTo(TaskStatus.SUBMITTED);
		assertThat(seal.formData()).containsEntry("licenceNumber", "LIC-9");
	}

	@Test
	void aDeliveredApprovalStillCountsAsApproved() {
		Case c = matterCase();
		long registration = c.taskFor("MR-REG").orElseThrow().id();
		c.accept(registration, AT_WINDOW, clerk(WEDNESDAY));
		c.startReview(registration, officer(WEDNESDAY));
		c.approve(registration, Map.of("creditCode", "C"), List.of(), officer(WEDNESDAY));
		c.deliver(registration, DeliveryMethod.ELECTRONIC, clerk(WEDNESDAY));
		ItemTask tax = c.taskFor("TAX-REG").orElseThrow();
		c.accept(tax.id(), AT_WINDOW, clerk(WEDNESDAY));
		c.startReview(tax.id(), officer(WEDNESDAY));
		c.approve(tax.id(), Map.of(), List.of(), officer(WEDNESDAY));
		assertThat(c.taskFor("SEAL").orElseThrow().status()).isEqualTo(TaskStatus.SUBMITTED);
	}

	@Test
	void whenAPrerequisiteIsRefusedItsDependentsCanNeverStart() {
		Case c = matterCase();
		long registration = c.taskFor("MR-REG").orElseThrow().id();
		c.accept(registration, AT_WINDOW, clerk(WEDNESDAY));
		c.startReview(registration, officer(WEDNESDAY));
		c.refuse(registration, "name already registered", officer(WEDNESDAY));
		assertThat(c.taskFor("TAX-REG").orElseThrow().status()).isEqualTo(TaskStatus.NOT_ACCEPTED);
		assertThat(c.taskFor("SEAL").orElseThrow().status()).as("transitively").isEqualTo(TaskStatus.NOT_ACCEPTED);
		assertThat(c.taskFor("BANK-ACC").orElseThrow().status()).isEqualTo(TaskStatus.SUBMITTED);
		assertThat(c.timeline()).filteredOn(e -> "PREREQUISITE_FAILED".equals(e.action())).hasSize(2);
	}

	@Test
	void aNotAcceptedPrerequisiteAlsoStopsItsDependents() {
		Case c = matterCase();
		c.reject(c.taskFor("MR-REG").orElseThrow().id(), "outside the zone's scope", clerk(WEDNESDAY));
		assertThat(c.taskFor("TAX-REG").orElseThrow().status()).isEqualTo(TaskStatus.NOT_ACCEPTED);
	}

	@Test
	void submissionRecordsTheCaseAndEachTaskOnTheTimeline() {
		Case c = matterCase();
		assertThat(c.timeline()).hasSize(5);
		assertThat(c.timeline().get(0).itemCode()).isNull();
		assertThat(c.timeline()).allMatch(e -> "SUBMIT".equals(e.action()));
		assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
	}

	// ------------------------------------------------------------------ deadlines

	@Test
	void theClockPausesDuringACorrectionAfterAcceptanceAndTheDeadlineMovesOn() {
		Case c = caseWithTaskIn(TaskStatus.SUBMITTED);
		c.accept(1, AT_WINDOW, clerk(WEDNESDAY)); // 5 working days from Wed 25 Nov → Wed 2 Dec
		ItemTask task = c.tasks().get(0);
		assertThat(task.deadline()).isEqualTo(LocalDate.of(2026, 12, 2));
		c.startReview(1, officer(WEDNESDAY.plusDays(1)));
		c.requestCorrection(1, List.of(Deficiency.note("Board resolution unsigned")), officer(WEDNESDAY.plusDays(1)));
		assertThat(task.clock().paused()).isTrue();
		// paused Thursday 26th, resumed Tuesday 1 December: 3 working days (Fri, Mon, Tue) paused
		c.resubmit(applicant(LocalDate.of(2026, 12, 1)));
		assertThat(task.status()).as("accepted before: back to accepted").isEqualTo(TaskStatus.ACCEPTED);
		assertThat(task.clock().at(LocalDate.of(2026, 12, 1), CALENDARS).pausedWorkingDays()).isEqualTo(3);
		assertThat(task.deadline()).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(c.latestDeadline()).contains(LocalDate.of(2026, 12, 7));
	}

	@Test
	void theCaseShowsTheLatestTaskDeadline() {
		Case c = matterCase();
		c.accept(c.taskFor("MR-REG").orElseThrow().id(), CaseTests.AT_WINDOW, clerk(WEDNESDAY)); // 5 days → 2 Dec
		c.accept(c.taskFor("BANK-ACC").orElseThrow().id(), CaseTests.AT_WINDOW, clerk(WEDNESDAY)); // 2 days → 27 Nov
		assertThat(c.latestDeadline()).contains(LocalDate.of(2026, 12, 2));
	}

}
