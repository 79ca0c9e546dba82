package org.hetao.estation.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hetao.estation.calendar.HolidayCalendars;
import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.casework.internal.Case;
import org.hetao.estation.casework.internal.ItemTask;
import org.hetao.estation.shared.Jurisdiction;
import org.junit.jupiter.api.Test;

/**
 * The matter's promise over the items' graph, each task in its own jurisdiction's working days, on the official
 * calendars: a Hong Kong notarisation (3 HK working days) and a Mainland registration (5) in parallel; the tax
 * registration (3) after the Mainland one; a seal (1) after both.
 */
class MatterPromiseTests {

	static final WorkingCalendars CALENDARS = HolidayCalendars.bundled();

	/** Monday 21 September 2026: the Mid-Autumn and National Day holidays lie ahead in both places. */
	static final LocalDate MONDAY = LocalDate.of(2026, 9, 21);

	static Case.Step step(Actor actor, LocalDate day) {
		return new Case.Step(actor, CaseChannel.WINDOW, day.atTime(10, 0).atZone(org.hetao.estation.shared.Zone.ID).toInstant(),
				day, CALENDARS);
	}

	static Case.Step clerk(LocalDate day) {
		return step(Actor.clerk(2, "clerk"), day);
	}

	static Case matter() {
		List<Case.NewTask> tasks = List.of(
				new Case.NewTask("HK-NOTARY", "legal-services", List.of(), Jurisdiction.HK, 3, Map.of(), Map.of()),
				new Case.NewTask("MR-REG", "market-regulation", List.of(), Jurisdiction.CN, 5, Map.of(), Map.of()),
				new Case.NewTask("TAX-REG", "tax", List.of("MR-REG"), Jurisdiction.CN, 3, Map.of(), Map.of()),
				new Case.NewTask("SEAL", "public-security", List.of("HK-NOTARY", "TAX-REG"), Jurisdiction.CN, 1, Map.of(),
						Map.of()));
		Case c = Case.submit("HT20260921-000001", CaseTests.APPLICANT, "M", List.of(), tasks,
				step(Actor.applicant(7L, "Chan"), MONDAY));
		long id = 1;
		for (ItemTask t : c.tasks()) {
			t.stored(id++, 0);
		}
		c.stored(99);
		return c;
	}

	static LocalDate add(Jurisdiction j, LocalDate from, int days) {
		return CALENDARS.addWorkingDays(j, from, days).date();
	}

	@Test
	void noPromiseUntilTheLastTaskOfTheSubmissionIsAccepted() {
		Case c = matter();
		assertThat(c.promise(CALENDARS)).isEmpty();
		c.accept(2, CaseTests.AT_WINDOW, clerk(MONDAY));
		assertThat(c.promise(CALENDARS)).as("the Hong Kong task is not accepted yet").isEmpty();
		assertThat(c.events()).noneMatch(MatterPromised.class::isInstance);

		c.accept(1, CaseTests.AT_WINDOW, clerk(MONDAY.plusDays(1)));
		LocalDate mainland = add(Jurisdiction.CN, add(Jurisdiction.CN, MONDAY, 5), 3);
		LocalDate hongKong = add(Jurisdiction.HK, MONDAY.plusDays(1), 3);
		LocalDate seal = add(Jurisdiction.CN, mainland.isAfter(hongKong) ? mainland : hongKong, 1);
		MatterPromise promise = c.promise(CALENDARS).orElseThrow();
		assertThat(promise.date()).isEqualTo(seal);
		assertThat(promise.jurisdiction()).isEqualTo(Jurisdiction.CN);
		assertThat(promise.provisional()).isFalse();
		assertThat(c.events()).filteredOn(MatterPromised.class::isInstance)
			.singleElement()
			.satisfies(e -> assertThat(((MatterPromised) e).promisedCompletionDate()).isEqualTo(seal));
	}

	@Test
	void theApplicantsCorrectionMovesThePromiseByTheWorkingDaysPausedTheDepartmentsLatenessDoesNot() {
		Case c = matter();
		c.accept(1, CaseTests.AT_WINDOW, clerk(MONDAY));
		c.accept(2, CaseTests.AT_WINDOW, clerk(MONDAY));
		LocalDate before = c.promise(CALENDARS).orElseThrow().date();
		// the Mainland registration waits for a correction from Wednesday 23 September to Friday 9 October
		c.requestCorrection(2, List.of(Deficiency.note("Articles unsigned")),
				step(Actor.officer(3, "o", "market-regulation"), LocalDate.of(2026, 9, 23)));
		assertThat(c.promise(CALENDARS).orElseThrow().date()).as("a pause counts once it ends").isEqualTo(before);
		c.resubmit(step(Actor.applicant(7L, "Chan"), LocalDate.of(2026, 10, 9)));
		int paused = CALENDARS.workingDaysBetween(Jurisdiction.CN, LocalDate.of(2026, 9, 23), LocalDate.of(2026, 10, 9));
		LocalDate after = c.promise(CALENDARS).orElseThrow().date();
		assertThat(after).isEqualTo(add(Jurisdiction.CN, add(Jurisdiction.CN, add(Jurisdiction.CN, MONDAY, 5 + paused), 3), 1));
		assertThat(c.events()).filteredOn(MatterPromised.class::isInstance).last()
			.satisfies(e -> assertThat(((MatterPromised) e).promisedCompletionDate()).isEqualTo(after));

		// the registration decided late: the tax task starts late, the promise stays where it was (and is broken)
		LocalDate late = after.plusDays(10);
		c.startReview(2, step(Actor.officer(3, "o", "market-regulation"), late));
		c.approve(2, Map.of(), List.of(), step(Actor.officer(3, "o", "market-regulation"), late));
		c.accept(3, CaseTests.AT_WINDOW, clerk(late));
		assertThat(c.promise(CALENDARS).orElseThrow().date()).isEqualTo(after);
		assertThat(c.promise(CALENDARS).orElseThrow().standing(c.tasks(), late, CALENDARS))
			.isEqualTo(MatterPromise.Standing.BROKEN);
	}

	@Test
	void aLawfulExtensionMovesTheTaskAndThePromiseWithinTheLegalLimitOnly() {
		Case c = matter();
		c.accept(1, CaseTests.AT_WINDOW, clerk(MONDAY));
		c.accept(2, CaseTests.AT_WINDOW, clerk(MONDAY));
		LocalDate deadline = c.tasks().get(1).deadline();
		LocalDate promised = c.promise(CALENDARS).orElseThrow().date();
		Case.Step officer = step(Actor.officer(3, "o", "market-regulation"), MONDAY.plusDays(1));
		// legal limit 8, promised 5: at most 3 more
		assertThatThrownBy(() -> c.extend(2, 4, "site visit", 8, officer)).isInstanceOfSatisfying(
				org.hetao.estation.shared.Problem.class, p -> {
					assertThat(p.messageKey()).isEqualTo("casework.error.extension");
					assertThat(p.fieldErrors()).singleElement().satisfies(e -> {
						assertThat(e.field()).isEqualTo("workingDays");
						assertThat(e.messageKey()).isEqualTo("casework.error.extensionDays");
					});
				});
		assertThatThrownBy(() -> c.extend(2, 2, " ", 8, officer)).isInstanceOf(org.hetao.estation.shared.Problem.class);
		assertThat(c.tasks().get(1).deadline()).as("nothing half-done").isEqualTo(deadline);

		c.extend(2, 3, "site visit", 8, officer);
		assertThat(c.tasks().get(1).deadline()).isEqualTo(add(Jurisdiction.CN, deadline, 3));
		assertThat(c.promise(CALENDARS).orElseThrow().date()).isEqualTo(add(Jurisdiction.CN, promised, 3));
		assertThat(c.timeline()).last().satisfies(e -> {
			assertThat(e.action()).isEqualTo("EXTEND");
			assertThat(e.reason()).isEqualTo("+3: site visit");
		});
		assertThat(c.events()).filteredOn(TaskClockChanged.class::isInstance).last()
			.satisfies(e -> assertThat(((TaskClockChanged) e).change()).isEqualTo(TaskClockChanged.Change.EXTENDED));
		assertThat(c.events()).last().isInstanceOf(MatterPromised.class);
		assertThatThrownBy(() -> c.extend(2, 1, "again", 8, officer)).as("the legal limit is reached")
			.isInstanceOfSatisfying(org.hetao.estation.shared.Problem.class,
					p -> assertThat(p.fieldErrors().get(0).messageKey()).isEqualTo("casework.error.extensionNone"));
		assertThatThrownBy(() -> c.extend(3, 1, "not running", 8, officer)).as("a task waiting for others")
			.isInstanceOf(IllegalTransition.class);
	}

	@Test
	void standingOnTrackAtRiskKeptOrBroken() {
		MatterPromise promise = new MatterPromise(LocalDate.of(2026, 3, 20), false, Jurisdiction.CN);
		assertThat(promise.standing(LocalDate.of(2026, 3, 16), null, false, CALENDARS)).as("4 working days left")
			.isEqualTo(MatterPromise.Standing.ON_TRACK);
		assertThat(promise.standing(LocalDate.of(2026, 3, 16), null, true, CALENDARS)).as("a task is overdue")
			.isEqualTo(MatterPromise.Standing.AT_RISK);
		assertThat(promise.standing(LocalDate.of(2026, 3, 18), null, false, CALENDARS)).as("2 working days left: due soon")
			.isEqualTo(MatterPromise.Standing.AT_RISK);
		assertThat(promise.standing(LocalDate.of(2026, 3, 21), null, false, CALENDARS)).isEqualTo(MatterPromise.Standing.BROKEN);
		assertThat(promise.standing(LocalDate.of(2026, 3, 30), LocalDate.of(2026, 3, 20), false, CALENDARS))
			.isEqualTo(MatterPromise.Standing.KEPT);
		assertThat(promise.standing(LocalDate.of(2026, 3, 30), LocalDate.of(2026, 3, 23), false, CALENDARS))
			.isEqualTo(MatterPromise.Standing.BROKEN);
	}

	@Test
	void aPromisePastTheLastOfficialYearIsProvisional() {
		Case c = matter();
		LocalDate december = LocalDate.of(2026, 12, 21);
		c.accept(1, CaseTests.AT_WINDOW, clerk(december));
		c.accept(2, CaseTests.AT_WINDOW, clerk(december));
		MatterPromise promise = c.promise(CALENDARS).orElseThrow();
		assertThat(promise.date().getYear()).isEqualTo(2027);
		assertThat(promise.provisional()).isTrue();
	}

}
